"""Every message on the socket, both directions: the one declaration of the protocol.

Each message is one binary websocket frame holding one msgpack map. The server
sends ``{"etype", "ts", "data", …}`` (``ts``: int milliseconds since the epoch);
the browser sends ``{"etype", "ts", "key"?, "value"}``. This module names every
etype (the only hand-written Python module that spells them), declares the
fields of each server message and the shape of each browser event's ``value``
(``TypedDict``\\ s, so Python users read the shapes here), and builds the wire
maps the server sends. ``scripts/gen_protocol.py`` turns the tables below into
``client/src/generated/protocol.ts`` and the tables of ``docs/protocol.md``.

Conventions of the values:

- A pose ("matrix") is 16 floats, a 4×4 rigid transform in **column-major**
  order (WebXR and three.js), in metres. For the XR events the space is the XR
  session's ``local-floor`` reference space: +Y up, the origin on the floor
  where the session started. The translation is ``matrix[12:15]``.
- Hands have 25 joints in the WebXR ``XRHand`` order (see ``HAND_JOINTS``);
  ``value["left"]`` is 25 × 16 = 400 floats, joint ``j`` at ``[16*j : 16*j+16]``.
- A side that is not tracked (or not asked for) is absent from the value.

Example::

    from vuer.protocol import HAND_MOVE, HandState

    @app.add_handler(HAND_MOVE)
    async def on_hand(event, session):
        state: HandState = event.value["rightState"]
        if state["pinch"]:
            print("pinched,", state["pinchValue"] * 100, "cm between thumb and index tips")
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NewType, TypedDict

# ---- etypes -----------------------------------------------------------------
# Server -> client: scene operations.
SET = "SET"
ADD = "ADD"
UPDATE = "UPDATE"
UPSERT = "UPSERT"
REMOVE = "REMOVE"
# Server -> client: other events.
NOOP = "NOOP"
TERMINATE = "TERMINATE"
HAPTIC_ACTUATOR_PULSE = "HAPTIC_ACTUATOR_PULSE"
# Server -> client: requests the browser answers (RPCs).
RPC = "RPC"
GRAB_RENDER = "GRAB_RENDER"
GET_WEBXR_MESH = "GET_WEBXR_MESH"
MJ_STEP = "MJ_STEP"
MJ_RENDER = "MJ_RENDER"

# Browser -> server. ``SET`` is also the slider's commit event.
INIT = "INIT"
CAMERA_MOVE = "CAMERA_MOVE"
ON_CLICK = "ON_CLICK"
CLICK = "CLICK"
SLIDE = "SLIDE"
INPUT = "INPUT"
KEY_DOWN = "KeyDown"
KEY_UP = "KeyUp"
KEY_PRESS = "KeyPress"
GAMEPAD = "GAMEPAD"
HAND_MOVE = "HAND_MOVE"
CONTROLLER_MOVE = "CONTROLLER_MOVE"
HEAD_MOVE = "HEAD_MOVE"
BODY_MOVE = "BODY_MOVE"
OBJECT_MOVE = "OBJECT_MOVE"
OBJECT_MOVE_END = "OBJECT_MOVE_END"
CAMERA_VIEW = "CAMERA_VIEW"
WEBXR_MESH_UPDATE = "WEBXR_MESH_UPDATE"

#: An RPC's answer has etype ``f"{etype}{RESPONSE_MARK}{uuid}"``.
RESPONSE_MARK = "_RESPONSE@"

# Never on the wire: the etypes of Python-side event classes.
EVENT = "EVENT"
CLIENT_EVENT = "CLIENT_EVENT"
SERVER_EVENT = "SERVER_EVENT"
NULL = "NULL"  # sent into a bound generator between frames
FRAME = "FRAME"  # bind form only: ``Frame(event, frame_rate)``
INIT_CLASS = "Init"  # ``InitEvent.etype``, as upstream spells it (compares equal to INIT)

#: The operations that change the client's scene tree.
SCENE_OPS = frozenset({SET, ADD, UPDATE, UPSERT, REMOVE})
#: Server events the browser needs no action for.
IGNORED_BY_CLIENT = frozenset({NOOP, NULL})


def response_etype(etype: str, uuid: str) -> str:
    """The etype of the answer to the RPC ``etype`` with this ``uuid``."""
    return f"{etype}{RESPONSE_MARK}{uuid}"


def is_response(etype: str) -> bool:
    """True for an RPC answer's etype."""
    return RESPONSE_MARK in etype


