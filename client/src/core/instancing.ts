// Automatic instancing. Primitives that share a geometry and a material (all
// but the colour) are drawn in one draw call per group once the group has
// BATCH_MIN members (an InstancedMesh, or for small geometries one merged
// mesh: core/batchDraws.ts). Each node keeps its own <mesh> in the scene tree (its
// key, transform, children, raycasting and so its events): while batched that
// mesh gets a hidden material (not drawn, still raycast), and its world matrix
// and colour are copied into the group's draw before each render,
// uploading only when something changed. A mesh whose material was replaced
// (a material element child) or that is invisible gets a zero-size instance
// and draws itself. See docs/instancing.md.
import * as THREE from "three";
import { type BatchDraw, InstancedDraw, MERGE_MAX_VERTICES, MergedDraw } from "./batchDraws";
import { requestFrame } from "./invalidate";

/** Below this many members a group's meshes draw themselves (no gain from batching). */
export const BATCH_MIN = 8;

/** Not drawn, still raycast (three's Mesh.raycast ignores material.visible). One per side. */
const HIDDEN = new Map<number, THREE.Material>();
export function hiddenMaterial(side: THREE.Side): THREE.Material {
  let m = HIDDEN.get(side);
  if (!m) {
    m = new THREE.MeshBasicMaterial({ visible: false, side });
    HIDDEN.set(side, m);
  }
  return m;
}

/** One batched node: its mesh and its instance colour. */
export interface Member {
  mesh: THREE.Mesh;
  hidden: THREE.Material;
  color: THREE.Color;
  index: number;
  group: Group | null;
}

export interface BatchSpec {
  key: string;
  geometry: THREE.BufferGeometry;
  /** The material of the whole group (the node's, with a white colour). */
  makeMaterial: () => THREE.Material;
  castShadow: boolean;
  receiveShadow: boolean;
}

const local = new THREE.Matrix4();
const toScene = new THREE.Matrix4();

class Group {
  readonly members: Member[] = [];
  draw: BatchDraw | null = null;
  readonly listeners = new Set<() => void>();
  readonly material: THREE.Material;
  private readonly merge: boolean;
  /** What each slot last drew (matrix, colour, drawn), to rewrite only changes. */
  private matrices = new Float64Array(0);
  private colors = new Float64Array(0);
  private drawn = new Uint8Array(0);

  constructor(readonly spec: BatchSpec) {
    this.material = spec.makeMaterial();
    this.merge = spec.geometry.getAttribute("position").count <= MERGE_MAX_VERTICES;
    if (this.merge) this.material.vertexColors = true; // the merged mesh's colour per vertex
  }

  get batched(): boolean {
    return this.members.length >= BATCH_MIN;
  }

  notify(): void {
    for (const fn of this.listeners) fn();
  }

  /** Write changed world matrices and colours into the group's draw. */
  sync(scene: THREE.Scene): void {
    if (!this.batched) {
      this.detach();
      return;
    }
    const n = this.members.length;
    if (!this.draw || this.draw.capacity < n) this.grow(scene, Math.max(n, 2 * (this.draw?.capacity ?? 0)));
    const draw = this.draw as BatchDraw;
    // Members live in the scene's frame; world matrices include the scene's own transform.
    const sceneMoved = !isIdentity(scene.matrixWorld.elements);
    if (sceneMoved) toScene.copy(scene.matrixWorld).invert();
    let lo = n;
    let hi = -1;
    for (let i = 0; i < n; i++) {
      const member = this.members[i];
      const visible = member.mesh.material === member.hidden && visibleChain(member.mesh);
      const world = sceneMoved ? local.multiplyMatrices(toScene, member.mesh.matrixWorld).elements : member.mesh.matrixWorld.elements;
      if (!this.changed(i, visible, world, member.color)) continue;
      draw.write(i, visible ? world : null, member.color);
      if (i < lo) lo = i;
      hi = i;
    }
    draw.finish(n, lo, hi);
  }

  private changed(i: number, visible: boolean, world: ArrayLike<number>, color: THREE.Color): boolean {
    let changed = this.drawn[i] !== (visible ? 1 : 2);
    this.drawn[i] = visible ? 1 : 2;
    const m = this.matrices;
    const at = i * 16;
    for (let j = 0; j < 16; j++) {
      if (m[at + j] !== world[j]) {
        m[at + j] = world[j];
        changed = true;
      }
    }
    const c = this.colors;
    const ci = i * 3;
    if (c[ci] !== color.r || c[ci + 1] !== color.g || c[ci + 2] !== color.b) {
      c[ci] = color.r;
      c[ci + 1] = color.g;
      c[ci + 2] = color.b;
      changed = true;
    }
    return changed;
  }

