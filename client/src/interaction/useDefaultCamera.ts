// Makes a scene camera the one the canvas renders with (`makeDefault`), and
// keeps its projection matched to the canvas while it is.
import { useThree } from "@react-three/fiber";
import { useLayoutEffect, type RefObject } from "react";
import type { OrthographicCamera, PerspectiveCamera } from "three";

export function useDefaultCamera(
  ref: RefObject<PerspectiveCamera | OrthographicCamera | null>,
  makeDefault: boolean,
): void {
  const set = useThree((s) => s.set);
  const get = useThree((s) => s.get);
  const size = useThree((s) => s.size);

  useLayoutEffect(() => {
    const camera = ref.current;
    if (!makeDefault || !camera) return;
    const previous = get().camera;
    set({ camera });
    return () => {
      if (get().camera === camera) set({ camera: previous });
    };
  }, [ref, makeDefault, set, get]);

  useLayoutEffect(() => {
    const camera = ref.current;
    if (!makeDefault || !camera || !("isPerspectiveCamera" in camera)) return;
    camera.aspect = size.width / Math.max(1, size.height);
    camera.updateProjectionMatrix();
  }, [ref, makeDefault, size]);
}
