// The scene store's operations, as docs/protocol.md states them.
// Run: `npm test` in client/ (bundled by rolldown, run by node's test runner).
import assert from "node:assert/strict";
import { test } from "node:test";
import { SceneGraph, type Entry } from "../src/sceneGraph";

function graph(): { g: SceneGraph; warnings: string[] } {
  const warnings: string[] = [];
  const g = new SceneGraph((m) => warnings.push(m));
  g.set({
    tag: "Scene",
    key: "root",
    up: [0, 0, 1],
    children: [
      { tag: "Box", key: "a", position: [1, 2, 3], args: [1, 1, 1] },
      { tag: "Group", key: "g", children: [{ tag: "Sphere", key: "s" }] },
    ],
    bgChildren: [{ tag: "Grid", key: "grid" }],
    htmlChildren: [{ tag: "Div", key: "d", children: ["hello ", { tag: "b", key: "bold" }] }],
  });
  return { g, warnings };
}

function keys(entry: Entry | undefined, slot: "children" | "bgChildren" | "htmlChildren" = "children") {
  return (entry?.slots[slot] ?? []).map((r) => ("key" in r ? r.key : `#${r.text}`));
}

test("SET stores every slot by key and keeps props apart from children", () => {
  const { g } = graph();
  assert.equal(g.rootKey, "root");
  assert.deepEqual(keys(g.nodes.get("root")), ["a", "g"]);
  assert.deepEqual(keys(g.nodes.get("root"), "bgChildren"), ["grid"]);
  assert.deepEqual(keys(g.nodes.get("d")), ["#hello ", "bold"]);
  assert.deepEqual(g.nodes.get("root")!.node, { tag: "Scene", key: "root", up: [0, 0, 1] });
  assert.equal(g.nodes.get("s")!.parent, "g");
  assert.equal(g.nodes.size, 7);
});

test("a second SET replaces the whole scene", () => {
  const { g } = graph();
  g.set({ tag: "Scene", key: "r2", children: [{ tag: "Box", key: "x" }] });
  assert.deepEqual([...g.nodes.keys()].sort(), ["r2", "x"]);
});

test("ADD appends to the root, to a named node, and replaces an existing key in place", () => {
  const { g, warnings } = graph();
  g.add([{ tag: "Box", key: "b" }], null);
  g.add([{ tag: "Box", key: "c" }], "g");
  assert.deepEqual(keys(g.nodes.get("root")), ["a", "g", "b"]);
  assert.deepEqual(keys(g.nodes.get("g")), ["s", "c"]);
  g.add([{ tag: "Cone", key: "a", children: [{ tag: "Box", key: "inner" }] }], null);
  assert.deepEqual(keys(g.nodes.get("root")), ["a", "g", "b"]);
  assert.equal(g.nodes.get("a")!.node.tag, "Cone");
  assert.equal(g.nodes.get("a")!.node.position, undefined);
  assert.equal(g.nodes.get("inner")!.parent, "a");
  g.add([{ tag: "Box", key: "lost" }], "nowhere");
  assert.equal(g.nodes.has("lost"), false);
  assert.equal(warnings.length, 1);
});

test("UPDATE merges props, strict replaces them, unknown keys are a no-op", () => {
  const { g } = graph();
  const before = g.nodes.get("g");
  g.update([{ tag: "Box", key: "a", position: [0, 0, 0], color: "red" }], false);
  assert.deepEqual(g.nodes.get("a")!.node, { tag: "Box", key: "a", position: [0, 0, 0], args: [1, 1, 1], color: "red" });
  g.update([{ tag: "Box", key: "a", scale: 2 }], true);
  assert.deepEqual(g.nodes.get("a")!.node, { tag: "Box", key: "a", scale: 2 });
  g.update([{ tag: "Box", key: "ghost", scale: 2 }], false);
  assert.equal(g.nodes.has("ghost"), false);
  assert.equal(g.nodes.get("g"), before, "untouched nodes keep their entry (no re-render)");
});

test("UPDATE with children replaces the children", () => {
  const { g } = graph();
  g.update([{ tag: "Group", key: "g", children: [{ tag: "Box", key: "n" }] }], false);
  assert.deepEqual(keys(g.nodes.get("g")), ["n"]);
  assert.equal(g.nodes.has("s"), false);
});

test("UPSERT updates what exists and adds the rest to `to`", () => {
  const { g } = graph();
  g.upsert([{ tag: "Box", key: "a", color: "blue" }, { tag: "Box", key: "new" }], "g", false);
  assert.equal(g.nodes.get("a")!.node.color, "blue");
  assert.deepEqual(g.nodes.get("a")!.node.position, [1, 2, 3]);
  assert.deepEqual(keys(g.nodes.get("g")), ["s", "new"]);
});

test("REMOVE drops a node and its subtree wherever it is", () => {
  const { g } = graph();
  g.remove(["g", "grid", "bold", "missing"]);
  assert.deepEqual(keys(g.nodes.get("root")), ["a"]);
  assert.deepEqual(keys(g.nodes.get("root"), "bgChildren"), []);
  assert.deepEqual(keys(g.nodes.get("d")), ["#hello "]);
  assert.equal(g.nodes.has("s"), false);
});

test("binary props are kept as the same view, not copied", () => {
  const { g } = graph();
  const bytes = new Uint8Array(new ArrayBuffer(16), 3, 6);
  g.add([{ tag: "PointCloud", key: "pc", vertices: bytes }], null);
  assert.equal(g.nodes.get("pc")!.node.vertices, bytes);
});

test("malformed input is skipped with a warning", () => {
  const { g, warnings } = graph();
  g.add([42, null, { key: "no-tag" }], null);
  g.update("nonsense", false);
  g.remove(null);
  assert.deepEqual(keys(g.nodes.get("root")), ["a", "g", "#42"]);
  assert.ok(warnings.length >= 2);
});

test("a key that reappears inside a new subtree moves there", () => {
  const { g } = graph();
  g.add([{ tag: "Group", key: "h", children: [{ tag: "Sphere", key: "s" }] }], null);
  assert.deepEqual(keys(g.nodes.get("g")), []);
  assert.deepEqual(keys(g.nodes.get("h")), ["s"]);
  assert.equal(g.nodes.get("s")!.parent, "h");
});