  private grow(scene: THREE.Scene, capacity: number): void {
    this.detach();
    const Draw = this.merge ? MergedDraw : InstancedDraw;
    const shadows: [boolean, boolean] = [this.spec.castShadow, this.spec.receiveShadow];
    this.draw = new Draw(this.spec.geometry, this.material, capacity, shadows, `vuer-batch:${this.spec.key}`);
    this.matrices = new Float64Array(capacity * 16);
    this.colors = new Float64Array(capacity * 3);
    this.drawn = new Uint8Array(capacity); // 0: never written, so every slot is written once
    scene.add(this.draw.object);
  }

  detach(): void {
    if (!this.draw) return;
    this.draw.dispose();
    this.draw = null;
  }
}

function isIdentity(e: ArrayLike<number>): boolean {
  for (let i = 0; i < 16; i++) if (e[i] !== (i % 5 === 0 ? 1 : 0)) return false;
  return true;
}

function visibleChain(object: THREE.Object3D): boolean {
  for (let o: THREE.Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

const groups = new Map<string, Group>();
const hooked = new WeakSet<THREE.Scene>();

/** Sync every group before the scene renders (after three updated the world matrices). */
function hookScene(scene: THREE.Scene): void {
  if (hooked.has(scene)) return;
  hooked.add(scene);
  const previous = scene.onBeforeRender;
  scene.onBeforeRender = function (...args) {
    for (const group of groups.values()) group.sync(scene);
    previous.apply(this, args);
  };
}

/** Whether group `key` is drawn batched now. */
export function isBatched(key: string | null): boolean {
  return key !== null && (groups.get(key)?.batched ?? false);
}

/** Call `fn` when group `key` starts or stops being batched; returns the unsubscribe. */
export function onBatchedChange(key: string | null, fn: () => void): () => void {
  if (key === null) return () => undefined;
  let group = groups.get(key);
  const listeners = group?.listeners ?? pendingListeners(key);
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
    group = groups.get(key);
    group?.listeners.delete(fn);
  };
}

// Subscriptions may come before the group exists (render before the layout effect).
const pending = new Map<string, Set<() => void>>();
function pendingListeners(key: string): Set<() => void> {
  let set = pending.get(key);
  if (!set) {
    set = new Set();
    pending.set(key, set);
  }
  return set;
}

/** Put a mesh into the group `spec.key`; pass the result to `leave` on unmount. */
export function join(scene: THREE.Scene, spec: BatchSpec, mesh: THREE.Mesh, own: THREE.Material): Member {
  hookScene(scene);
  let group = groups.get(spec.key);
  if (!group) {
    group = new Group(spec);
    const waiting = pending.get(spec.key);
    if (waiting) for (const fn of waiting) group.listeners.add(fn);
    pending.delete(spec.key);
    groups.set(spec.key, group);
  }
  const member: Member = {
    mesh,
    hidden: hiddenMaterial(own.side),
    color: colorOf(own),
    index: group.members.length,
    group,
  };
  group.members.push(member);
  if (group.members.length === BATCH_MIN) group.notify();
  requestFrame();
  return member;
}

/** The member's own material changed (a new colour): recolour its instance in place. */
export function restyle(member: Member, own: THREE.Material): void {
  member.color = colorOf(own);
  member.hidden = hiddenMaterial(own.side);
  requestFrame();
}

export function leave(member: Member): void {
  const group = member.group;
  if (!group) return;
  member.group = null;
  const last = group.members.pop() as Member;
  if (last !== member) {
    group.members[member.index] = last;
    last.index = member.index;
  }
  if (group.members.length === BATCH_MIN - 1) group.notify();
  if (group.members.length === 0) {
    group.detach();
    group.material.dispose();
    groups.delete(group.spec.key);
    if (group.listeners.size) pending.set(group.spec.key, group.listeners);
  }
  requestFrame();
}

function colorOf(material: THREE.Material): THREE.Color {
  const c = (material as THREE.Material & { color?: unknown }).color;
  return c instanceof THREE.Color ? c.clone() : new THREE.Color(1, 1, 1);
}

/** For tests and benches: groups, how many draw batched, and their instances. */
export function batchStats(): { groups: number; batched: number; instances: number } {
  let batched = 0;
  let instances = 0;
  for (const g of groups.values()) {
    if (g.batched) {
      batched++;
      instances += g.members.length;
    }
  }
  return { groups: groups.size, batched, instances };
}
