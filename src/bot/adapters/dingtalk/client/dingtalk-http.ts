/**
 * One JSON call over Node's http/https with a keep-alive agent and a timeout (a half-open connection
 * must not hang a send). Every DingTalk call the bot makes is JSON; the SDK (`dingtalk-stream`)
 * covers only the Stream connection, so the OpenAPI is called here. An answer of any status is
 * returned; only a call with no answer (refused, reset, timed out) throws {@link DingtalkHttpError}.
 */
import http from "node:http";
import https from "node:https";

export interface JsonAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The parsed body, or the text when it was not JSON (a proxy's error page). */
  data: unknown;
}

/** No answer came back: `code` ETIMEDOUT, ECONNREFUSED, ECONNRESET … */
export class DingtalkHttpError extends Error {
  override name = "DingtalkHttpError";
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export class JsonHttp {
  private readonly agents = {
    "http:": new http.Agent({ keepAlive: true, scheduling: "lifo" }),
    "https:": new https.Agent({ keepAlive: true, scheduling: "lifo" }),
  };

  constructor(private readonly timeoutMs: number) {}

  request(
    method: "GET" | "POST" | "PUT",
    url: URL,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonAnswer> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const outgoing: http.OutgoingHttpHeaders = { accept: "application/json", ...headers };
    if (payload) {
      outgoing["content-type"] = "application/json; charset=utf-8";
      outgoing["content-length"] = payload.length;
    }
    const transport = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? this.agents["https:"] : this.agents["http:"];
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        { method, headers: outgoing, agent, timeout: this.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (error) => reject(new DingtalkHttpError(error.message, "ECONNRESET")));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              data: parseBody(Buffer.concat(chunks).toString("utf8")),
            }),
          );
        },
      );
      req.on("timeout", () =>
        req.destroy(new DingtalkHttpError(`timeout of ${this.timeoutMs} ms exceeded`, "ETIMEDOUT")),
      );
      req.on("error", (error: NodeJS.ErrnoException) =>
        reject(error instanceof DingtalkHttpError ? error : new DingtalkHttpError(error.message, error.code)),
      );
      req.end(payload);
    });
  }

  close(): void {
    this.agents["http:"].destroy();
    this.agents["https:"].destroy();
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
