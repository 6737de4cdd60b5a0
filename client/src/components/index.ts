// Registers every tag the components part renders (see registry.ts).
import { registerAll, type NodeComponent } from "../registry";
import { GEOMETRIES } from "./geometries";
import { GroupNode, MeshNode } from "./groups";
import {
  AccumulativeShadowsNode,
  AmbientLightNode,
  AmbientLightStageNode,
  DirectionalLightNode,
  FogNode,
  HemisphereLightNode,
  HemisphereLightStageNode,
  PointLightNode,
  RandomizedLightNode,
  RectAreaLightNode,
  SpotLightNode,
  StageNode,
} from "./lights";
import { MATERIAL_TAGS, MaterialElement } from "./materials";
import { PointCloudNode, TriMeshNode } from "./PointCloud";
import { Primitive } from "./Primitive";

const table: Record<string, NodeComponent> = {
  group: GroupNode,
  Group: GroupNode,
  VuerGroup: GroupNode,
  mesh: MeshNode,
  AmbientLight: AmbientLightNode,
  DirectionalLight: DirectionalLightNode,
  PointLight: PointLightNode,
  SpotLight: SpotLightNode,
  HemisphereLight: HemisphereLightNode,
  RectAreaLight: RectAreaLightNode,
  HemisphereLightStage: HemisphereLightStageNode,
  AmbientLightStage: AmbientLightStageNode,
  Stage: StageNode,
  RandomizedLight: RandomizedLightNode,
  AccumulativeShadows: AccumulativeShadowsNode,
  fog: FogNode,
  Fog: FogNode,
  PointCloud: PointCloudNode,
  TriMesh: TriMeshNode,
};
for (const tag of Object.keys(GEOMETRIES)) table[tag] = Primitive;
for (const tag of MATERIAL_TAGS) table[tag] = MaterialElement;

registerAll(table);
