// Containers: group / Group (VuerGroup) place their children; a raw `mesh`
// takes its geometry and material from element children.
import type { ReactNode } from "react";
import { useTransform } from "../core/transform";
import type { NodeProps } from "../registry";
import { objectFlags } from "./props";

export function GroupNode({ node, children }: NodeProps): ReactNode {
  return <group {...useTransform(node)}>{children}</group>;
}

export function MeshNode({ node, children }: NodeProps): ReactNode {
  return (
    <mesh {...useTransform(node)} {...objectFlags(node)}>
      {children}
    </mesh>
  );
}
