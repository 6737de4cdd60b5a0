// Containers: group / Group (VuerGroup) place their children; a raw `mesh`
// takes its geometry and material from element children.
import type { ReactNode } from "react";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { objectFlags } from "./objectFlags";

export function GroupNode({ node, children }: TypedNodeProps<"group" | "VuerGroup" | "BoundingBoxProvider">): ReactNode {
  return <group {...useTransform(node)}>{children}</group>;
}

export function MeshNode({ node, children }: TypedNodeProps<"mesh">): ReactNode {
  return (
    <mesh {...useTransform(node)} {...objectFlags(node)}>
      {children}
    </mesh>
  );
}
