// The scene tree: one row per node (tag and key), with a checkbox that hides
// the node locally. Each row selects only its own entry, like the renderer.
// The root's bgChildren (grid, lights, XR inputs, camera: DefaultScene's
// furniture) are folded under one "defaults" row, so the tree starts with what
// the program added. Clicking a tag shows that node's props.
import { memo, useState, type ReactNode } from "react";
import { SLOTS, type Entry } from "../sceneGraph";
import { toggleHidden, useEntry, useHidden, useScene } from "../store";
import { propsText } from "./nodeProps";

/** Rows deeper than this start folded, so huge trees stay cheap to show. */
const OPEN_DEPTH = 2;
/** Children listed per row; the rest are counted, not drawn. */
const MAX_ROWS = 200;

function keysOf(entry: Entry, slots: readonly string[]): string[] {
  return slots
    .flatMap((slot) => entry.slots[slot as keyof Entry["slots"]] ?? [])
    .flatMap((ref) => ("key" in ref ? [ref.key] : []));
}

function ChildRows({ keys, depth }: { keys: string[]; depth: number }): ReactNode {
  return (
    <ul>
      {keys.slice(0, MAX_ROWS).map((key) => (
        <TreeRow key={key} nodeKey={key} depth={depth} />
      ))}
      {keys.length > MAX_ROWS && <li className="vuer-tree-more">… {keys.length - MAX_ROWS} more</li>}
    </ul>
  );
}

/** The root's furniture, folded until asked for. */
function DefaultsRow({ keys, depth }: { keys: string[]; depth: number }): ReactNode {
  const [open, setOpen] = useState(false);
  if (keys.length === 0) return null;
  return (
    <li className="vuer-tree-row vuer-tree-defaults" data-defaults="true">
      <span className="vuer-tree-line">
        <button
          className="vuer-tree-fold"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-label={open ? "fold" : "unfold"}
        >
          {open ? "▾" : "▸"}
        </button>
        <span className="vuer-tree-group" title="the scene's built-in nodes (bgChildren)">
          defaults ({keys.length})
        </span>
      </span>
      {open && <ChildRows keys={keys} depth={depth} />}
    </li>
  );
}

const TreeRow = memo(function TreeRow({ nodeKey, depth }: { nodeKey: string; depth: number }): ReactNode {
  const entry = useEntry(nodeKey);
  const hidden = useHidden(nodeKey);
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [showProps, setShowProps] = useState(false);
  if (!entry) return null;
  const isRoot = depth === 0;
  const childKeys = keysOf(entry, isRoot ? SLOTS.filter((s) => s !== "bgChildren") : SLOTS);
  const defaultKeys = isRoot ? keysOf(entry, ["bgChildren"]) : [];
  const foldable = childKeys.length + defaultKeys.length > 0;
  const tag = entry.node.tag;
  return (
    <li className="vuer-tree-row" data-key={nodeKey}>
      <span className="vuer-tree-line" title={`${tag} ${nodeKey}`}>
        <button
          className="vuer-tree-fold"
          disabled={!foldable}
          onClick={() => setOpen((o) => !o)}
          aria-label={open ? "fold" : "unfold"}
        >
          {!foldable ? "·" : open ? "▾" : "▸"}
        </button>
        {depth > 0 && (
          <input
            type="checkbox"
            className="vuer-tree-visible"
            title="show / hide here (not sent to the server)"
            checked={!hidden}
            onChange={() => toggleHidden(nodeKey)}
          />
        )}
        <button
          className="vuer-tree-tag"
          aria-expanded={showProps}
          title={showProps ? "hide props" : `show the props of ${nodeKey}`}
          onClick={() => setShowProps((s) => !s)}
        >
          {tag}
        </button>
        <span className="vuer-tree-key">{nodeKey}</span>
      </span>
      {showProps && <pre className="vuer-tree-props">{propsText(entry.node)}</pre>}
      {open && foldable && (
        <>
          {childKeys.length > 0 && <ChildRows keys={childKeys} depth={depth + 1} />}
          {defaultKeys.length > 0 && (
            <ul>
              <DefaultsRow keys={defaultKeys} depth={depth + 1} />
            </ul>
          )}
        </>
      )}
    </li>
  );
});

export function SceneTree(): ReactNode {
  const rootKey = useScene((s) => s.rootKey);
  if (rootKey === null) return <p className="vuer-tree-empty">no scene yet</p>;
  return (
    <ul id="vuer-scene-tree" className="vuer-tree">
      <TreeRow nodeKey={rootKey} depth={0} />
    </ul>
  );
}
