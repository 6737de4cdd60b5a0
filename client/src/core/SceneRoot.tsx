// The root `Scene` node inside the Canvas: its settings, its children (the
// clickable part of the scene), bgChildren and rawChildren, and the fallback
// controls. htmlChildren live in the DOM overlay (HtmlLayer).
import type { ThreeEvent } from "@react-three/fiber";
import { useCallback, useMemo, useRef, type ReactNode } from "react";
import type { Group, Object3D } from "three";
import { sendEvent } from "../events";
import { DefaultControls } from "../interaction/DefaultControls";
import { HoverOutline } from "../interaction/hoverHighlight";
import { renderRefs } from "../Node";
import { useEntry, useScene } from "../store";
import { SceneSettings } from "./SceneSettings";
import { CLIENT_ETYPES } from "../generated/protocol";

/** Pointer travel (px) beyond which a press is a drag, not a click. */
export const CLICK_SLOP = 4;

/** The key of the innermost scene node that owns this object, if any. */
export function ownerKey(object: Object3D | null): string | undefined {
  for (let o = object; o; o = o.parent) {
    const key = (o.userData as { vuerKey?: unknown }).vuerKey;
    if (typeof key === "string") return key;
  }
  return undefined;
}

export function SceneRoot(): ReactNode {
  const rootKey = useScene((s) => s.rootKey);
  const root = useEntry(rootKey);
  const slots = root?.slots;
  const children = useMemo(() => renderRefs(slots?.children), [slots?.children]);
  const bgChildren = useMemo(() => renderRefs(slots?.bgChildren), [slots?.bgChildren]);
  const rawChildren = useMemo(() => renderRefs(slots?.rawChildren), [slots?.rawChildren]);

  const clickable = useRef<Group>(null);
  const onClick = useCallback((event: ThreeEvent<MouseEvent>) => {
    // The first hit is the nearest object; report its node once.
    event.stopPropagation();
    if (event.delta > CLICK_SLOP) return;
    const key = ownerKey(event.object);
    if (key !== undefined) sendEvent(CLIENT_ETYPES.ON_CLICK, { key });
  }, []);

  return (
    <>
      {root && <SceneSettings node={root.node} />}
      <group ref={clickable} name="vuer-children" onClick={onClick}>
        {children}
      </group>
      <HoverOutline group={clickable} />
      <group name="vuer-bgChildren">{bgChildren}</group>
      <group name="vuer-rawChildren">{rawChildren}</group>
      <DefaultControls />
    </>
  );
}
