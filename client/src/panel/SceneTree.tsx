// The scene tree: one row per node (tag and key), with a checkbox that hides
// the node locally. Each row selects only its own entry, like the renderer.
import { memo, useState, type ReactNode } from "react";
import { SLOTS } from "../sceneGraph";
import { toggleHidden, useEntry, useHidden, useScene } from "../store";

/** Rows deeper than this start folded, so huge trees stay cheap to show. */
const OPEN_DEPTH = 2;
/** Children listed per row; the rest are counted, not drawn. */
const MAX_ROWS = 200;

const TreeRow = memo(function TreeRow({ nodeKey, depth }: { nodeKey: string; depth: number }): ReactNode {
  const entry = useEntry(nodeKey);
  const hidden = useHidden(nodeKey);
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  if (!entry) return null;
  const childKeys = SLOTS.flatMap((slot) => entry.slots[slot] ?? []).flatMap((ref) =>
    "key" in ref ? [ref.key] : [],
  );
  return (
    <li className="vuer-tree-row" data-key={nodeKey}>
      <span className="vuer-tree-line">
        <button
          className="vuer-tree-fold"
          disabled={childKeys.length === 0}
          onClick={() => setOpen((o) => !o)}
          aria-label={open ? "fold" : "unfold"}
        >
          {childKeys.length === 0 ? "·" : open ? "▾" : "▸"}
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
        <span className="vuer-tree-tag">{entry.node.tag}</span>
        <span className="vuer-tree-key">{nodeKey}</span>
      </span>
      {open && childKeys.length > 0 && (
        <ul>
          {childKeys.slice(0, MAX_ROWS).map((key) => (
            <TreeRow key={key} nodeKey={key} depth={depth + 1} />
          ))}
          {childKeys.length > MAX_ROWS && (
            <li className="vuer-tree-more">… {childKeys.length - MAX_ROWS} more</li>
          )}
        </ul>
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
