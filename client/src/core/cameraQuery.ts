// The built-in camera's lens from the page's query, as on the public client:
// `?fov=50` sets its vertical field of view (degrees); its default is 75.
const DEFAULT_FOV = 75;

export function builtInFov(search: string = window.location.search): number {
  const value = Number(new URLSearchParams(search).get("fov"));
  return Number.isFinite(value) && value > 1 && value < 179 ? value : DEFAULT_FOV;
}
