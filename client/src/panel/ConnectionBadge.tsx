// A small badge with the socket state; also mirrored on
// document.body.dataset.vuerConnection for tests and styling.
import { useEffect, type ReactNode } from "react";
import { useScene } from "../store";

const LABELS = { connecting: "connecting…", connected: "connected", reconnecting: "reconnecting…" };

export function ConnectionBadge(): ReactNode {
  const state = useScene((s) => s.connection);
  useEffect(() => {
    document.body.dataset.vuerConnection = state;
  }, [state]);
  return (
    <span id="vuer-connection" className={`vuer-badge vuer-badge-${state}`} data-state={state}>
      {LABELS[state]}
    </span>
  );
}
