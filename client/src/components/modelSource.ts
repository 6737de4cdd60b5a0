// Where a model loader's file comes from: `buff` (bytes), `text`, or `src`
// (a URL, relative to the page). Also the base URL its own references
// (textures, MTL files, URDF meshes) resolve against, and the `assets` map.
import * as THREE from "three";
import type { NodeOf } from "../registry";
import type { ModelTag } from "./modelTags";

export interface ModelFile {
  /** The file's bytes (text sources are encoded). */
  data: ArrayBuffer;
  /** Base URL for files the model refers to, ending with "/". */
  base: string;
}

function absolute(url: string): string {
  return new URL(url, document.baseURI).href;
}

function baseOf(url: string): string {
  return url.slice(0, url.lastIndexOf("/") + 1);
}

export async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(absolute(url));
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url}`);
  return response.arrayBuffer();
}

/** The file's bytes, from the node's buff, text or src (in that order). */
export async function readModelFile(
  node: Pick<NodeOf<ModelTag>, "tag" | "key" | "buff" | "text" | "src" | "encoding">,
): Promise<ModelFile> {
  const pageBase = baseOf(document.baseURI);
  if (node.buff instanceof Uint8Array) {
    const copy = node.buff.slice();
    return { data: copy.buffer, base: pageBase };
  }
  if (typeof node.text === "string") return { data: new TextEncoder().encode(node.text).buffer, base: pageBase };
  if (typeof node.src === "string" && node.src !== "") {
    const url = absolute(node.src);
    return { data: await fetchBytes(url), base: baseOf(url) };
  }
  throw new Error("no model source: give src (a URL), text or buff");
}

export function decodeText(data: ArrayBuffer, encoding: unknown = "utf-8"): string {
  const label = typeof encoding === "string" && encoding !== "ascii" ? encoding : "utf-8";
  try {
    return new TextDecoder(label).decode(data);
  } catch {
    return new TextDecoder().decode(data);
  }
}

/** A loading manager that maps names from the `assets` prop to their URLs. */
export function managerFor(node: NodeOf<ModelTag>): THREE.LoadingManager {
  const manager = new THREE.LoadingManager();
  const assets = node.assets;
  if (assets && typeof assets === "object" && !Array.isArray(assets)) {
    const table = assets as Record<string, unknown>;
    manager.setURLModifier((url) => {
      const name = url.split("/").pop() ?? url;
      const mapped = table[url] ?? table[name];
      return typeof mapped === "string" ? mapped : url;
    });
  }
  return manager;
}
