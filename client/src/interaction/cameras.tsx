// Scene cameras: PerspectiveCamera, OrthographicCamera and their Simple*
// variants. `makeDefault` makes the canvas render through them; `lookAt`
// aims them after their position is set.
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import type { Object3D, OrthographicCamera, PerspectiveCamera } from "three";
import { toVector3, useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { bool, contentKey, defaultOf, num } from "../core/props";
import { useDefaultCamera } from "./useDefaultCamera";

function useLookAt(ref: RefObject<Object3D | null>, lookAt: unknown, position: unknown): void {
  const target = contentKey(lookAt);
  const at = contentKey(position);
  useLayoutEffect(() => {
    const point = toVector3(lookAt);
    if (ref.current && point) ref.current.lookAt(point);
  }, [ref, target, at]);
}

type PerspectiveTag = "PerspectiveCamera" | "SimplePerspectiveCamera";

function perspective(defaults: { fov: number; position?: number[] }): (props: TypedNodeProps<PerspectiveTag>) => ReactNode {
  return function PerspectiveCameraNode({ node, children }: TypedNodeProps<PerspectiveTag>): ReactNode {
    const ref = useRef<PerspectiveCamera>(null);
    const transform = useTransform(node.position === undefined ? { ...node, position: defaults.position } : node);
    useDefaultCamera(ref, bool(node.makeDefault, defaultOf(node, "makeDefault")));
    useLookAt(ref, node.lookAt, node.position);
    const { fov, near, far, zoom } = node;
    useLayoutEffect(() => ref.current?.updateProjectionMatrix(), [fov, near, far, zoom]);
    return (
      <perspectiveCamera
        ref={ref}
        {...transform}
        fov={num(fov, defaults.fov)}
        near={num(near, 0.1)}
        far={num(far, 1000)}
        zoom={num(zoom, 1)}
      >
        {children}
      </perspectiveCamera>
    );
  };
}

export function OrthographicCameraNode({ node, children }: TypedNodeProps<"OrthographicCamera" | "SimpleOrthographicCamera">): ReactNode {
  const ref = useRef<OrthographicCamera>(null);
  const transform = useTransform(node);
  useDefaultCamera(ref, bool(node.makeDefault, defaultOf(node, "makeDefault")));
  useLookAt(ref, node.lookAt, node.position);
  const { left, right, top, bottom, near, far, zoom } = node;
  useLayoutEffect(() => {
    // `manual`: the canvas must not reset the frustum to its pixel size.
    if (ref.current) Object.assign(ref.current, { manual: true }).updateProjectionMatrix();
  }, [left, right, top, bottom, near, far, zoom]);
  return (
    <orthographicCamera
      ref={ref}
      {...transform}
      left={num(left, -1)}
      right={num(right, 1)}
      top={num(top, 1)}
      bottom={num(bottom, -1)}
      near={num(near, 0.1)}
      far={num(far, 1000)}
      zoom={num(zoom, 1)}
    >
      {children}
    </orthographicCamera>
  );
}

export const PerspectiveCameraNode = perspective({ fov: 75 });
export const SimplePerspectiveCameraNode = perspective({ fov: 50, position: [0, 0, 5] });
