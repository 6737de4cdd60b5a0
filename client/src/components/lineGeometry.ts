// Builds one LineSegments geometry with per-vertex colours from coloured
// segment lists, so a gizmo made of several colours is a single draw call.
import * as THREE from "three";

type Point = [number, number, number];

export class SegmentBuilder {
  private readonly positions: number[] = [];
  private readonly colors: number[] = [];

  /** Adds the polyline through `points` (closed: back to the first) in `color`. */
  polyline(points: Point[], color: THREE.ColorRepresentation, closed = false): this {
    const c = new THREE.Color(color);
    const n = points.length;
    const last = closed ? n : n - 1;
    for (let i = 0; i < last; i++) {
      const a = points[i];
      const b = points[(i + 1) % n];
      this.positions.push(a[0], a[1], a[2], b[0], b[1], b[2]);
      this.colors.push(c.r, c.g, c.b, c.r, c.g, c.b);
    }
    return this;
  }

  segment(a: Point, b: Point, color: THREE.ColorRepresentation): this {
    return this.polyline([a, b], color);
  }

  build(): THREE.BufferGeometry {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute("position", new THREE.Float32BufferAttribute(this.positions, 3));
    geometry.setAttribute("color", new THREE.Float32BufferAttribute(this.colors, 3));
    geometry.computeBoundingSphere();
    return geometry;
  }
}

/** A line material drawing vertex colours; shared, never disposed. */
export const VERTEX_COLOR_LINES = new THREE.LineBasicMaterial({ vertexColors: true, toneMapped: false });
