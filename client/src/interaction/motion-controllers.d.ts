// Declarations for three's copy of @webxr-input-profiles/motion-controllers
// (untyped), as far as xrControllerModel uses it.
declare module "three/examples/jsm/libs/motion-controllers.module.js" {
  export interface VisualResponse {
    valueNodeName: string;
    valueNodeProperty: "transform" | "visibility";
    minNodeName?: string;
    maxNodeName?: string;
    value: number | boolean;
  }
  export interface Component {
    visualResponses: Record<string, VisualResponse>;
  }
  export class MotionController {
    constructor(xrInputSource: XRInputSource, profile: unknown, assetUrl: string);
    components: Record<string, Component>;
    updateFromGamepad(): void;
  }
}
