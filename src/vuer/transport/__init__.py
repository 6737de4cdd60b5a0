"""The transport layer: how messages travel between a session and its socket.

- ``inbound``: one client frame -> a ``ClientEvent`` (bounded msgpack decoding).
- ``outbox``: one session's outgoing frames, in order, merged only when the
  client is behind.
- ``socket``: the websocket loop of one client (read, dispatch, write, close).
- ``relay``: ``POST /relay``, server events from other processes.
- ``http``: files under a root and the client page.

Nothing here knows about scenes or handlers: a session is reached through
its public methods, the server through the small interfaces declared here.
"""
