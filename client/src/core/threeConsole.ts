// three.js logs through one console function we can replace. @react-three/fiber
// still builds its frame clock with THREE.Clock, which three r183+ reports as
// deprecated on every page load; that warning is about R3F's code, not the
// scene, so it is dropped here and every other three.js message passes as is.
import { setConsoleFunction } from "three";

const DROPPED = ["THREE.Clock: This module has been deprecated"];

setConsoleFunction((type, message, ...params) => {
  if (DROPPED.some((prefix) => message.startsWith(prefix))) return;
  console[type](message, ...params);
});
