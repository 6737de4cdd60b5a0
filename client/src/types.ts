// Shapes shared by every part of the client.

/** A scene-tree node as it arrives on the wire: tag, key, props, children. */
export interface SceneNode {
  tag: string;
  key: string;
  children?: (SceneNode | string)[];
  [prop: string]: unknown;
}

/** A message from the client to the server. */
export interface ClientMessage {
  etype: string;
  ts: number;
  key?: string;
  value?: unknown;
}

/**
 * A message from the server as decoded, before its etype is trusted; the
 * declared shapes are generated/protocol.ts's ServerMessage union.
 */
export interface WireMessage {
  etype: string;
  ts?: number;
  data?: unknown;
  uuid?: string;
  [field: string]: unknown;
}
