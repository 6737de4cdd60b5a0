// One parser per model format: file bytes to a three.js object tree. Heavy
// loaders are imported on first use, so the page loads without them.
import * as THREE from "three";
import type { NodeOf } from "../registry";
import { decodeText, fetchBytes, managerFor, type ModelFile } from "./modelSource";
import type { ModelTag } from "./modelTags";
import { num } from "../core/props";

export interface Parsed {
  object: THREE.Object3D;
  animations: THREE.AnimationClip[];
}


/** A format's parser: the file's bytes and its own tag's node. */
export type Parser<T extends ModelTag> = (file: ModelFile, node: NodeOf<T>) => Promise<Parsed>;

const only = (object: THREE.Object3D): Parsed => ({ object, animations: [] });

/** Points for a PLY without faces, a lit mesh otherwise. */
function meshOrPoints(geometry: THREE.BufferGeometry, node: NodeOf<"Ply" | "Stl">): THREE.Object3D {
  const colored = geometry.hasAttribute("color");
  if (node.tag === "Ply" && !geometry.index) {
    return new THREE.Points(geometry, new THREE.PointsMaterial({ size: num(node.size, 0.01), vertexColors: colored }));
  }
  if (!geometry.hasAttribute("normal")) geometry.computeVertexNormals();
  return new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ vertexColors: colored, side: THREE.DoubleSide }));
}

async function dracoLoader(manager: THREE.LoadingManager) {
  const [{ DRACOLoader }, js, wasm] = await Promise.all([
    import("three/examples/jsm/loaders/DRACOLoader.js"),
    import("three/examples/jsm/libs/draco/draco_wasm_wrapper.js?url"),
    import("three/examples/jsm/libs/draco/draco_decoder.wasm?url"),
  ]);
  // The decoder ships in the bundle: never the gstatic CDN.
  return new DRACOLoader(manager).setDecoderPath({ js: js.default, wasm: wasm.default });
}

export const PARSERS: { [T in ModelTag]: Parser<T> } = {
  async Obj(file, node) {
    const { OBJLoader } = await import("three/examples/jsm/loaders/OBJLoader.js");
    const loader = new OBJLoader(managerFor(node));
    const mtls = [node.mtl, ...(Array.isArray(node.materials) ? node.materials : [])].filter(
      (m): m is string => typeof m === "string",
    );
    if (mtls.length) {
      const { MTLLoader } = await import("three/examples/jsm/loaders/MTLLoader.js");
      const url = new URL(mtls[0], file.base).href;
      const mtl = new MTLLoader(managerFor(node));
      mtl.setResourcePath(url.slice(0, url.lastIndexOf("/") + 1));
      const creator = mtl.parse(decodeText(await fetchBytes(url)), "");
      creator.preload();
      loader.setMaterials(creator);
    }
    return only(loader.parse(decodeText(file.data)));
  },
  async Ply(file, node) {
    const { PLYLoader } = await import("three/examples/jsm/loaders/PLYLoader.js");
    return only(meshOrPoints(new PLYLoader(managerFor(node)).parse(file.data), node));
  },
  async Stl(file, node) {
    const { STLLoader } = await import("three/examples/jsm/loaders/STLLoader.js");
    return only(meshOrPoints(new STLLoader(managerFor(node)).parse(file.data), node));
  },
  async Pcd(file, node) {
    const { PCDLoader } = await import("three/examples/jsm/loaders/PCDLoader.js");
    const points = new PCDLoader(managerFor(node)).parse(file.data);
    (points.material as THREE.PointsMaterial).size = num(node.size, 0.01);
    return only(points);
  },
  async Dae(file, node) {
    const { ColladaLoader } = await import("three/examples/jsm/loaders/ColladaLoader.js");
    const collada = new ColladaLoader(managerFor(node)).parse(decodeText(file.data), file.base);
    if (!collada) throw new Error("not a COLLADA file");
    return { object: collada.scene, animations: collada.scene.animations ?? [] };
  },
  async Fbx(file, node) {
    const { FBXLoader } = await import("three/examples/jsm/loaders/FBXLoader.js");
    const group = new FBXLoader(managerFor(node)).parse(file.data, file.base);
    return { object: group, animations: group.animations };
  },
  async Glb(file, node) {
    const { GLTFLoader } = await import("three/examples/jsm/loaders/GLTFLoader.js");
    const manager = managerFor(node);
    const loader = new GLTFLoader(manager).setDRACOLoader(await dracoLoader(manager));
    const gltf = await loader.parseAsync(file.data, file.base);
    return { object: gltf.scene, animations: gltf.animations };
  },
  async Bvh(file, node) {
    const { BVHLoader } = await import("three/examples/jsm/loaders/BVHLoader.js");
    const { skeleton, clip } = new BVHLoader(managerFor(node)).parse(decodeText(file.data));
    const root = new THREE.Group();
    const hips = skeleton.bones[0];
    root.add(hips);
    const helper = new THREE.SkeletonHelper(hips);
    // The helper draws in hips' frame: follow hips' local matrix, so the
    // group's own transform is applied once, not twice.
    helper.matrix = hips.matrix;
    root.add(helper);
    return { object: root, animations: [clip] };
  },
  async Urdf(file, node) {
    const { default: URDFLoader } = await import("urdf-loader");
    const loader = new URDFLoader(managerFor(node));
    loader.workingPath = typeof node.workingPath === "string"
      ? new URL(node.workingPath, document.baseURI).href
      : file.base;
    if (typeof node.packages === "string" || (node.packages && typeof node.packages === "object")) {
      loader.packages = node.packages as string | Record<string, string>;
    }
    loader.parseVisual = node.parseVisual !== false;
    loader.parseCollision = node.parseCollision === true;
    // Meshes load after parse, through the manager: wait for them (if any).
    let started = false;
    const loaded = new Promise<void>((resolve) => {
      loader.manager.onStart = () => void (started = true);
      loader.manager.onLoad = () => resolve();
      loader.manager.onError = (url) => console.error(`vuer: <Urdf key="${node.key}"> could not load ${url}`);
    });
    const robot = loader.parse(decodeText(file.data));
    if (started) await loaded;
    return only(robot);
  },
};
