/**
 * The WebSocket server side of the fake Stream gateway, on the `ws` package the SDK itself uses
 * (loaded through `require`, typed here by the little we use: the project has no `@types/ws`).
 */

import type { Server } from "node:http";
import { createRequire } from "node:module";

export interface ServerSocket {
  send(data: string): void;
  close(): void;
  terminate(): void;
  on(event: "message", listener: (data: Buffer) => void): void;
  on(event: "close", listener: () => void): void;
}

interface SocketServer {
  on(event: "connection", listener: (socket: ServerSocket, request: { url?: string }) => void): void;
  close(): void;
}

const require = createRequire(import.meta.url);
const ws = require("ws") as {
  WebSocketServer: new (options: { server: Server; path: string }) => SocketServer;
};

export function socketServer(server: Server, path: string): SocketServer {
  return new ws.WebSocketServer({ server, path });
}