def request_of(response: str) -> str:
    """The RPC etype a response etype answers (``GRAB_RENDER_RESPONSE@…`` -> ``GRAB_RENDER``)."""
    return response.split(RESPONSE_MARK)[0]


# ---- shapes -----------------------------------------------------------------

#: A scene node as it travels: ``{"tag", "key", "children"?, **props}``.
SceneNode = NewType("SceneNode", dict)


class Empty(TypedDict):
    """An empty map."""


# Server message fields (besides ``etype`` and ``ts``).


class AddData(TypedDict):
    """``data`` of ADD and UPSERT."""

    nodes: list[SceneNode]
    #: The parent's key; null: the root's ``children``.
    to: str | None


class NodesData(TypedDict):
    """``data`` of UPDATE."""

    nodes: list[SceneNode]


class KeysData(TypedDict):
    """``data`` of REMOVE."""

    keys: list[str]


class HapticPulse(TypedDict):
    """One side of ``HapticActuatorPulse``: ``strength`` 0..1, ``duration`` in ms."""

    strength: float
    duration: float


class HapticData(TypedDict):
    """``data`` of HAPTIC_ACTUATOR_PULSE: a pulse per side, or null (that side stays still)."""

    left: HapticPulse | None
    right: HapticPulse | None


class GrabRenderOptions(TypedDict, total=False):
    """``data`` of GRAB_RENDER (all optional)."""

    #: JPEG quality 0..1 (default 0.9).
    quality: float
    #: Divide the width and height by this (>= 1).
    subsample: int
    #: ``"jpeg"`` (default) or ``"png"``.
    format: str
    #: Also send a depth image.
    renderDepth: bool
    #: The CameraView to render (the top-level ``key`` wins).
    key: str


class RpcError(TypedDict):
    """The answer of a request the browser could not handle."""

    error: str


# Browser event values.


class ClientInfo(TypedDict, total=False):
    """INIT's value: what the client is. Browsers send the page fields, Python clients theirs."""

    #: ``"browser"`` or ``"python"``; ``app.spawn(client=...)`` filters on it.
    client: str
    pkg: str
    pkgVersion: str
    userAgent: str
    screenWidth: int
    screenHeight: int
    devicePixelRatio: float
    timezone: str | None
    #: Minutes west of UTC, as browsers report it.
    timezoneOffset: int
    pythonVersion: str
    platform: str
    machine: str


class _CameraBase(TypedDict):
    position: list[float]
    #: Euler angles in radians, in the camera's rotation order.
    rotation: list[float]
    quaternion: list[float]
    #: The world matrix, 16 floats column-major.
    matrix: list[float]
    #: The viewport in CSS pixels.
    width: float
    height: float
    #: three.js camera type, e.g. ``"PerspectiveCamera"``.
    ctype: str


class CameraPose(_CameraBase, total=False):
    """A camera's world pose, projection and viewport (three.js units: metres, degrees)."""

    aspect: float
    fov: float
    near: float
    far: float
    zoom: float
    filmGauge: float
    filmOffset: float
    focus: float


class CameraMoveValue(TypedDict):
    """CAMERA_MOVE's value: the main camera after it moved."""

    camera: CameraPose


class KeyValue(TypedDict):
    """ON_CLICK's value (also of a ``Clickable``'s ``onClick`` and a model's ``onLoad``
    etypes, which the program names): the node's key."""

    key: str


class ImageClick(TypedDict):
    """Where in an ``Img`` the click landed, in CSS pixels, and the image's box."""

    x: float
    y: float
    w: float
    h: float


class KeyboardValue(TypedDict):
    """KeyDown / KeyUp / KeyPress: the DOM ``KeyboardEvent``'s fields."""

    key: str
    code: str
    shiftKey: bool
    ctrlKey: bool
    altKey: bool
    metaKey: bool
    repeat: bool
    isComposing: bool


class GamepadState(TypedDict):
    """GAMEPAD's value: the pad's state after any axis or button changed."""

    id: str
    index: int
    #: Each axis in -1..1.
    axes: list[float]
    #: Each button's value in 0..1.
    buttons: list[float]


class MoveValue(TypedDict):
    """OBJECT_MOVE's value: the dragged object's pose."""

    #: The local matrix, 16 floats column-major.
    matrix: list[float]
    #: The world matrix, 16 floats column-major.
    matrixWorld: list[float]
    position: list[float]
    rotation: list[float]
    quaternion: list[float]


class _FrameBase(TypedDict):
    #: JPEG or PNG bytes.
    frame: bytes
    #: Pixels.
    width: int
    height: int
    #: Device pixels per CSS pixel of the rendered view.
    dpr: float
    camera: CameraPose


