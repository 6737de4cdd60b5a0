// A texture that follows an image source prop. The previous image stays
// shown until the next one is decoded (no flicker in a video-rate stream), a
// decode that finishes after a newer one started is dropped, and every
// texture is freed once replaced or unmounted.
import { useEffect, useRef, useState } from "react";
import type * as THREE from "three";
import { describeSource, disposeTexture, loadTexture } from "./imageSource";

export function useImageTexture(src: unknown, linear = true, label = "image"): THREE.Texture | null {
  const [texture, setTexture] = useState<THREE.Texture | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (src === undefined || src === null) {
      setTexture(null);
      return;
    }
    const ticket = ++latest.current;
    loadTexture(src, linear).then(
      (next) => {
        if (ticket !== latest.current) disposeTexture(next);
        else setTexture(next);
      },
      (error: unknown) => {
        if (ticket === latest.current) console.error(`vuer: ${label} could not load ${describeSource(src)}:`, error);
      },
    );
  }, [src, linear, label]);

  // Free each texture when it is replaced, and the last one on unmount.
  useEffect(() => {
    if (!texture) return;
    return () => disposeTexture(texture);
  }, [texture]);
  useEffect(() => () => void latest.current++, []);

  return texture;
}
