// Renders one scene node by key: looks up its tag's component, renders its
// children, and isolates it (an error or a pending load in one node never takes
// the rest of the scene down). Each Node selects only its own store entry.
import { Children, Component, memo, Suspense, useEffect, useMemo, type ErrorInfo, type ReactNode } from "react";
import { requestFrame } from "./core/invalidate";
import { lookup } from "./registry";
import type { ChildRef, Entry } from "./sceneGraph";
import { useEntry, useHidden } from "./store";

const warnedTags = new Set<string>();

function warnUnknownTag(tag: string): void {
  if (warnedTags.has(tag)) return;
  warnedTags.add(tag);
  console.warn(`vuer: no component for tag "${tag}"; it and its children are not rendered`);
}

/**
 * React children for the refs of one slot: a Node per key, text as plain
 * strings (so a text component can read them back with childText).
 */
export function renderRefs(refs: readonly ChildRef[] | undefined): ReactNode[] | undefined {
  if (!refs || refs.length === 0) return undefined;
  return refs.map((ref) => ("key" in ref ? <Node key={ref.key} nodeKey={ref.key} /> : ref.text));
}

/** The text children of a node, joined (e.g. Text("hello") gives "hello"). */
export function childText(children: ReactNode): string {
  return Children.toArray(children)
    .filter((child): child is string | number => typeof child === "string" || typeof child === "number")
    .join("");
}

interface BoundaryProps {
  entry: Entry;
  children: ReactNode;
}

interface BoundaryState {
  failed: boolean;
  /** The entry that failed; a newer entry of the node gets a fresh try. */
  failedEntry: Entry | null;
}

/** Renders nothing for a node whose component threw, until the node changes. */
class NodeBoundary extends Component<BoundaryProps, BoundaryState> {
  state: BoundaryState = { failed: false, failedEntry: null };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): BoundaryState | null {
    if (state.failed && state.failedEntry && state.failedEntry !== props.entry)
      return { failed: false, failedEntry: null };
    return null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    const { tag, key } = this.props.entry.node;
    console.error(`vuer: <${tag} key="${key}"> failed to render`, error, info.componentStack);
    this.setState({ failedEntry: this.props.entry });
  }

  render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

export const Node = memo(function Node({ nodeKey }: { nodeKey: string }): ReactNode {
  const entry = useEntry(nodeKey);
  const hidden = useHidden(nodeKey);
  const children = useMemo(() => renderRefs(entry?.slots.children), [entry?.slots.children]);
  // Demand frame loop: a node's component may change three objects in its own
  // effects (after the store's frames); draw once they have run.
  useEffect(() => requestFrame(), [entry, hidden]);
  if (!entry || hidden) return null;
  const Rendered = lookup(entry.node.tag);
  if (!Rendered) {
    warnUnknownTag(entry.node.tag);
    return null;
  }
  return (
    <NodeBoundary entry={entry}>
      <Suspense fallback={null}>
        <Rendered node={entry.node}>{children}</Rendered>
      </Suspense>
    </NodeBoundary>
  );
});
