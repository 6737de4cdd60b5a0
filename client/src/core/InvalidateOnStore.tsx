// Inside the Canvas: redraw after every scene-store change (demand frame loop).
import { useInvalidateOnStore } from "./invalidate";

export function InvalidateOnStore(): null {
  useInvalidateOnStore();
  return null;
}
