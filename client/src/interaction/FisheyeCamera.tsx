// `FisheyeCamera`: with `makeDefault`, the canvas shows an equidistant
// fisheye view (180° across the short side of the canvas) from the node's
// pose. The scene is rendered into a cube map at that pose each frame, then
// resampled by a full-screen shader. While active it is the main view's lens
// (fisheyeLens.ts): pointer rays and main-view GRAB_RENDER go through it too.
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { setLens } from "./fisheyeLens";
import { bool, defaultOf, num } from "../core/props";

/** The scene an object belongs to (its topmost ancestor). */
function rootOf(object: THREE.Object3D): THREE.Object3D {
  let top = object;
  while (top.parent) top = top.parent;
  return top;
}

const vertexShader = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = vec4(position.xy, 0.0, 1.0);
  }`;

const fragmentShader = /* glsl */ `
  uniform samplerCube envMap;
  uniform mat3 orientation;
  uniform vec2 resolution;
  uniform float halfFov;
  varying vec2 vUv;
  void main() {
    vec2 p = (vUv * 2.0 - 1.0) * resolution / min(resolution.x, resolution.y);
    float r = length(p);
    if (r > 1.0) {
      gl_FragColor = vec4(0.0, 0.0, 0.0, 1.0);
      return;
    }
    float theta = r * halfFov;
    vec2 across = r > 0.0 ? p / r : vec2(0.0);
    vec3 direction = orientation * vec3(sin(theta) * across, -cos(theta));
    gl_FragColor = textureCube(envMap, direction);
    #include <tonemapping_fragment>
    #include <colorspace_fragment>
  }`;

/** Render the cube map at the holder's pose and aim the lens shader. */
function refresh(
  parts: { cubeCamera: THREE.CubeCamera; material: THREE.ShaderMaterial },
  gl: THREE.WebGLRenderer,
  holder: THREE.Object3D,
): void {
  holder.updateWorldMatrix(true, false);
  holder.getWorldPosition(parts.cubeCamera.position);
  parts.cubeCamera.updateMatrixWorld();
  parts.cubeCamera.update(gl, rootOf(holder));
  parts.material.uniforms.orientation.value.setFromMatrix4(new THREE.Matrix4().extractRotation(holder.matrixWorld));
}

function FisheyeRenderer({ pose, resolution, near, far }: {
  pose: RefObject<THREE.Group | null>;
  resolution: number;
  near: number;
  far: number;
}): null {
  const parts = useMemo(() => {
    const target = new THREE.WebGLCubeRenderTarget(resolution, { type: THREE.HalfFloatType });
    const cubeCamera = new THREE.CubeCamera(near, far, target);
    const material = new THREE.ShaderMaterial({
      uniforms: {
        envMap: { value: target.texture },
        orientation: { value: new THREE.Matrix3() },
        resolution: { value: new THREE.Vector2(1, 1) },
        halfFov: { value: Math.PI / 2 },
      },
      vertexShader,
      fragmentShader,
      depthTest: false,
      depthWrite: false,
    });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), material);
    quad.frustumCulled = false;
    const screen = new THREE.Scene();
    screen.add(quad);
    return { target, cubeCamera, material, quad, screen, ortho: new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1) };
  }, [resolution, near, far]);

  useEffect(() => {
    const holder = pose.current;
    if (!holder) return;
    return setLens({
      pose: holder,
      halfFov: parts.material.uniforms.halfFov.value as number,
      near,
      far,
      prepare(gl, width, height) {
        refresh(parts, gl, holder);
        parts.material.uniforms.resolution.value.set(width, height);
        return { scene: parts.screen, camera: parts.ortho };
      },
    });
  }, [parts, pose, near, far]);

  useEffect(
    () => () => {
      parts.target.dispose();
      parts.material.dispose();
      parts.quad.geometry.dispose();
    },
    [parts],
  );

  // A positive priority takes over the canvas' rendering while mounted.
  useFrame((state) => {
    const holder = pose.current;
    if (!holder) return;
    refresh(parts, state.gl, holder);
    state.gl.getDrawingBufferSize(parts.material.uniforms.resolution.value);
    state.gl.render(parts.screen, parts.ortho);
  }, 1);
  return null;
}

export function FisheyeCameraNode({ node, children }: TypedNodeProps<"FisheyeCamera">): ReactNode {
  const transform = useTransform(node);
  const pose = useRef<THREE.Group>(null);
  const active = bool(node.makeDefault, defaultOf(node, "makeDefault")) || node.active === true;
  return (
    <group ref={pose} {...transform}>
      {active && (
        <FisheyeRenderer
          pose={pose}
          resolution={Math.round(num(node.resolution, defaultOf(node, "resolution")))}
          near={num(node.near, defaultOf(node, "near"))}
          far={num(node.far, defaultOf(node, "far"))}
        />
      )}
      {children}
    </group>
  );
}
