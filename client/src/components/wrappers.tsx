// Wrappers that act on their children: Center (centres them by their
// bounding box) and Trail (a fading line following them as they move).
import { Center, Trail } from "@react-three/drei";
import type { ReactNode } from "react";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { bool, color, defaultOf, num } from "../core/props";

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
      <Center {...props} precise={bool(node.precise, defaultOf(node, "precise"))}>
        {children}
      </Center>
    </group>
  );
}

export function TrailNode({ node, children }: TypedNodeProps<"Trail">): ReactNode {
  return (
    <group {...useTransform(node)}>
      <Trail
        width={num(node.width, defaultOf(node, "width"))}
        color={color(node.color, defaultOf(node, "color"))}
        length={num(node.length, defaultOf(node, "length"))}
        decay={num(node.decay, defaultOf(node, "decay"))}
        local={bool(node.local, defaultOf(node, "local"))}
        stride={num(node.stride, defaultOf(node, "stride"))}
        interval={num(node.interval, defaultOf(node, "interval"))}
      >
        {children}
      </Trail>
    </group>
  );
}
