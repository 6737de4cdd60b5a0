// Small readers for loosely typed wire props.
export function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === "boolean" ? value : fallback;
}

/** A stable string for a prop value (for effect dependencies on lists). */
export function valueKey(value: unknown): string {
  if (value === undefined) return "";
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).join(",");
  return JSON.stringify(value);
}
