// `?stats=true`: a corner overlay with frames per second and the draw calls of
// the latest frame, to find what still draws when nothing moves.
import { useEffect, useState, type ReactNode } from "react";
import { stats } from "../store";

const PERIOD_MS = 500;

export function statsRequested(): boolean {
  return new URLSearchParams(window.location.search).get("stats") === "true";
}

export function StatsOverlay(): ReactNode {
  const [text, setText] = useState("");
  useEffect(() => {
    let frames = stats.frames;
    let at = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const fps = ((stats.frames - frames) * 1000) / Math.max(now - at, 1);
      frames = stats.frames;
      at = now;
      setText(`${fps.toFixed(1)} fps · ${stats.drawCalls} draw calls · ${stats.triangles} triangles`);
    }, PERIOD_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <div id="vuer-stats" className="vuer-stats">
      {text}
    </div>
  );
}
