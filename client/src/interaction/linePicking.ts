// Picking thin lines by what the eye sees. three.js tests a Line against the
// ray with `raycaster.params.Line.threshold`, in world units (default 1 m):
// a camera frustum half a metre in front of a sphere swallows every click on
// it. Here each Line (LineSegments, LineLoop) is tested with a threshold of
// LINE_PICK_PX screen pixels at its own depth, so a click hits a line only
// when it lands within a few pixels of it; the nearest hit along the ray then
// wins as for meshes. (Fat Line2 lines already pick in pixels, by their width.)
import { Camera, Line, OrthographicCamera, PerspectiveCamera, Sphere, type Intersection, type Raycaster } from "three";
import { getThree } from "../core/threeState";

/** How close (in CSS pixels) the pointer must come to a line to hit it. */
export const LINE_PICK_PX = 4;

const sphere = new Sphere();
const originalRaycast = Line.prototype.raycast;

/** World units per screen pixel at `depth` along the view, or null if unknown. */
export function worldPerPixel(camera: Camera, depth: number, heightPx: number): number | null {
  if (heightPx <= 0) return null;
  if (camera instanceof PerspectiveCamera) {
    return (2 * depth * Math.tan((camera.fov * Math.PI) / 360)) / camera.zoom / heightPx;
  }
  if (camera instanceof OrthographicCamera) {
    return (camera.top - camera.bottom) / camera.zoom / heightPx;
  }
  return null;
}

function viewHeight(): number {
  return getThree()?.size.height ?? 0;
}

function pixelRaycast(this: Line, raycaster: Raycaster, intersects: Intersection[]): void {
  const camera = raycaster.camera as Camera | undefined;
  const height = viewHeight();
  const geometry = this.geometry;
  if (!camera || height <= 0 || !geometry) {
    originalRaycast.call(this, raycaster, intersects);
    return;
  }
  if (geometry.boundingSphere === null) geometry.computeBoundingSphere();
  sphere.copy(geometry.boundingSphere!).applyMatrix4(this.matrixWorld);
  // Wide enough for the far side of the line; hits are then trimmed one by one.
  const farthest = raycaster.ray.origin.distanceTo(sphere.center) + sphere.radius;
  const perPixelFar = worldPerPixel(camera, Math.max(farthest, 1e-6), height);
  if (perPixelFar === null) {
    originalRaycast.call(this, raycaster, intersects);
    return;
  }
  const params = raycaster.params.Line ?? { threshold: 1 };
  const saved = params.threshold;
  params.threshold = perPixelFar * LINE_PICK_PX;
  const first = intersects.length;
  try {
    originalRaycast.call(this, raycaster, intersects);
  } finally {
    params.threshold = saved;
  }
  // Keep the hits whose point on the line lies within LINE_PICK_PX of the ray
  // at that hit's own depth.
  let kept = first;
  for (let i = first; i < intersects.length; i++) {
    const hit = intersects[i];
    const perPixel = worldPerPixel(camera, Math.max(hit.distance, 1e-6), height) ?? perPixelFar;
    if (raycaster.ray.distanceToPoint(hit.point) <= perPixel * LINE_PICK_PX) intersects[kept++] = hit;
  }
  intersects.length = kept;
}

Line.prototype.raycast = pixelRaycast;
