// Registers every tag the components part renders (see registry.ts).
import { type NodeComponent, registerAll } from "../registry";
import { CameraHelperNode, FisheyeFrustumNode, OrthographicFrustumNode, PerspectiveFrustumNode } from "./frustums";
import { GEOMETRIES } from "./geometries";
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
import { MODEL_TAGS, ModelNode, SplatNode } from "./loaders";
import { CatmullRomLineNode, CubicBezierLineNode, LineNode, QuadraticBezierLineNode } from "./lines";
import { ArrowNode, CoordsMarkerNode } from "./markers";
import { MATERIAL_TAGS, MaterialElement } from "./materials";
import { BBoxNode, BoundingBoxNode, EdgesNode, WireframeNode } from "./outlines";
import { PointCloudNode, TriMeshNode } from "./PointCloud";
import { Primitive } from "./Primitive";
import { BillboardNode, HtmlNode, Text3DNode, TextNode } from "./text";
import { CenterNode, TrailNode } from "./wrappers";

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
for (const tag of Object.keys(GEOMETRIES)) table[tag] = Primitive;
for (const tag of MATERIAL_TAGS) table[tag] = MaterialElement;
for (const tag of MODEL_TAGS) table[tag] = ModelNode;
table.Splat = SplatNode;
table.VuerSplat = SplatNode;

registerAll(table);
