// Maps a wire tag to the React component that renders it. The props each tag
// may carry come from generated/schema.ts (the Python docstrings' "Props:"
// sections), so a component reading an undocumented prop does not compile.
import type { ComponentType, ReactNode } from "react";
import type { ComponentPropsByTag, ComponentTag } from "./generated/schema";
import type { SceneNode } from "./types";

/** What every tag's component receives: its node's props and its rendered children. */
export interface NodeProps {
  node: SceneNode;
  children?: ReactNode;
}

export type NodeComponent = ComponentType<NodeProps>;

/** An object type (not an interface) so it still passes where a SceneNode is taken. */
type Plain<N> = N extends unknown ? { [K in keyof N]: N[K] } : never;

/** The node of tag T (or of any tag in a union T), typed by the generated schema. */
export type NodeOf<T extends ComponentTag> = Plain<ComponentPropsByTag[T]>;

/** The props of a component that renders tag(s) T. */
export interface TypedNodeProps<T extends ComponentTag> {
  node: NodeOf<T>;
  children?: ReactNode;
}

/** A registration table: each tag's component takes that tag's typed node. */
export type ComponentTable = { [T in ComponentTag]?: ComponentType<TypedNodeProps<T>> };

const components = new Map<string, NodeComponent>();

export function register<T extends ComponentTag>(tag: T, component: ComponentType<TypedNodeProps<T>>): void {
  // Only nodes whose tag is T reach it (Node.tsx looks components up by tag).
  components.set(tag, component as unknown as NodeComponent);
}

/** Registers a typed table: every tag's component takes that tag's typed node. */
export function registerTable(table: ComponentTable): void {
  for (const [tag, component] of Object.entries(table)) {
    components.set(tag, component as unknown as NodeComponent);
  }
}

export function lookup(tag: string): NodeComponent | undefined {
  return components.get(tag);
}

export function registeredTags(): string[] {
  return [...components.keys()];
}
