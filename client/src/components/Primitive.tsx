// The primitive meshes (Box … Tube): a geometry from `args`, memoized on their
// content, and the node's material. Material element children replace the
// material while mounted; other children sit inside the mesh's frame.
import { useEffect, useMemo, type ReactNode } from "react";
import { useTransform } from "../core/transform";
import type { NodeProps } from "../registry";
import { buildGeometry } from "./geometries";
import { useNodeMaterial } from "./materials";
import { contentKey, objectFlags } from "./props";

export function Primitive({ node, children }: NodeProps): ReactNode {
  const transform = useTransform(node);
  const argsKey = contentKey(node.args);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the content of args
  const geometry = useMemo(() => buildGeometry(node.tag, node.args), [node.tag, argsKey]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  const material = useNodeMaterial(node);
  return (
    <mesh {...transform} {...objectFlags(node)} geometry={geometry} material={material}>
      {children}
    </mesh>
  );
}