class RenderedFrame(_FrameBase, total=False):
    """A rendered view: GRAB_RENDER's answer and CAMERA_VIEW's value."""

    #: Linear depth, near black to far white (with ``renderDepth``).
    depthFrame: bytes


class _DetectedMeshBase(TypedDict):
    #: xyz floats in the mesh's space.
    vertices: list[float]
    #: Triangle indices.
    indices: list[int]
    #: The mesh's pose, 16 floats column-major.
    matrix: list[float]


class DetectedMesh(_DetectedMeshBase, total=False):
    """One room mesh of WebXR mesh detection."""

    semanticLabel: str


class WebXRMeshes(TypedDict):
    """GET_WEBXR_MESH's answer and WEBXR_MESH_UPDATE's value (empty outside an XR session)."""

    meshes: list[DetectedMesh]


HAND_JOINTS: tuple[str, ...] = (
    "wrist",
    "thumb-metacarpal",
    "thumb-phalanx-proximal",
    "thumb-phalanx-distal",
    "thumb-tip",
    "index-finger-metacarpal",
    "index-finger-phalanx-proximal",
    "index-finger-phalanx-intermediate",
    "index-finger-phalanx-distal",
    "index-finger-tip",
    "middle-finger-metacarpal",
    "middle-finger-phalanx-proximal",
    "middle-finger-phalanx-intermediate",
    "middle-finger-phalanx-distal",
    "middle-finger-tip",
    "ring-finger-metacarpal",
    "ring-finger-phalanx-proximal",
    "ring-finger-phalanx-intermediate",
    "ring-finger-phalanx-distal",
    "ring-finger-tip",
    "pinky-finger-metacarpal",
    "pinky-finger-phalanx-proximal",
    "pinky-finger-phalanx-intermediate",
    "pinky-finger-phalanx-distal",
    "pinky-finger-tip",
)
"""Joint order of a hand's 400 floats (WebXR ``XRHand``): wrist = 0 … pinky tip = 24."""


class HandState(TypedDict):
    """``leftState`` / ``rightState`` of HAND_MOVE.

    The ``*Value`` fields are **distances in metres**, as the public client sends
    them (an open hand reads about 0.09); the booleans compare them with fixed
    thresholds. Use the *extra* ``*Strength`` fields for a 0..1 amount.

    - ``pinchValue``: thumb tip to index-finger tip, metres.
    - ``pinch``: ``pinchValue < 0.01``.
    - ``squeezeValue``: middle-finger tip to middle-finger proximal phalanx, metres.
    - ``squeeze``: ``squeezeValue < 0.07``.
    - ``tapValue``: thumb tip to index-finger tip, metres (the same as ``pinchValue``,
      as in the public client).
    - ``tap``: ``tapValue < 0.01``.
    - ``pinchStrength`` (*extra*): 0 with the tips 5 cm or more apart … 1 at 1.5 cm or less.
    - ``squeezeStrength`` (*extra*): 0 at ``squeezeValue`` ≥ 9 cm … 1 at ≤ 3 cm (a fist).
    """

    pinch: bool
    pinchValue: float
    squeeze: bool
    squeezeValue: float
    tap: bool
    tapValue: float
    pinchStrength: float
    squeezeStrength: float


class HandMoveValue(TypedDict, total=False):
    """HAND_MOVE's value, from ``Hands(stream=True)``; key: the ``Hands`` key (``"hands"``).

    - ``left`` / ``right``: 25 joints × 16 floats (400), column-major poses in the
      reference space, metres, joint order ``HAND_JOINTS``. With ``Hands(scale=s)``
      each joint's position is moved ``s`` times as far from the wrist.
    - ``leftState`` / ``rightState``: ``HandState``.

    A side with ``disableLeft`` / ``disableRight``, or not tracked, is absent; no
    event is sent while neither hand is tracked.
    """

    left: list[float]
    leftState: HandState
    right: list[float]
    rightState: HandState


