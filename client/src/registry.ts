// Maps a wire tag to the React component that renders it.
import type { ComponentType, ReactNode } from "react";
import type { SceneNode } from "./types";

/** What every tag's component receives: its node's props and its rendered children. */
export interface NodeProps {
  node: SceneNode;
  children?: ReactNode;
}

export type NodeComponent = ComponentType<NodeProps>;

const components = new Map<string, NodeComponent>();

export function register(tag: string, component: NodeComponent): void {
  components.set(tag, component);
}

export function registerAll(table: Record<string, NodeComponent>): void {
  for (const [tag, component] of Object.entries(table)) components.set(tag, component);
}

export function lookup(tag: string): NodeComponent | undefined {
  return components.get(tag);
}

export function registeredTags(): string[] {
  return [...components.keys()];
}
