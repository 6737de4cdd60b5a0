// Registers every tag the components part renders (see registry.ts). Each
// component takes its tag's node as typed by generated/schema.ts.
import type { ComponentType } from "react";
import type { ComponentTag } from "../generated/schema";
import { type ComponentTable, registerTable, type TypedNodeProps } from "../registry";
import { CameraHelperNode, FisheyeFrustumNode, OrthographicFrustumNode, PerspectiveFrustumNode } from "./frustums";
import { GEOMETRY_TAGS } from "./geometries";
import { GridNode } from "./Grid";
import { GripperNode, SkeletalGripperNode } from "./grippers";
import {
  ArticleNode,
  AutoScrollNode,
  ButtonNode,
  DivNode,
  H1Node,
  H2Node,
  H3Node,
  IframeNode,
  ImgNode,
  InputNode,
  LinkNode,
  MarkdownNode,
  ParagraphNode,
  SliderNode,
  SpanNode,
} from "./html";
import {
  BackgroundColorNode,
  HUDPlaneNode,
  ImageBackgroundNode,
  ImageNode,
  SceneBackgroundNode,
  StereoVideoPlaneNode,
  VideoMaterialNode,
  VideoPlaneNode,
} from "./images";
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
import { ModelNode, SplatNode } from "./loaders";
import { MODEL_TAGS } from "./modelTags";
import { CatmullRomLineNode, CubicBezierLineNode, LineNode, QuadraticBezierLineNode } from "./lines";
import { ArrowNode, CoordsMarkerNode } from "./markers";
import { MATERIAL_TAGS, MaterialElement } from "./materials";
import { BBoxNode, BoundingBoxNode, EdgesNode, WireframeNode } from "./outlines";
import { PointCloudNode, TriMeshNode } from "./PointCloud";
import { Primitive } from "./Primitive";
import { BillboardNode, HtmlNode, Text3DNode, TextNode } from "./text";
import { WebRTCStereoVideoPlaneNode, WebRTCVideoMaterialNode, WebRTCVideoPlaneNode } from "./webrtc";
import { CenterNode, TrailNode } from "./wrappers";

const table: ComponentTable = {
  group: GroupNode,
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
  PointCloud: PointCloudNode,
  TriMesh: TriMeshNode,
  Frustum: PerspectiveFrustumNode,
  PerspectiveFrustum: PerspectiveFrustumNode,
  FisheyeFrustum: FisheyeFrustumNode,
  OrthographicFrustum: OrthographicFrustumNode,
  CameraHelper: CameraHelperNode,
  CoordsMarker: CoordsMarkerNode,
  Arrow: ArrowNode,
  Line: LineNode,
  QuadraticBezierLine: QuadraticBezierLineNode,
  CubicBezierLine: CubicBezierLineNode,
  CatmullRomLine: CatmullRomLineNode,
  Grid: GridNode,
  Edges: EdgesNode,
  Wireframe: WireframeNode,
  BBox: BBoxNode,
  BoundingBox: BoundingBoxNode,
  Text: TextNode,
  Text3D: Text3DNode,
  Billboard: BillboardNode,
  Html: HtmlNode,
  Image: ImageNode,
  ImageBackground: ImageBackgroundNode,
  SceneBackground: SceneBackgroundNode,
  HUDPlane: HUDPlaneNode,
  VideoPlane: VideoPlaneNode,
  VideoMaterial: VideoMaterialNode,
  StereoVideoPlane: StereoVideoPlaneNode,
  WebRTCVideoPlane: WebRTCVideoPlaneNode,
  WebRTCStereoVideoPlane: WebRTCStereoVideoPlaneNode,
  WebRTCVideoMaterial: WebRTCVideoMaterialNode,
  // Our BoundingBox needs no shared provider: the provider only groups.
  BoundingBoxProvider: GroupNode,
  BackgroundColor: BackgroundColorNode,
  Gripper: GripperNode,
  SkeletalGripper: SkeletalGripperNode,
  Center: CenterNode,
  Trail: TrailNode,
  // HTML elements (htmlChildren, Html's children)
  Div: DivNode,
  Span: SpanNode,
  article: ArticleNode,
  h1: H1Node,
  h2: H2Node,
  h3: H3Node,
  p: ParagraphNode,
  a: LinkNode,
  iframe: IframeNode,
  Button: ButtonNode,
  Slider: SliderNode,
  Input: InputNode,
  Img: ImgNode,
  Markdown: MarkdownNode,
  AutoScroll: AutoScrollNode,
};
/** One component for a family of tags; it takes any node of the family. */
function family<T extends ComponentTag>(tags: readonly T[], component: ComponentType<TypedNodeProps<T>>): void {
  // Each slot gets a component accepting its own tag's node (T covers it).
  for (const tag of tags) (table as Record<string, unknown>)[tag] = component;
}

family(GEOMETRY_TAGS, Primitive);
family(MATERIAL_TAGS, MaterialElement);
family(MODEL_TAGS, ModelNode);
table.Splat = SplatNode;
table.VuerSplat = SplatNode;

/** Every tag the components part renders, with its component (read by the coverage test). */
export const COMPONENT_TABLE: Readonly<ComponentTable> = table;

registerTable(table);
