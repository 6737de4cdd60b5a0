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

/** A message from the server to the client. */
export interface ServerMessage {
  etype: string;
  ts?: number;
  data?: unknown;
  uuid?: string;
  [field: string]: unknown;
}