class ControllerState(TypedDict):
    """``leftState`` / ``rightState`` of CONTROLLER_MOVE: the xr-standard gamepad.

    - ``trigger``, ``squeeze``, ``thumbstick``, ``aButton``, ``bButton``: pressed
      (buttons 0, 1, 3, 4, 5; on a Quest's left controller ``aButton``/``bButton``
      are X and Y).
    - ``touchpad``: ``False``, ``"touched"`` or ``"pressed"`` (button 2).
    - ``triggerValue``, ``squeezeValue``: 0..1 (how far pulled).
    - ``touchpadValue``, ``thumbstickValue``: ``[x, y]`` in -1..1 (axes 0-1 and 2-3;
      +x right, +y towards the user).
    """

    trigger: bool
    squeeze: bool
    touchpad: Literal[False, "touched", "pressed"]
    thumbstick: bool
    aButton: bool
    bButton: bool
    triggerValue: float
    squeezeValue: float
    touchpadValue: list[float]
    thumbstickValue: list[float]


class ControllerMoveValue(TypedDict, total=False):
    """CONTROLLER_MOVE's value, from ``MotionControllers(stream=True)``; key: its key.

    - ``left`` / ``right``: 16 floats, the controller's **target-ray** pose
      (where it points from; -Z is the pointing direction), column-major, metres.
    - ``leftState`` / ``rightState``: ``ControllerState``.

    Only the sides set with ``left=True`` / ``right=True`` are sent (as the public
    client: with both unset nothing is sent at all).
    """

    left: list[float]
    leftState: ControllerState
    right: list[float]
    rightState: ControllerState


class HeadMoveValue(TypedDict):
    """HEAD_MOVE's value, from ``Head(stream=True)``: ``matrix``, the viewer pose (between
    the eyes), 16 floats column-major, metres."""

    matrix: list[float]


class BodyMoveValue(TypedDict, total=False):
    """BODY_MOVE's value, from ``Body(stream=True)``, only where the browser tracks the body
    (Quest Browser's WebXR body tracking).

    - ``body``: the body joints in the browser's order (hips first; hand joints left
      out), 16 floats each, column-major, metres.
    - ``leftHand`` / ``rightHand``: 25 × 16 floats, with ``Body(leftHand=True)`` /
      ``rightHand=True`` and the hand tracked.
    """

    body: list[float]
    leftHand: list[float]
    rightHand: list[float]


# ---- the tables -------------------------------------------------------------


@dataclass(frozen=True)
class ServerMessageSpec:
    """One server -> client message: its fields besides ``etype`` and ``ts``."""

    etype: str
    doc: str
    #: Field name -> type (``data`` included).
    fields: dict[str, Any]
    #: For a request: the shape of the browser's answer (``value``).
    answer: Any = None

    @property
    def is_request(self) -> bool:
        return self.answer is not None


@dataclass(frozen=True)
class ClientEventSpec:
    """One browser -> server event: the shape of its ``value`` and what its ``key`` names."""

    etype: str
    doc: str
    value: Any
    key: str = "the sending component's key"


def _request(data: Any) -> dict[str, Any]:
    return {"uuid": str, "key": str, "ttl": float | None, "data": data}


SERVER_MESSAGES: tuple[ServerMessageSpec, ...] = (
    ServerMessageSpec(
        SET, "replaces the whole scene with `data`, the root node", {"data": SceneNode}
    ),
    ServerMessageSpec(
        ADD,
        "appends each node to the children of `to` (the root's `children` when `to` is null). "
        "A node whose key exists replaces that node in place; an unknown `to` adds nothing.",
        {"data": AddData},
    ),
    ServerMessageSpec(
        UPDATE,
        "merges each node's props into the node with its key (`strict`: the props become "
        "exactly the given ones); `children`, when given, replace the node's children. "
        "Unknown keys are a no-op.",
        {"data": NodesData, "strict": bool},
    ),
    ServerMessageSpec(
        UPSERT,
        "`UPDATE` for keys that exist, `ADD` (to `to`) for the rest",
        {"data": AddData, "strict": bool},
    ),
    ServerMessageSpec(
        REMOVE, "removes each node (and its subtree) wherever it is", {"data": KeysData}
    ),
    ServerMessageSpec(
        HAPTIC_ACTUATOR_PULSE,
        "vibrates the XR session's controller on each given side once (see xr.md)",
        {"data": HapticData},
    ),
    ServerMessageSpec(TERMINATE, "the server ends the session", {"data": None}),
    ServerMessageSpec(NOOP, "nothing (ignored)", {"data": None}),
    ServerMessageSpec(
        GRAB_RENDER,
        "renders the view of the CameraView `key` (else the main view) and answers the frame",
        _request(GrabRenderOptions),
        answer=RenderedFrame,
    ),
    ServerMessageSpec(
        GET_WEBXR_MESH,
        "answers the meshes the WebXR session detected",
        _request(dict[str, Any]),
        answer=WebXRMeshes,
    ),
    ServerMessageSpec(
        MJ_STEP,
        "steps a MuJoCo simulation in the client (no handler in this client: answered `{error}`)",
        _request(dict[str, Any]),
        answer=Any,
    ),
    ServerMessageSpec(
        MJ_RENDER,
        "renders a MuJoCo simulation in the client (no handler in this client: answered `{error}`)",
        _request(dict[str, Any]),
        answer=Any,
    ),
    ServerMessageSpec(
        RPC,
        "a request of a `ServerRPC` subclass's own etype; answered by the handler registered "
        "for it, else `{error}`",
        _request(Any),
        answer=Any,
    ),
)

