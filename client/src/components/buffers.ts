// Binary payloads (docs/protocol.md) to GPU-ready buffer attributes: float32
// bytes from a Float32Array view, colours as normalized uint8, other float16
// bytes (uv) as HALF_FLOAT from a Uint16Array view. Float16 positions are
// widened to float32 once on arrival: a half-float position attribute made
// every frame of a 1M-point cloud 1.4-2.8x slower under SwiftShader, which
// costs far more than one native conversion pass.
// A view is copied only when its byte offset is not aligned for its type.
import * as THREE from "three";

export type Precision = "float16" | "float32";

export function precisionOf(value: unknown): Precision {
  return value === "float32" ? "float32" : "float16";
}

/** Bytes from a wire prop (msgpack bin arrives as Uint8Array), or null. */
export function bytesOf(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

/** A typed view of `bytes`, copying only when the offset is misaligned. */
function view<T>(bytes: Uint8Array, width: number, make: (b: ArrayBuffer, offset: number, length: number) => T): T {
  const length = Math.floor(bytes.byteLength / width);
  if (bytes.byteOffset % width === 0) return make(bytes.buffer as ArrayBuffer, bytes.byteOffset, length);
  const copy = bytes.slice(0, length * width);
  return make(copy.buffer, 0, length);
}

export function float32View(bytes: Uint8Array): Float32Array {
  return view(bytes, 4, (b, o, n) => new Float32Array(b, o, n));
}

export function uint16View(bytes: Uint8Array): Uint16Array {
  return view(bytes, 2, (b, o, n) => new Uint16Array(b, o, n));
}

export function uint32View(bytes: Uint8Array): Uint32Array {
  return view(bytes, 4, (b, o, n) => new Uint32Array(b, o, n));
}

/**
 * A float attribute of `itemSize` from float16 or float32 bytes. For float16
 * the Uint16Array view itself becomes the attribute's array
 * (Float16BufferAttribute's constructor would copy it).
 */
export function floatAttribute(bytes: Uint8Array, itemSize: number, precision: Precision): THREE.BufferAttribute {
  if (precision === "float32") {
    const array = float32View(bytes);
    return new THREE.BufferAttribute(array.subarray(0, array.length - (array.length % itemSize)), itemSize);
  }
  const halves = uint16View(bytes);
  const array = halves.subarray(0, halves.length - (halves.length % itemSize));
  const attribute = new THREE.Float16BufferAttribute(new Uint16Array(0), itemSize);
  attribute.array = array;
  (attribute as unknown as { count: number }).count = array.length / itemSize;
  return attribute;
}

/** uint8 rgb colours, normalized to 0..1 by the GPU. */
type HalfArrayConstructor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayLike<number>;

let halfTable: Float32Array | null = null;

/** Float16 bit patterns to float32 values: native Float16Array where the browser has one. */
export function halvesToFloat32(halves: Uint16Array): Float32Array {
  const Native = (globalThis as { Float16Array?: HalfArrayConstructor }).Float16Array;
  if (Native) return new Float32Array(new Native(halves.buffer, halves.byteOffset, halves.length));
  if (!halfTable) {
    halfTable = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) halfTable[h] = THREE.DataUtils.fromHalfFloat(h);
  }
  const table = halfTable;
  const out = new Float32Array(halves.length);
  for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]];
  return out;
}

/** An xyz position attribute, always float32 (float16 bytes are widened once here). */
export function positionAttribute(bytes: Uint8Array, precision: Precision): THREE.BufferAttribute {
  if (precision === "float32") return floatAttribute(bytes, 3, precision);
  const halves = uint16View(bytes);
  return new THREE.BufferAttribute(halvesToFloat32(halves.subarray(0, halves.length - (halves.length % 3))), 3);
}

export function colorAttribute(bytes: Uint8Array): THREE.BufferAttribute {
  const array = bytes.subarray(0, bytes.length - (bytes.length % 3));
  return new THREE.BufferAttribute(array, 3, true);
}

export function indexAttribute(bytes: Uint8Array): THREE.BufferAttribute {
  return new THREE.BufferAttribute(uint32View(bytes), 1);
}

function floatBox(array: Float32Array, box: THREE.Box3): void {
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  for (let i = 0; i + 2 < array.length; i += 3) {
    const x = array[i], y = array[i + 1], z = array[i + 2];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
    if (z < z0) z0 = z;
    if (z > z1) z1 = z;
  }
  box.min.set(x0, y0, z0);
  box.max.set(x1, y1, z1);
}

/**
 * Sets the geometry's bounding box and sphere from its float32 xyz position
 * attribute in one pass over the raw array (three's own computeBoundingSphere
 * reads every element through getX).
 */
export function setBounds(geometry: THREE.BufferGeometry, position: THREE.BufferAttribute): void {
  const box = new THREE.Box3();
  if (position.count === 0) box.set(new THREE.Vector3(), new THREE.Vector3());
  else floatBox(position.array as Float32Array, box);
  geometry.boundingBox = box;
  geometry.boundingSphere = box.getBoundingSphere(new THREE.Sphere());
}
