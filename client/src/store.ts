// The client's scene state (zustand). One store notification per message
// batch; each rendered node selects only its own entry (useEntry), so a stream
// of updates re-renders only the nodes that changed.
import { createStore, useStore } from "zustand";
import { defaultSceneGraph } from "./core/defaultScene";
import type { Entry, SceneGraph } from "./sceneGraph";
import { type ServerMessage, SERVER_ETYPES } from "./generated/protocol";
import type { WireMessage } from "./types";

export type ConnectionState = "connecting" | "connected" | "reconnecting";

export interface SceneState {
  /** Bumped once per applied batch; the graph's Map is mutated in place. */
  version: number;
  graph: SceneGraph;
  rootKey: string | null;
  /** Keys hidden locally from the panel (never sent to the server). */
  hidden: ReadonlySet<string>;
  connection: ConnectionState;
}

/** Counters for tests and benches; the *Ms fields time the latest message / batch. */
export const stats = { frames: 0, drawCalls: 0, triangles: 0, messages: 0, batches: 0, errors: 0, lastDecodeMs: 0, lastApplyMs: 0 };

const initialGraph = defaultSceneGraph();

export const sceneStore = createStore<SceneState>(() => ({
  version: 0,
  graph: initialGraph,
  rootKey: initialGraph.rootKey,
  hidden: new Set<string>(),
  connection: "connecting",
}));

/**
 * Apply one scene message to the graph; returns false when it is not a scene op.
 * The message is as decoded: its etype picks the declared shape, and the graph
 * checks the contents (nodes, keys) itself.
 */
function applyOne(graph: SceneGraph, wire: WireMessage): boolean {
  const message = wire as ServerMessage;
  switch (message.etype) {
    case SERVER_ETYPES.SET:
      graph.set(message.data);
      return true;
    case SERVER_ETYPES.ADD:
      graph.add(message.data?.nodes, message.data?.to ?? wire.to);
      return true;
    case SERVER_ETYPES.UPDATE:
      graph.update(message.data?.nodes, message.strict === true);
      return true;
    case SERVER_ETYPES.UPSERT:
      graph.upsert(message.data?.nodes, message.data?.to ?? wire.to, message.strict === true);
      return true;
    case SERVER_ETYPES.REMOVE:
      graph.remove(message.data?.keys);
      return true;
    default:
      return false;
  }
}

/**
 * Apply a batch of scene messages in order, then notify subscribers once.
 * Messages that are not scene operations are returned for the caller.
 */
export function applyBatch(messages: readonly WireMessage[]): WireMessage[] {
  const { graph } = sceneStore.getState();
  const rest: WireMessage[] = [];
  let changed = false;
  for (const message of messages) {
    try {
      if (applyOne(graph, message)) changed = true;
      else rest.push(message);
    } catch (error) {
      stats.errors++;
      console.error(`vuer: could not apply ${message.etype}`, error);
    }
  }
  if (changed) {
    stats.batches++;
    sceneStore.setState((s) => ({ version: s.version + 1, rootKey: graph.rootKey }));
  }
  return rest;
}

export function setConnection(connection: ConnectionState): void {
  if (sceneStore.getState().connection !== connection) sceneStore.setState({ connection });
}

export function toggleHidden(key: string): void {
  sceneStore.setState((s) => {
    const hidden = new Set(s.hidden);
    if (!hidden.delete(key)) hidden.add(key);
    return { hidden };
  });
}

export function useScene<T>(selector: (state: SceneState) => T): T {
  return useStore(sceneStore, selector);
}

/** The entry of one node; re-renders only when that entry is replaced. */
export function useEntry(key: string | null): Entry | undefined {
  return useStore(sceneStore, (s) => (key === null ? undefined : s.graph.nodes.get(key)));
}

export function useHidden(key: string): boolean {
  return useStore(sceneStore, (s) => s.hidden.has(key));
}
