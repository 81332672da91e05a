// Preloaded into the server process (`node --require ./scripts/peer-address.cjs …next start`, see scripts/start.mjs).
// Next fills in X-Forwarded-For with the connection's peer only when the request has none (base-server.js:
// `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so without this a client that sends the header itself
// names any address it likes. Appending the peer, as every proxy does, makes the rightmost entry always one this
// server saw; server/auth/source-address.ts then counts TRUSTED_PROXY_COUNT entries leftwards from it.
// Plain CommonJS: it runs before Next, outside the bundle.
"use strict";
const http = require("node:http");

const createServer = http.createServer;
http.createServer = function createServerRecordingPeer(...args) {
  const server = createServer.apply(this, args);
  server.prependListener("request", (request) => {
    const peer = request.socket.remoteAddress;
    if (!peer) return;
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  });
  return server;
};
