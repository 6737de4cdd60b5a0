// The scene tree, normalized by key, and the SET/ADD/UPDATE/UPSERT/REMOVE
// operations of docs/protocol.md. Entries are immutable: a change replaces the
// entry of every node it touches (and only those), so a view that selects one
// entry re-renders exactly when that node changes. The Map itself is mutated
// in place: copying it per message batch would cost O(scene) at 60 Hz.
import type { SceneNode } from "./types";

export const SLOTS = ["children", "bgChildren", "rawChildren", "htmlChildren"] as const;
export type Slot = (typeof SLOTS)[number];
const SLOT_NAMES: ReadonlySet<string> = new Set(SLOTS);

/** A child in a slot: another node by key, or a text child of an HTML element. */
export type ChildRef = { key: string } | { text: string };

export interface Entry {
  /** The wire node without its slots: tag, key and props (binary props kept as-is). */
  node: SceneNode;
  slots: Partial<Record<Slot, readonly ChildRef[]>>;
  parent: string | null;
  slot: Slot | null;
}

type Log = (message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return null;
  return [value]; // a lone child (e.g. a text string) counts as a list of one
}

export class SceneGraph {
  readonly nodes = new Map<string, Entry>();
  rootKey: string | null = null;
  private anonymous = 0;

  constructor(private readonly warn: Log = (m) => console.warn(m)) {}

  // ---- operations ----------------------------------------------------------

  set(root: unknown): void {
    this.nodes.clear();
    this.rootKey = null;
    if (!isRecord(root)) {
      this.warn("vuer: SET without a scene node; the scene is now empty");
      return;
    }
    const ref = this.ingest(root, null, null);
    if (ref && "key" in ref) this.rootKey = ref.key;
  }

  add(nodes: unknown, to: unknown): void {
    const parentKey = typeof to === "string" ? to : this.rootKey;
    if (parentKey === null || !this.nodes.has(parentKey)) {
      this.warn(`vuer: ADD to unknown parent ${JSON.stringify(to)}; nothing added`);
      return;
    }
    for (const raw of asList(nodes) ?? []) {
      const key = isRecord(raw) ? keyOf(raw) : null;
      if (key !== null && key === this.rootKey) {
        this.warn(`vuer: ADD of a node with the root's key ${JSON.stringify(key)}; ignored`);
      } else if (key !== null && this.nodes.has(key)) this.replaceInPlace(key, raw);
      else this.append(parentKey, "children", raw);
    }
  }

  update(nodes: unknown, strict: boolean): void {
    for (const raw of asList(nodes) ?? []) {
      if (!isRecord(raw)) continue;
      const key = keyOf(raw);
      if (key !== null && this.nodes.has(key)) this.merge(key, raw, strict);
    }
  }

  upsert(nodes: unknown, to: unknown, strict: boolean): void {
    for (const raw of asList(nodes) ?? []) {
      if (!isRecord(raw)) continue;
      const key = keyOf(raw);
      if (key !== null && this.nodes.has(key)) this.merge(key, raw, strict);
      else this.add([raw], to);
    }
  }

  remove(keys: unknown): void {
    for (const key of asList(keys) ?? []) {
      if (typeof key !== "string" || !this.nodes.has(key)) continue;
      this.detach(key);
      this.drop(key);
      if (key === this.rootKey) this.rootKey = null;
    }
  }

  // ---- helpers -------------------------------------------------------------

  /** Store a wire node and its subtree; returns its ref for the parent's slot. */
  private ingest(raw: unknown, parent: string | null, slot: Slot | null): ChildRef | null {
    if (typeof raw === "string" || typeof raw === "number") return { text: String(raw) };
    if (!isRecord(raw) || typeof raw.tag !== "string") {
      this.warn(`vuer: ignoring a child that is not a node: ${preview(raw)}`);
      return null;
    }
    const key = keyOf(raw) ?? `__anonymous-${this.anonymous++}`;
    if (this.nodes.has(key)) {
      // Keys are unique: a node that reappears elsewhere moves here.
      this.detach(key);
      this.drop(key);
    }
    const node: SceneNode = { tag: raw.tag, key };
    for (const name in raw) if (!SLOT_NAMES.has(name) && name !== "key") node[name] = raw[name];
    const entry: Entry = { node, slots: {}, parent, slot };
    this.nodes.set(key, entry);
    entry.slots = this.ingestSlots(raw, key);
    return { key };
  }

