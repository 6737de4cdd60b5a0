// The root's htmlChildren, rendered as DOM over the canvas.
import { useMemo, type ReactNode } from "react";
import { renderRefs } from "../Node";
import { useEntry, useScene } from "../store";

export function HtmlLayer(): ReactNode {
  const rootKey = useScene((s) => s.rootKey);
  const refs = useEntry(rootKey)?.slots.htmlChildren;
  const children = useMemo(() => renderRefs(refs), [refs]);
  return (
    <div id="vuer-html" className="vuer-html">
      {children}
    </div>
  );
}
