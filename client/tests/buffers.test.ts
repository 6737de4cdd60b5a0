// Float16 point positions are widened to float32 on arrival. Chromium has a
// native Float16Array; node 20 (and older browsers) do not, so these tests run
// the lookup-table fallback, checked against IEEE 754 half precision decoded
// here by its formula, then the native branch through a stand-in class.
import assert from "node:assert/strict";
import { test } from "node:test";
import { halvesToFloat32, positionAttribute } from "../src/components/buffers";

/** binary16 to a number by the definition: sign, 5 exponent bits, 10 fraction bits. */
function halfByFormula(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

const hasNative = "Float16Array" in globalThis;

test("the fallback decodes every float16 bit pattern as IEEE 754 does", { skip: hasNative }, () => {
  const all = new Uint16Array(65536).map((_, i) => i);
  const out = halvesToFloat32(all);
  assert.equal(out.length, 65536);
  for (let bits = 0; bits < 65536; bits++) {
    const want = Math.fround(halfByFormula(bits));
    const got = out[bits];
    if (Number.isNaN(want)) assert.ok(Number.isNaN(got), `0x${bits.toString(16)}: NaN, got ${got}`);
    else assert.ok(Object.is(got, want), `0x${bits.toString(16)}: ${want}, got ${got}`);
  }
  // A few by name: 1, -2, the largest half, the smallest subnormal, -0.
  const named = halvesToFloat32(new Uint16Array([0x3c00, 0xc000, 0x7bff, 0x0001, 0x8000]));
  assert.deepEqual(Array.from(named), [1, -2, 65504, 2 ** -24, -0]);
});

test("a native Float16Array is used where the runtime has one", () => {
  const seen: number[] = [];
  const g = globalThis as { Float16Array?: unknown };
  const before = g.Float16Array;
  // Stands in for the native class: reads the same view, decodes by formula.
  g.Float16Array = class {
    constructor(buffer: ArrayBufferLike, offset: number, length: number) {
      const halves = new Uint16Array(buffer, offset, length);
      seen.push(length);
      return Array.from(halves, halfByFormula);
    }
  };
  try {
    const backing = new Uint16Array([0xffff, 0x3c00, 0x4000, 0x4200]);
    const out = halvesToFloat32(backing.subarray(1)); // a view with an offset
    assert.deepEqual(Array.from(out), [1, 2, 3]);
    assert.deepEqual(seen, [3]);
  } finally {
    g.Float16Array = before;
  }
});

test("float16 positions become a float32 xyz attribute, whole points only, from any offset", () => {
  // Seven halves (two points and a stray value) after one byte: a misaligned view.
  const halves = new Uint16Array([0x3c00, 0x4000, 0x4200, 0xbc00, 0x0000, 0x3800, 0x4400]);
  const bytes = new Uint8Array(1 + halves.byteLength);
  bytes.set(new Uint8Array(halves.buffer), 1);
  const attribute = positionAttribute(bytes.subarray(1), "float16");
  assert.ok(attribute.array instanceof Float32Array);
  assert.equal(attribute.itemSize, 3);
  assert.equal(attribute.count, 2);
  assert.deepEqual(Array.from(attribute.array), [1, 2, 3, -1, 0, 0.5]);
});