  private ingestSlots(raw: Record<string, unknown>, key: string): Entry["slots"] {
    const slots: Entry["slots"] = {};
    for (const slot of SLOTS) {
      const list = asList(raw[slot]);
      if (list === null) continue;
      const refs: ChildRef[] = [];
      for (const child of list) {
        const ref = this.ingest(child, key, slot);
        if (ref) refs.push(ref);
      }
      slots[slot] = refs;
    }
    return slots;
  }

  private merge(key: string, raw: Record<string, unknown>, strict: boolean): void {
    const old = this.nodes.get(key)!;
    const node: SceneNode = strict
      ? { tag: typeof raw.tag === "string" ? raw.tag : old.node.tag, key }
      : { ...old.node };
    for (const name in raw) {
      if (SLOT_NAMES.has(name) || name === "key") continue;
      if (name === "tag" && typeof raw.tag !== "string") continue;
      node[name] = raw[name];
    }
    let slots = old.slots;
    const given = SLOTS.filter((slot) => slot in raw);
    if (given.length > 0) {
      slots = { ...old.slots };
      for (const slot of given) {
        for (const ref of old.slots[slot] ?? []) if ("key" in ref) this.drop(ref.key);
        delete slots[slot];
      }
      // Write the entry first so the new children find their parent.
      this.nodes.set(key, { ...old, node, slots });
      const fresh = this.ingestSlots(Object.fromEntries(given.map((s) => [s, raw[s]])), key);
      const current = this.nodes.get(key);
      if (!current) return; // a new child reused this node's own key and displaced it
      slots = { ...current.slots, ...fresh };
    }
    this.nodes.set(key, { ...this.nodes.get(key)!, node, slots });
  }

  private append(parentKey: string, slot: Slot, raw: unknown): void {
    const ref = this.ingest(raw, parentKey, slot);
    if (!ref) return;
    const parent = this.nodes.get(parentKey);
    if (!parent) return; // the new node displaced its own parent: nothing to attach to
    const list = [...(parent.slots[slot] ?? []), ref];
    this.nodes.set(parentKey, { ...parent, slots: { ...parent.slots, [slot]: list } });
  }

  private replaceInPlace(key: string, raw: unknown): void {
    const old = this.nodes.get(key)!;
    const parent = old.parent === null ? undefined : this.nodes.get(old.parent);
    const slot = old.slot;
    this.drop(key);
    const ref = this.ingest(raw, old.parent, slot);
    if (!ref || !parent || slot === null) return;
    const fresh = this.nodes.get(parent.node.key) ?? parent;
    const list = (fresh.slots[slot] ?? []).map((r) => ("key" in r && r.key === key ? ref : r));
    this.nodes.set(fresh.node.key, { ...fresh, slots: { ...fresh.slots, [slot]: list } });
  }

  /** Unlink a node from its parent's slot (the subtree stays stored). */
  private detach(key: string): void {
    const entry = this.nodes.get(key);
    if (!entry || entry.parent === null || entry.slot === null) return;
    const parent = this.nodes.get(entry.parent);
    if (!parent) return;
    const list = (parent.slots[entry.slot] ?? []).filter((r) => !("key" in r && r.key === key));
    this.nodes.set(entry.parent, { ...parent, slots: { ...parent.slots, [entry.slot]: list } });
  }

  /** Forget a node and its whole subtree. */
  private drop(key: string): void {
    const entry = this.nodes.get(key);
    if (!entry) return;
    this.nodes.delete(key);
    for (const slot of SLOTS)
      for (const ref of entry.slots[slot] ?? []) if ("key" in ref) this.drop(ref.key);
  }
}

function keyOf(raw: Record<string, unknown>): string | null {
  if (typeof raw.key === "string") return raw.key;
  if (typeof raw.key === "number") return String(raw.key);
  return null;
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return String(value);
  }
}
