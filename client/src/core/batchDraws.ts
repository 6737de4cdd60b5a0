// The two ways a batch group is drawn in one draw call (core/instancing.ts):
// - MergedDraw, for small geometries (a box has 24 vertices): one plain mesh
//   whose vertices are every member's vertices already in scene space, with a
//   colour per vertex. Only a changed member's vertices are rewritten. Software
//   WebGL (SwiftShader) pays ~40 µs per instance of an instanced draw, so 10,000
//   boxes draw ~14x faster this way there; GPUs are fast either way.
// - InstancedDraw, for larger geometries (where copies would cost memory): an
//   InstancedMesh with a matrix and a colour per instance.
import * as THREE from "three";

/** Up to this many vertices per member, members are merged into one geometry. */
export const MERGE_MAX_VERTICES = 64;

export interface BatchDraw {
  readonly object: THREE.Mesh;
  readonly capacity: number;
  /** Member slot `i` now has this scene-space matrix (null: not drawn) and colour. */
  write(i: number, matrix: ArrayLike<number> | null, color: THREE.Color): void;
  /** `n` members; `[lo, hi]` the slots written since the last call (lo > hi: none). */
  finish(n: number, lo: number, hi: number): void;
  dispose(): void;
}

function prepare(object: THREE.Mesh, castShadow: boolean, receiveShadow: boolean, name: string): void {
  object.frustumCulled = false; // members spread anywhere: not culled as one
  object.castShadow = castShadow;
  object.receiveShadow = receiveShadow;
  object.raycast = () => undefined; // events go to the members' own meshes
  object.name = name;
  object.matrixAutoUpdate = false;
}

export class InstancedDraw implements BatchDraw {
  readonly object: THREE.InstancedMesh;
  private readonly colors: THREE.InstancedBufferAttribute;

  constructor(
    geometry: THREE.BufferGeometry,
    material: THREE.Material,
    readonly capacity: number,
    shadows: [boolean, boolean],
    name: string,
  ) {
    const mesh = new THREE.InstancedMesh(geometry, material, capacity);
    mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    this.colors = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    this.colors.setUsage(THREE.DynamicDrawUsage);
    mesh.instanceColor = this.colors;
    mesh.count = 0;
    prepare(mesh, shadows[0], shadows[1], name);
    this.object = mesh;
  }

  write(i: number, matrix: ArrayLike<number> | null, color: THREE.Color): void {
    const m = this.object.instanceMatrix.array as Float32Array;
    if (matrix) m.set(matrix, i * 16);
    else m.fill(0, i * 16, i * 16 + 16);
    color.toArray(this.colors.array, i * 3);
  }

  finish(n: number, lo: number, hi: number): void {
    this.object.count = n;
    if (lo <= hi) {
      this.object.instanceMatrix.needsUpdate = true;
      this.colors.needsUpdate = true;
    }
  }

  dispose(): void {
    this.object.removeFromParent();
    this.object.dispose();
  }
}

const normalMatrix = new THREE.Matrix3();
const matrix4 = new THREE.Matrix4();

export class MergedDraw implements BatchDraw {
  readonly object: THREE.Mesh;
  private readonly merged = new THREE.BufferGeometry();
  private readonly vertices: number;
  private readonly indices: number;
  private readonly srcPosition: ArrayLike<number>;
  private readonly srcNormal: ArrayLike<number> | null;

  constructor(
    source: THREE.BufferGeometry,
    material: THREE.Material,
    readonly capacity: number,
    shadows: [boolean, boolean],
    name: string,
  ) {
    const position = source.getAttribute("position");
    const normal = source.getAttribute("normal");
    this.vertices = position.count;
    this.srcPosition = position.array;
    this.srcNormal = normal ? normal.array : null;
    const vertexCount = capacity * this.vertices;
    // Default (static) usage: updates are rare next to draws; DYNAMIC_DRAW measured slower in SwiftShader.
    const attribute = (size: number) => new THREE.BufferAttribute(new Float32Array(vertexCount * size), size);
    this.merged.setAttribute("position", attribute(3));
    if (this.srcNormal) this.merged.setAttribute("normal", attribute(3));
    this.merged.setAttribute("color", attribute(3));
    const uv = source.getAttribute("uv");
    if (uv) {
      const uvs = new Float32Array(vertexCount * 2);
      for (let k = 0; k < capacity; k++) for (let j = 0; j < uv.count * 2; j++) uvs[k * uv.count * 2 + j] = uv.array[j];
      this.merged.setAttribute("uv", new THREE.BufferAttribute(uvs, 2));
    }
    const index = source.getIndex();
    this.indices = index ? index.count : 0;
    if (index) {
      const all = new Uint32Array(capacity * this.indices);
      for (let k = 0; k < capacity; k++) {
        for (let j = 0; j < this.indices; j++) all[k * this.indices + j] = index.array[j] + k * this.vertices;
      }
      this.merged.setIndex(new THREE.BufferAttribute(all, 1));
    }
    this.merged.setDrawRange(0, 0);
    const mesh = new THREE.Mesh(this.merged, material);
    prepare(mesh, shadows[0], shadows[1], name);
    this.object = mesh;
  }

  write(i: number, matrix: ArrayLike<number> | null, color: THREE.Color): void {
    const n = this.vertices;
    const pos = this.merged.getAttribute("position").array as Float32Array;
    const col = this.merged.getAttribute("color").array as Float32Array;
    const at = i * n * 3;
    if (!matrix) {
      pos.fill(0, at, at + n * 3); // degenerate: nothing drawn
      return;
    }
    const e = matrix;
    const src = this.srcPosition;
    for (let v = 0; v < n; v++) {
      const x = src[v * 3];
      const y = src[v * 3 + 1];
      const z = src[v * 3 + 2];
      const o = at + v * 3;
      pos[o] = e[0] * x + e[4] * y + e[8] * z + e[12];
      pos[o + 1] = e[1] * x + e[5] * y + e[9] * z + e[13];
      pos[o + 2] = e[2] * x + e[6] * y + e[10] * z + e[14];
      col[o] = color.r;
      col[o + 1] = color.g;
      col[o + 2] = color.b;
    }
    const srcNormal = this.srcNormal;
    if (srcNormal) {
      const nor = this.merged.getAttribute("normal").array as Float32Array;
      const m = normalMatrix.getNormalMatrix(matrix4.fromArray(matrix)).elements;
      for (let v = 0; v < n; v++) {
        const x = srcNormal[v * 3];
        const y = srcNormal[v * 3 + 1];
        const z = srcNormal[v * 3 + 2];
        const nx = m[0] * x + m[3] * y + m[6] * z;
        const ny = m[1] * x + m[4] * y + m[7] * z;
        const nz = m[2] * x + m[5] * y + m[8] * z;
        const scale = 1 / (Math.hypot(nx, ny, nz) || 1);
        const o = at + v * 3;
        nor[o] = nx * scale;
        nor[o + 1] = ny * scale;
        nor[o + 2] = nz * scale;
      }
    }
  }

  finish(n: number, lo: number, hi: number): void {
    this.merged.setDrawRange(0, n * (this.indices || this.vertices));
    if (lo > hi) return;
    const span = this.vertices * 3;
    for (const name of ["position", "normal", "color"]) {
      const attribute = this.merged.getAttribute(name) as THREE.BufferAttribute | undefined;
      if (!attribute) continue;
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(lo * span, (hi - lo + 1) * span);
      attribute.needsUpdate = true;
    }
  }

  dispose(): void {
    this.object.removeFromParent();
    this.merged.dispose();
  }
}
