// Device models for the headset, bundled from npm (@webxr-input-profiles/assets)
// and fetched lazily: nothing is loaded until a session shows a hand or a
// controller, and nothing comes from the internet. Only the profiles of the
// common teleoperation headsets are bundled (about 4 MB of GLB): Quest 2/3/Pro
// controllers, Pico 4 / Neo 3 controllers, and the generic hand. Other
// controllers are drawn as a plain stand-in (xrControllerModel).
import type { Object3D } from "three";
import type { Side } from "./xrPoses";

type Url = () => Promise<{ default: string }>;
type Json = () => Promise<{ default: unknown }>;

interface Bundled {
  profile: Json;
  left: Url;
  right: Url;
}


// Each entry names its files literally so that the bundler emits them.
const BUNDLED: Record<string, Bundled> = {
  "meta-quest-touch-plus": {
    profile: () => import("@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-plus/profile.json"),
    left: () => import("@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-plus/left.glb?url"),
    right: () => import("@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-plus/right.glb?url"),
  },
  "meta-quest-touch-pro": {
    profile: () => import("@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-pro/profile.json"),
    left: () => import("@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-pro/left.glb?url"),
    right: () => import("@webxr-input-profiles/assets/dist/profiles/meta-quest-touch-pro/right.glb?url"),
  },
  "oculus-touch-v3": {
    profile: () => import("@webxr-input-profiles/assets/dist/profiles/oculus-touch-v3/profile.json"),
    left: () => import("@webxr-input-profiles/assets/dist/profiles/oculus-touch-v3/left.glb?url"),
    right: () => import("@webxr-input-profiles/assets/dist/profiles/oculus-touch-v3/right.glb?url"),
  },
  "pico-4": {
    profile: () => import("@webxr-input-profiles/assets/dist/profiles/pico-4/profile.json"),
    left: () => import("@webxr-input-profiles/assets/dist/profiles/pico-4/left.glb?url"),
    right: () => import("@webxr-input-profiles/assets/dist/profiles/pico-4/right.glb?url"),
  },
  "pico-neo3": {
    profile: () => import("@webxr-input-profiles/assets/dist/profiles/pico-neo3/profile.json"),
    left: () => import("@webxr-input-profiles/assets/dist/profiles/pico-neo3/left.glb?url"),
    right: () => import("@webxr-input-profiles/assets/dist/profiles/pico-neo3/right.glb?url"),
  },
};

const HAND: Record<Side, Url> = {
  left: () => import("@webxr-input-profiles/assets/dist/profiles/generic-hand/left.glb?url"),
  right: () => import("@webxr-input-profiles/assets/dist/profiles/generic-hand/right.glb?url"),
};

export interface ControllerAsset {
  profileId: string;
  profile: unknown;
  url: string;
}

/** The first of an input source's profiles that is bundled, or null. */
export function bundledProfileId(profiles: readonly string[]): string | null {
  return profiles.find((id) => id in BUNDLED) ?? null;
}

/** Profile JSON and GLB URL of a bundled controller, or null when none of `profiles` is bundled. */
export async function controllerAsset(profiles: readonly string[], side: Side): Promise<ControllerAsset | null> {
  const profileId = bundledProfileId(profiles);
  if (!profileId) return null;
  const entry = BUNDLED[profileId];
  const [profile, url] = await Promise.all([entry.profile(), entry[side]()]);
  return { profileId, profile: profile.default, url: url.default };
}

/** The URL of the bundled hand mesh (WebXR joint names as bone names). */
export async function handAssetUrl(side: Side): Promise<string> {
  return (await HAND[side]()).default;
}


const scenes = new Map<string, Promise<Object3D>>();

/** A GLB's scene, loaded once per URL (the loader itself is fetched on first use). */
export function loadScene(url: string): Promise<Object3D> {
  let loading = scenes.get(url);
  if (!loading) {
    loading = import("three/examples/jsm/loaders/GLTFLoader.js").then(({ GLTFLoader }) =>
      new GLTFLoader().loadAsync(url).then((gltf) => gltf.scene),
    );
    loading.catch(() => scenes.delete(url)); // let a later session try again
    scenes.set(url, loading);
  }
  return loading;
}
