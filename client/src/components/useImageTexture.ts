// A texture that follows an image source prop. A stream of images (video-rate
// ImageBackground frames) reuses one texture: each decoded bitmap replaces
// the last one's pixels, the previous image stays shown until the next is
// decoded (no flicker), and a decode that finishes after a newer one started
// is dropped. The texture and its bitmap are freed on unmount.
import { useEffect, useRef, useState } from "react";
import type * as THREE from "three";
import { requestFrame } from "../core/invalidate";
import { decodeImage, describeSource, disposeTexture, textureFor } from "./imageSource";

export function useImageTexture(src: unknown, linear = true, label = "image"): THREE.Texture | null {
  const [texture, setTexture] = useState<THREE.Texture | null>(null);
  // Bumped when the shown image changes inside the same texture (its size may differ).
  const [, setFrame] = useState(0);
  const latest = useRef(0);
  const current = useRef<THREE.Texture | null>(null);

  useEffect(() => {
    if (src === undefined || src === null) return;
    const ticket = ++latest.current;
    decodeImage(src).then(
      (bitmap) => {
        if (ticket !== latest.current) {
          bitmap.close();
          return;
        }
        const shown = current.current;
        if (shown && shown.userData.linear === linear) {
          (shown.image as ImageBitmap).close();
          shown.image = bitmap;
          shown.needsUpdate = true;
          requestFrame(); // new pixels in the same texture: no prop changed, so ask
          setFrame((n) => n + 1);
        } else {
          if (shown) disposeTexture(shown);
          current.current = textureFor(bitmap, linear);
          setTexture(current.current);
        }
      },
      (error: unknown) => {
        if (ticket === latest.current) console.error(`vuer: ${label} could not load ${describeSource(src)}:`, error);
      },
    );
  }, [src, linear, label]);

  useEffect(
    () => () => {
      latest.current++;
      if (current.current) disposeTexture(current.current);
      current.current = null;
    },
    [],
  );

  return src === undefined || src === null ? null : texture;
}
