// The fat-line family (drei's Line2-based lines): Line, QuadraticBezierLine,
// CubicBezierLine, CatmullRomLine.
import { CatmullRomLine, CubicBezierLine, Line, QuadraticBezierLine } from "@react-three/drei";
import type { ReactNode } from "react";
import { useTransform } from "../core/transform";
import type { NodeOf, TypedNodeProps } from "../registry";

type LineTag = "Line" | "QuadraticBezierLine" | "CubicBezierLine" | "CatmullRomLine";
import { bool, color, defaultOf, num, numbers, vec3, warnOnce } from "../core/props";

type Point = [number, number, number];

function points(value: unknown): Point[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) => {
    const xyz = numbers(p, 2);
    return xyz ? [[xyz[0], xyz[1], xyz[2] ?? 0] as Point] : [];
  });
}

/** The style props every line takes. */
function style(node: NodeOf<LineTag>) {
  const colors = points(node.vertexColors);
  return {
    color: color(node.color, defaultOf(node, "color")),
    lineWidth: num(node.lineWidth, defaultOf(node, "lineWidth")),
    worldUnits: bool(node.worldUnits, defaultOf(node, "worldUnits")),
    dashed: bool(node.dashed, defaultOf(node, "dashed")),
    ...(colors.length ? { vertexColors: colors } : {}),
  };
}

/** Lines need two points; fewer draw nothing instead of failing in Line2. */
function enough(pts: Point[], node: NodeOf<LineTag>): boolean {
  if (pts.length >= 2) return true;
  warnOnce(`vuer: <${node.tag} key="${node.key}"> needs at least two points`);
  return false;
}

export function LineNode({ node, children }: TypedNodeProps<"Line">): ReactNode {
  const pts = points(node.points);
  const transform = useTransform(node);
  if (!enough(pts, node)) return null;
  return (
    <Line {...transform} points={pts} segments={bool(node.segments, defaultOf(node, "segments"))} {...style(node)}>
      {children}
    </Line>
  );
}

export function QuadraticBezierLineNode({ node, children }: TypedNodeProps<"QuadraticBezierLine">): ReactNode {
  return (
    <QuadraticBezierLine
      {...useTransform(node)}
      start={vec3(node.start, [0, 0, 0])}
      end={vec3(node.end, [1, 0, 0])}
      mid={node.mid === undefined ? undefined : vec3(node.mid, [0.5, 0.5, 0])}
      // drei's props type intersects Line's boolean `segments` with the curve's sample count.
      segments={num(node.segments, defaultOf(node, "segments")) as never}
      {...style(node)}
    >
      {children}
    </QuadraticBezierLine>
  );
}

export function CubicBezierLineNode({ node, children }: TypedNodeProps<"CubicBezierLine">): ReactNode {
  return (
    <CubicBezierLine
      {...useTransform(node)}
      start={vec3(node.start, [0, 0, 0])}
      end={vec3(node.end, [1, 0, 0])}
      midA={vec3(node.midA, [0.33, 0.5, 0])}
      midB={vec3(node.midB, [0.66, 0.5, 0])}
      segments={num(node.segments, defaultOf(node, "segments")) as never}
      {...style(node)}
    >
      {children}
    </CubicBezierLine>
  );
}

const CURVE_TYPES = new Set(["centripetal", "chordal", "catmullrom"]);

export function CatmullRomLineNode({ node, children }: TypedNodeProps<"CatmullRomLine">): ReactNode {
  const pts = points(node.points);
  const transform = useTransform(node);
  if (!enough(pts, node)) return null;
  const curveType = CURVE_TYPES.has(String(node.curveType)) ? (node.curveType as "centripetal") : "centripetal";
  return (
    <CatmullRomLine
      {...transform}
      points={pts}
      closed={bool(node.closed, defaultOf(node, "closed"))}
      curveType={curveType}
      tension={num(node.tension, defaultOf(node, "tension"))}
      segments={num(node.segments, defaultOf(node, "segments"))}
      {...style(node)}
    >
      {children}
    </CatmullRomLine>
  );
}
