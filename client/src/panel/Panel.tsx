// The side panel: connection state and a collapsible scene tree. Starts
// collapsed with `?collapseMenu=true`.
import { useState, type ReactNode } from "react";
import { ConnectionBadge } from "./ConnectionBadge";
import { SceneTree } from "./SceneTree";
import { SessionErrorNote } from "./SessionErrorNote";
import { XRButtons } from "./XRButtons";

function startsCollapsed(): boolean {
  return new URLSearchParams(window.location.search).get("collapseMenu") === "true";
}

export function Panel(): ReactNode {
  const [collapsed, setCollapsed] = useState(startsCollapsed);
  return (
    <aside id="vuer-panel" className="vuer-panel" data-collapsed={collapsed}>
      <header className="vuer-panel-header">
        <button
          id="vuer-panel-toggle"
          className="vuer-panel-toggle"
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((c) => !c)}
        >
          {collapsed ? "▸" : "▾"} vuer
        </button>
        <ConnectionBadge />
        <XRButtons />
      </header>
      <SessionErrorNote />
      {!collapsed && <SceneTree />}
    </aside>
  );
}