CLIENT_EVENTS: tuple[ClientEventSpec, ...] = (
    ClientEventSpec(INIT, "the first message of every client", ClientInfo, "absent"),
    ClientEventSpec(
        CAMERA_MOVE,
        "camera controls with `stream=True`: at most ~30 a second while the camera moves, "
        "and one after it stops",
        CameraMoveValue,
        "the controls' key (`defaultCamera`)",
    ),
    ClientEventSpec(ON_CLICK, "a click on a 3D node (or a `Clickable`'s child)", KeyValue),
    ClientEventSpec(
        CLICK, "a `Button` (no value) or an `Img` (where it was clicked)", ImageClick | None
    ),
    ClientEventSpec(SET, "a `Slider` let go: its value as the input's string", str),
    ClientEventSpec(SLIDE, "a `Slider` moved", float),
    ClientEventSpec(INPUT, "Enter in an `Input`: its text", str),
    ClientEventSpec(
        KEY_DOWN, "a key pressed, with `KeyboardMonitor(enableKeyDown=True)`", KeyboardValue
    ),
    ClientEventSpec(KEY_UP, "a key released, with `enableKeyUp`", KeyboardValue),
    ClientEventSpec(KEY_PRESS, "a character typed, with `enableKeyPress`", KeyboardValue),
    ClientEventSpec(GAMEPAD, "a `Gamepad`'s axes or buttons changed", GamepadState),
    ClientEventSpec(HAND_MOVE, "tracked hands, `Hands(stream=True)`", HandMoveValue),
    ClientEventSpec(
        CONTROLLER_MOVE, "XR controllers, `MotionControllers(stream=True)`", ControllerMoveValue
    ),
    ClientEventSpec(HEAD_MOVE, "the headset's pose, `Head(stream=True)`", HeadMoveValue),
    ClientEventSpec(BODY_MOVE, "body tracking, `Body(stream=True)`", BodyMoveValue),
    ClientEventSpec(OBJECT_MOVE, "a `Movable` / `Pivot` dragged", MoveValue),
    ClientEventSpec(
        OBJECT_MOVE_END,
        "the drag ended: the last pose (empty if it never moved)",
        MoveValue | Empty,
    ),
    ClientEventSpec(CAMERA_VIEW, "a streaming `CameraView`'s frame", RenderedFrame),
    ClientEventSpec(
        WEBXR_MESH_UPDATE, "the detected room meshes changed (`autoUpdate`)", WebXRMeshes
    ),
)

SERVER_BY_ETYPE = {m.etype: m for m in SERVER_MESSAGES}
CLIENT_BY_ETYPE = {e.etype: e for e in CLIENT_EVENTS}


# ---- building server messages -------------------------------------------------


def set_message(root: dict[str, Any], ts: int) -> dict[str, Any]:
    return {"etype": SET, "ts": ts, "data": root}


def add_message(nodes: list[Any], to: str | None, ts: int) -> dict[str, Any]:
    return {"etype": ADD, "ts": ts, "data": {"nodes": nodes, "to": to}}


def update_message(nodes: list[Any], strict: bool, ts: int) -> dict[str, Any]:
    return {"etype": UPDATE, "ts": ts, "data": {"nodes": nodes}, "strict": strict}


def upsert_message(nodes: list[Any], to: str | None, strict: bool, ts: int) -> dict[str, Any]:
    return {"etype": UPSERT, "ts": ts, "data": {"nodes": nodes, "to": to}, "strict": strict}


def remove_message(keys: list[str], ts: int) -> dict[str, Any]:
    return {"etype": REMOVE, "ts": ts, "data": {"keys": keys}}


def client_message(
    etype: str, value: Any, ts: int, key: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A browser -> server event ``{"etype", "ts", "value", "key"?, **extra}``."""
    msg: dict[str, Any] = {"etype": etype, "ts": ts, "value": value, **extra}
    if key is not None:
        msg["key"] = key
    return msg
