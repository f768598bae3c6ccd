/**
 * Our HTTP instance for the SDK, against a plain HTTP server on 127.0.0.1: JSON calls answer as the
 * SDK's own instance does (the body, or body and headers), failures carry status, headers and body
 * (what `failureOfThrown` reads), a silent server times out with a code, connections are kept alive,
 * and a call that is not plain JSON goes to the instance it was given.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type * as lark from "@larksuiteoapi/node-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOfThrown } from "../../../../../src/bot/adapters/feishu/client/feishu-errors.ts";
import { timedHttpInstance } from "../../../../../src/bot/adapters/feishu/client/feishu-http.ts";

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  port: number;
}

let server: http.Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body,
        port: req.socket.remotePort ?? 0,
      });
      if (req.url?.startsWith("/silent")) return; // never answers
      if (req.url?.startsWith("/busy")) {
        res.writeHead(429, { "content-type": "application/json", "x-ogw-ratelimit-reset": "2" });
        res.end(JSON.stringify({ code: 99991400, msg: "too many requests" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "r-1" });
      res.end(JSON.stringify({ code: 0, data: { echo: body ? JSON.parse(body) : null } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const noFallback = {
  request: () => Promise.reject(new Error("the fallback instance was used")),
} as unknown as lark.HttpInstance;

describe("the SDK's HTTP instance", () => {
  it("sends JSON with the query the SDK's serializer makes, and answers with the body", async () => {
    const instance = timedHttpInstance(2_000, noFallback);
    const answer = await instance.request({
      url: `${base}/open-apis/im/v1/messages`,
      method: "POST",
      params: { receive_id_type: "chat_id", user_ids: ["a", "b"], skipped: undefined },
      paramsSerializer: (params: Record<string, unknown>) =>
        Object.entries(params)
          .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${k}=${x}`) : [`${k}=${v}`]))
          .join("&"),
      headers: { Authorization: "Bearer t-1", "User-Agent": "sdk" },
      data: { receive_id: "oc_1", content: "你好" },
    });
    expect(answer).toEqual({ code: 0, data: { echo: { receive_id: "oc_1", content: "你好" } } });
    const request = seen.at(-1) as Seen;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/open-apis/im/v1/messages?receive_id_type=chat_id&user_ids=a&user_ids=b");
    expect(request.headers.authorization).toBe("Bearer t-1");
    expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(Number(request.headers["content-length"])).toBe(Buffer.byteLength(request.body));
  });

  it("answers with body and headers when the SDK asks for headers", async () => {
    const instance = timedHttpInstance(2_000, noFallback);
    const answer = (await instance.get(`${base}/with-headers`, { $return_headers: true })) as {
      data: unknown;
      headers: Record<string, string>;
    };
    expect(answer.data).toEqual({ code: 0, data: { echo: null } });
    expect(answer.headers["x-request-id"]).toBe("r-1");
  });

  it("fails with status, headers and body, which read as a retry with Feishu's wait", async () => {
    const instance = timedHttpInstance(2_000, noFallback);
    const error = await instance.post(`${base}/busy`, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ response: { status: 429, data: { code: 99991400 } } });
    expect(failureOfThrown(error)).toEqual({ kind: "retry", waitMs: 2_000, reason: "HTTP 429" });
  });

  it("gives up on a server that does not answer, with a code that reads as a retry", async () => {
    const instance = timedHttpInstance(300, noFallback);
    const started = Date.now();
    const error = await instance.get(`${base}/silent`).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ code: "ETIMEDOUT" });
    expect(failureOfThrown(error)).toEqual({ kind: "retry", reason: "ETIMEDOUT" });
  });

  it("keeps the connection for the next call", async () => {
    const instance = timedHttpInstance(2_000, noFallback);
    await instance.get(`${base}/one`);
    await instance.get(`${base}/two`);
    const [one, two] = seen.slice(-2) as [Seen, Seen];
    expect(two.port).toBe(one.port);
  });

  it("hands a call that is not plain JSON to the instance it was given, with the timeout", async () => {
    const calls: lark.HttpRequestOptions<unknown>[] = [];
    const fallback = {
      request: async (opts: lark.HttpRequestOptions<unknown>) => {
        calls.push(opts);
        return "from fallback";
      },
    } as unknown as lark.HttpInstance;
    const instance = timedHttpInstance(1_234, fallback);
    expect(await instance.request({ url: `${base}/file`, responseType: "stream" })).toBe("from fallback");
    expect(await instance.post(`${base}/upload`, Buffer.from("image"))).toBe("from fallback");
    expect(calls.map((c) => c.timeout)).toEqual([1_234, 1_234]);
  });
});
