/**
 * A TCP proxy on 127.0.0.1 in front of a real server (the test Redis), to take it away from a
 * client and give it back: `stop` drops every connection and refuses new ones, `start` listens
 * again on the same port. The server behind stays as it is, with its data.
 */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** The target's URL with the proxy's port (`redis://127.0.0.1:6379/0` → `…:<proxy port>/0`). */
  static forUrl(url: string): { proxy: TcpProxy; url: () => string } {
    const parsed = new URL(url);
    const proxy = new TcpProxy({ host: parsed.hostname, port: Number(parsed.port || 6379) });
    return {
      proxy,
      url: () => {
        const through = new URL(url);
        through.hostname = "127.0.0.1";
        through.port = String(proxy.port);
        return through.toString();
      },
    };
  }

  /** Listens (again, on the same port once it had one); nothing to do while it listens. */
  async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.port = (server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
