// Grasp markers: Gripper (solid parallel jaws) and SkeletalGripper (lines).
// Frame: the palm is at the origin, the fingers reach along -Z (the way a
// three.js camera looks) and open along ±X by `pinchWidth` each side.
import { type ReactNode, useEffect, useMemo } from "react";
import * as THREE from "three";
import { useTransform } from "../core/transform";
import type { TypedNodeProps } from "../registry";
import { SegmentBuilder } from "./lineGeometry";
import { CoordsMarkerNode } from "./markers";
import { useBuiltMaterial } from "./materials";
import { bool, color, defaultOf, num } from "../core/props";

const FINGER = { length: 0.05, width: 0.01, depth: 0.02 };
const PALM = { depth: 0.02, height: 0.02 };
const STEM = { length: 0.06, radius: 0.008 };
const UNIT_BOX = new THREE.BoxGeometry(1, 1, 1);
const STEM_GEOMETRY = new THREE.CylinderGeometry(1, 1, 1, 12).rotateX(Math.PI / 2);
const TIP_GEOMETRY = new THREE.SphereGeometry(1, 16, 8);
/** Fingertip colours, as the public client: blue on the -X finger, red on the +X one. */
const TIPS = [
  { side: -1, color: "#2060ff" },
  { side: 1, color: "#ff2020" },
] as const;

export function GripperNode({ node, children }: TypedNodeProps<"Gripper">): ReactNode {
  const pinch = Math.max(0, num(node.pinchWidth, defaultOf(node, "pinchWidth")));
  const material = useBuiltMaterial("standard", { color: color(node.color, "#5a5a5a"), roughness: 0.6 });
  const stem = useBuiltMaterial("standard", { color: "#222222", roughness: 0.6 });
  const blueTip = useBuiltMaterial("basic", { color: TIPS[0].color });
  const redTip = useBuiltMaterial("basic", { color: TIPS[1].color });
  const transform = useTransform(node);
  if (bool(node.skeleton, defaultOf(node, "skeleton"))) return <SkeletalGripperNode node={node}>{children}</SkeletalGripperNode>;
  const palmWidth = 2 * pinch + 2 * FINGER.width;
  return (
    <group {...transform}>
      <mesh
        geometry={STEM_GEOMETRY}
        material={stem}
        position={[0, 0, STEM.length / 2]}
        scale={[STEM.radius, STEM.radius, STEM.length]}
      />
      <mesh
        geometry={UNIT_BOX}
        material={material}
        position={[0, 0, -PALM.depth / 2]}
        scale={[palmWidth, PALM.height, PALM.depth]}
      />
      {[-1, 1].map((side) => (
        <mesh
          key={side}
          geometry={UNIT_BOX}
          material={material}
          position={[side * (pinch + FINGER.width / 2), 0, -PALM.depth - FINGER.length / 2]}
          scale={[FINGER.width, FINGER.depth, FINGER.length]}
        />
      ))}
      {TIPS.map(({ side }) => (
        <mesh
          key={`tip${side}`}
          geometry={TIP_GEOMETRY}
          material={side < 0 ? blueTip : redTip}
          position={[side * (pinch + FINGER.width / 2), 0, -PALM.depth - FINGER.length]}
          scale={FINGER.width * 0.9}
        />
      ))}
      {bool(node.showOrigin, defaultOf(node, "showOrigin")) && (
        <mesh material={material}>
          <sphereGeometry args={[0.006, 12, 8]} />
        </mesh>
      )}
      {bool(node.axes, defaultOf(node, "axes")) && (
        <CoordsMarkerNode node={{ tag: "CoordsMarker", key: `${node.key}:axes`, scale: 0.05 }} />
      )}
      {children}
    </group>
  );
}

export function SkeletalGripperNode({ node, children }: TypedNodeProps<"SkeletalGripper" | "Gripper">): ReactNode {
  const pinch = Math.max(0, num(node.pinchWidth, defaultOf(node, "pinchWidth")));
  const lineColor = color(node.color, "#222222");
  const geometry = useMemo(() => {
    const reach = -(PALM.depth + FINGER.length);
    return new SegmentBuilder()
      .segment([0, 0, STEM.length], [0, 0, 0], lineColor)
      .segment([-pinch, 0, 0], [pinch, 0, 0], lineColor)
      .segment([-pinch, 0, 0], [-pinch, 0, reach], lineColor)
      .segment([pinch, 0, 0], [pinch, 0, reach], lineColor)
      .build();
  }, [pinch, lineColor]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const material = useBuiltMaterial("linebasic", { vertexColors: true, toneMapped: false });
  return (
    <group {...useTransform(node)}>
      <lineSegments geometry={geometry} material={material} />
      {children}
    </group>
  );
}
