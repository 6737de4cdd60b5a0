// WebGL context options, fixed when the canvas is created. Multisampling is
// off unless `?antialias=true`: it multiplies the cost of every fragment (a
// 1M-point cloud drew ~2x slower with it in software WebGL), and on high-DPI
// screens the device pixel ratio already smooths edges.
export const GL_OPTIONS = {
  antialias: new URLSearchParams(window.location.search).get("antialias") === "true",
};
