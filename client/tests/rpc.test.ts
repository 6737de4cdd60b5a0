// The RPC table: requests that arrive before their handler is registered are
// held (bounded in count and time) and run once it registers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { RpcTable, holdTime } from "../src/rpc";

function table(maxHeld = 64) {
  let clock = 0;
  const replies: [string, unknown][] = [];
  const rpc = new RpcTable({ maxHeld, holdMs: 10_000, now: () => clock, reply: (e, v) => void replies.push([e, v]) });
  return { rpc, replies, advance: (ms: number) => void (clock += ms) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("a request that comes before its handler runs when the handler registers", async () => {
  const { rpc, replies } = table();
  assert.equal(rpc.dispatch({ etype: "GRAB_RENDER", uuid: "u1", data: { quality: 1 } }), true);
  assert.equal(rpc.heldCount(), 1);
  assert.deepEqual(replies, []);
  const seen: unknown[] = [];
  rpc.register("GRAB_RENDER", async (message) => {
    seen.push(message.data);
    return { frame: "ok" };
  });
  await settle();
  assert.deepEqual(seen, [{ quality: 1 }]);
  assert.deepEqual(replies, [["GRAB_RENDER_RESPONSE@u1", { frame: "ok" }]]);
  assert.equal(rpc.heldCount(), 0);
});

test("held requests of other etypes stay held; events without a uuid are not held", async () => {
  const { rpc, replies } = table();
  rpc.dispatch({ etype: "GET_WEBXR_MESH", uuid: "m" });
  assert.equal(rpc.dispatch({ etype: "SOMETHING" }), false);
  rpc.register("GRAB_RENDER", async () => 1);
  await settle();
  assert.equal(rpc.heldCount(), 1);
  assert.deepEqual(replies, []);
  rpc.register("GET_WEBXR_MESH", async () => ({ meshes: [] }));
  await settle();
  assert.deepEqual(replies, [["GET_WEBXR_MESH_RESPONSE@m", { meshes: [] }]]);
});

test("an expired request is answered with an error, not dropped", async () => {
  const { rpc, replies, advance } = table();
  rpc.dispatch({ etype: "GRAB_RENDER", uuid: "late" });
  rpc.dispatch({ etype: "GRAB_RENDER", uuid: "short", ttl: 1 });
  advance(1_500);
  rpc.expire();
  assert.equal(rpc.heldCount(), 1);
  assert.equal(replies.length, 1);
  assert.equal(replies[0][0], "GRAB_RENDER_RESPONSE@short");
  assert.match(String((replies[0][1] as { error: string }).error), /no handler for GRAB_RENDER/);
  advance(10_000);
  rpc.expire();
  assert.equal(rpc.heldCount(), 0);
  assert.equal(replies[1][0], "GRAB_RENDER_RESPONSE@late");
  // a handler registered afterwards does not answer twice
  rpc.register("GRAB_RENDER", async () => "again");
  await settle();
  assert.equal(replies.length, 2);
});

test("past the bound the oldest held request is answered with an error", () => {
  const { rpc, replies } = table(2);
  for (const uuid of ["a", "b", "c"]) rpc.dispatch({ etype: "X", uuid });
  assert.equal(rpc.heldCount(), 2);
  assert.equal(replies.length, 1);
  assert.equal(replies[0][0], "X_RESPONSE@a");
  rpc.expire(); // nothing is due yet
  assert.equal(rpc.heldCount(), 2);
  rpc.register("X", async () => null); // clears the timer's work too
});

test("a throwing handler answers with its error", async () => {
  const { rpc, replies } = table();
  rpc.register("BAD", () => {
    throw new Error("boom");
  });
  rpc.dispatch({ etype: "BAD", uuid: "z" });
  await settle();
  assert.deepEqual(replies, [["BAD_RESPONSE@z", { error: "boom" }]]);
});

test("holdTime holds most of a positive ttl (seconds), so the answer beats Python's wait", () => {
  assert.equal(holdTime({ etype: "A", ttl: 2 }, 10_000), 1600);
  assert.equal(holdTime({ etype: "A", ttl: "2" }, 10_000), 10_000);
  assert.equal(holdTime({ etype: "A", ttl: -1 }, 10_000), 10_000);
});

test("a timer that fires early is set again, so no request is held forever", async () => {
  let clock = 0;
  const replies: string[] = [];
  const rpc = new RpcTable({ holdMs: 20, now: () => clock, reply: (e) => void replies.push(e) });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  rpc.dispatch({ etype: "X", uuid: "early" });
  clock = 10; // the timer (20 ms) fires while the clock still says 10 ms are left
  await sleep(40);
  assert.deepEqual(replies, []);
  clock = 25; // the next timer (~10 ms) finds it due
  await sleep(60);
  assert.deepEqual(replies, ["X_RESPONSE@early"]);
});

test("requests held for a closed connection are dropped, not answered to the next one", async () => {
  const { rpc, replies } = table();
  rpc.dispatch({ etype: "GRAB_RENDER", uuid: "old" });
  rpc.dropHeld();
  assert.equal(rpc.heldCount(), 0);
  rpc.register("GRAB_RENDER", async () => "frame");
  await settle();
  assert.deepEqual(replies, []);
});
