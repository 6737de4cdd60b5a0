// `Clickable`: a click on any of its children sends one event for the
// Clickable itself — etype `onClick` (default "ON_CLICK"), value `{key}` with
// the Clickable's key — instead of the ON_CLICK of the innermost child.
import type { ThreeEvent } from "@react-three/fiber";
import { useCallback, type ReactNode } from "react";
import { CLICK_SLOP } from "../core/SceneRoot";
import { useTransform } from "../core/transform";
import { sendNamedEvent } from "../events";
import type { TypedNodeProps } from "../registry";
import { CLIENT_ETYPES } from "../generated/protocol";

export function ClickableNode({ node, children }: TypedNodeProps<"Clickable">): ReactNode {
  const transform = useTransform(node);
  const etype = typeof node.onClick === "string" && node.onClick !== "" ? node.onClick : CLIENT_ETYPES.ON_CLICK;
  const key = node.key;
  const onClick = useCallback(
    (event: ThreeEvent<MouseEvent>) => {
      event.stopPropagation(); // this click is the Clickable's, not its child's
      if (event.delta > CLICK_SLOP) return;
      sendNamedEvent(etype, { key }, key);
    },
    [etype, key],
  );
  return (
    <group {...transform} onClick={onClick}>
      {children}
    </group>
  );
}
