// Renders a camera's view off-screen and encodes it as JPEG/PNG bytes, with an
// optional depth image. Used by GRAB_RENDER (main view and CameraView) and by
// streaming CameraViews.
import * as THREE from "three";

export interface CaptureOptions {
  width: number;
  height: number;
  /** "jpeg" (default) or "png". */
  format: "jpeg" | "png";
  /** JPEG quality in 0..1. */
  quality: number;
  renderDepth: boolean;
}

export interface Capture {
  frame: Uint8Array;
  depthFrame?: Uint8Array;
  width: number;
  height: number;
}

/** Linear view depth between the camera's near (black) and far (white). */
const depthMaterial = new THREE.ShaderMaterial({
  uniforms: { near: { value: 0.1 }, far: { value: 100 } },
  vertexShader: /* glsl */ `
    varying float vViewZ;
    void main() {
      vec4 viewPosition = modelViewMatrix * vec4(position, 1.0);
      vViewZ = -viewPosition.z;
      gl_Position = projectionMatrix * viewPosition;
    }`,
  fragmentShader: /* glsl */ `
    uniform float near;
    uniform float far;
    varying float vViewZ;
    void main() {
      float d = clamp((vViewZ - near) / (far - near), 0.0, 1.0);
      gl_FragColor = vec4(vec3(d), 1.0);
    }`,
});

/** Reused targets by size and kind: a streaming CameraView renders every frame. */
const targets = new Map<string, THREE.WebGLRenderTarget>();
const MAX_TARGETS = 4;

function renderTarget(width: number, height: number, srgb: boolean): THREE.WebGLRenderTarget {
  const id = `${width}x${height}${srgb ? "s" : "l"}`;
  const cached = targets.get(id);
  if (cached) return cached;
  const target = new THREE.WebGLRenderTarget(width, height, { depthBuffer: true });
  if (srgb) {
    // Three applies the output colour space and tone mapping only when drawing
    // to the screen or an XR target. Flagging this target as XR gives the same
    // look as the canvas, stored as plain 8-bit sRGB we can read back.
    // RGBA8 storage keeps the GPU from encoding the (already encoded) output a
    // second time, as an SRGB8_ALPHA8 texture would.
    target.texture.colorSpace = THREE.SRGBColorSpace;
    target.texture.internalFormat = "RGBA8";
    (target as { isXRRenderTarget?: boolean }).isXRRenderTarget = true;
  }
  if (targets.size >= MAX_TARGETS) {
    const [oldest, old] = targets.entries().next().value as [string, THREE.WebGLRenderTarget];
    targets.delete(oldest);
    old.dispose();
  }
  targets.set(id, target);
  return target;
}

/** Render once into an 8-bit target; returns top-down RGBA rows. */
export function renderPixels(
  gl: THREE.WebGLRenderer,
  scene: THREE.Scene,
  camera: THREE.Camera,
  width: number,
  height: number,
  srgb: boolean,
): Uint8ClampedArray<ArrayBuffer> {
  const target = renderTarget(width, height, srgb);
  const previous = gl.getRenderTarget();
  const xrEnabled = gl.xr.enabled;
  gl.xr.enabled = false; // an XR session must not redirect this render
  const pixels = new Uint8Array(width * height * 4);
  try {
    gl.setRenderTarget(target);
    gl.clear();
    gl.render(scene, camera);
    gl.readRenderTargetPixels(target, 0, 0, width, height, pixels);
  } finally {
    gl.setRenderTarget(previous);
    gl.xr.enabled = xrEnabled;
  }
  // GL rows run bottom-up; images run top-down.
  const flipped = new Uint8ClampedArray(width * height * 4);
  const row = width * 4;
  for (let y = 0; y < height; y++)
    flipped.set(pixels.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  return flipped;
}

async function encode(
  rgba: Uint8ClampedArray<ArrayBuffer>,
  width: number,
  height: number,
  type: string,
  quality: number,
): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2D canvas to encode the image");
  context.putImageData(new ImageData(rgba, width, height), 0, 0);
  const blob = await canvas.convertToBlob({ type, quality });
  return new Uint8Array(await blob.arrayBuffer());
}

function cameraRange(camera: THREE.Camera): [number, number] {
  const c = camera as Partial<THREE.PerspectiveCamera>;
  return [c.near ?? 0.1, c.far ?? 100];
}

/** Render `camera`'s view of `scene` at the given size and encode it. */
export async function capture(
  gl: THREE.WebGLRenderer,
  scene: THREE.Scene,
  camera: THREE.Camera,
  options: CaptureOptions,
): Promise<Capture> {
  const width = Math.max(1, Math.round(options.width));
  const height = Math.max(1, Math.round(options.height));
  const rgba = renderPixels(gl, scene, camera, width, height, true);
  let depth: Uint8ClampedArray<ArrayBuffer> | undefined;
  if (options.renderDepth) {
    const [near, far] = cameraRange(camera);
    depthMaterial.uniforms.near.value = near;
    depthMaterial.uniforms.far.value = far;
    const { overrideMaterial, background } = scene;
    scene.overrideMaterial = depthMaterial;
    scene.background = new THREE.Color(1, 1, 1); // nothing hit: as far as it gets
    try {
      depth = renderPixels(gl, scene, camera, width, height, false);
    } finally {
      scene.overrideMaterial = overrideMaterial;
      scene.background = background;
    }
  }
  const type = options.format === "png" ? "image/png" : "image/jpeg";
  const frame = await encode(rgba, width, height, type, options.quality);
  const result: Capture = { frame, width, height };
  if (depth) result.depthFrame = await encode(depth, width, height, "image/png", 1);
  return result;
}

/** Capture options from a GRAB_RENDER message's data, with per-source defaults. */
export function captureOptions(
  data: Record<string, unknown>,
  defaults: { width: number; height: number; renderDepth: boolean },
): CaptureOptions {
  const subsample = typeof data.subsample === "number" && data.subsample >= 1 ? data.subsample : 1;
  let quality = typeof data.quality === "number" ? data.quality : 0.9;
  if (quality > 1) quality /= 100; // accept 0..100 as well as 0..1
  const format = String(data.format ?? "jpeg").toLowerCase();
  return {
    width: Math.max(1, Math.floor(defaults.width / subsample)),
    height: Math.max(1, Math.floor(defaults.height / subsample)),
    format: format.includes("png") ? "png" : "jpeg",
    quality: Math.min(1, Math.max(0, quality)),
    renderDepth: typeof data.renderDepth === "boolean" ? data.renderDepth : defaults.renderDepth,
  };
}
