// Wrappers that act on their children: Center (centres them by their
// bounding box) and Trail (a fading line following them as they move).
import { Center, Trail } from "@react-three/drei";
import type { ReactNode } from "react";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { bool, color, num } from "../core/props";

export function CenterNode({ node, children }: TypedNodeProps<"Center">): ReactNode {
  const flags = [
    "top",
    "right",
    "bottom",
    "left",
    "front",
    "back",
    "disable",
    "disableX",
    "disableY",
    "disableZ",
  ] as const;
  const props = Object.fromEntries(flags.map((name) => [name, bool(node[name], false)]));
  return (
    <group {...useTransform(node)}>
      <Center {...props} precise={bool(node.precise, true)}>
        {children}
      </Center>
    </group>
  );
}

export function TrailNode({ node, children }: TypedNodeProps<"Trail">): ReactNode {
  return (
    <group {...useTransform(node)}>
      <Trail
        width={num(node.width, 0.2)}
        color={color(node.color, "hotpink")}
        length={num(node.length, 1)}
        decay={num(node.decay, 1)}
        local={bool(node.local, false)}
        stride={num(node.stride, 0)}
        interval={num(node.interval, 1)}
      >
        {children}
      </Trail>
    </group>
  );
}
