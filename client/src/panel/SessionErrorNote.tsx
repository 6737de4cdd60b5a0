// The error that ended the last session (its spawn function raised), and when the
// page tries again. Shown even with the panel folded: it is why nothing is drawn.
import type { ReactNode } from "react";
import { useSessionError } from "../sessionError";

export function SessionErrorNote(): ReactNode {
  const error = useSessionError();
  if (error === null) return null;
  const times = error.count > 1 ? ` (${error.count} times)` : "";
  return (
    <p id="vuer-session-error" className="vuer-session-error" role="alert" data-count={error.count}>
      <strong>session ended with an error{times}</strong>
      <code className="vuer-session-error-text">{error.text}</code>
      <span className="vuer-session-error-retry">retrying in {Math.round(error.retryMs / 1000)} s</span>
    </p>
  );
}
