/**
 * The HTTP instance our SDK client uses, with our timeout on every request (a half-open connection
 * must not hang a call).
 *
 * JSON calls — every call the bot makes: the token, messages, cards, 加急, read receipts, contacts —
 * go over Node's own http/https with a keep-alive agent. Measured here against the fake Feishu
 * server, the SDK's axios instance spent 0.7–1.1 ms of CPU per call and this 0.3 ms; an alert to
 * 100 groups makes 100 calls at once, and the next second's 50 are sent the moment their slots
 * open. An upload (a body with a `File` in it: a picture or file to send) goes as multipart form
 * data through Node's fetch, which names each file part; anything else (a download as a stream)
 * goes to the SDK's shared instance.
 *
 * Answers come back as the SDK's shared instance gives them (the body, or body and headers when
 * `$return_headers` is asked), and a failed call throws what `failureOfThrown` reads: `response`
 * with status, headers and body, or a `code` such as ETIMEDOUT when nothing came back.
 */
import http from "node:http";
import https from "node:https";
import * as lark from "@larksuiteoapi/node-sdk";

type Options = lark.HttpRequestOptions<unknown>;
type Agents = Record<"http:" | "https:", http.Agent>;

/** A call that got an answer with an error status, or none at all; shaped as the SDK's axios errors are. */
export class FeishuHttpError extends Error {
  override name = "FeishuHttpError";
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly response?: { status: number; headers: http.IncomingHttpHeaders; data: unknown },
  ) {
    super(message);
  }
}

export function timedHttpInstance(
  timeoutMs: number,
  // Typed as a plain axios instance, but its interceptor answers with the body, as HttpInstance says.
  base: lark.HttpInstance = lark.defaultHttpInstance as unknown as lark.HttpInstance,
): lark.HttpInstance {
  const agents: Agents = {
    "http:": new http.Agent({ keepAlive: true, scheduling: "lifo" }),
    "https:": new https.Agent({ keepAlive: true, scheduling: "lifo" }),
  };
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's HttpInstance is generic over whatever the caller expects back.
  const request = (opts: Options): Promise<any> => {
    const timed = { ...opts, timeout: opts.timeout ?? timeoutMs };
    if (isUpload(timed)) return uploadCall(timed);
    return isJsonCall(timed) ? jsonCall(timed, agents) : base.request(timed);
  };
  return {
    request,
    get: (url, opts) => request({ ...opts, url, method: "GET" }),
    delete: (url, opts) => request({ ...opts, url, method: "DELETE" }),
    head: (url, opts) => request({ ...opts, url, method: "HEAD" }),
    options: (url, opts) => request({ ...opts, url, method: "OPTIONS" }),
    post: (url, data, opts) => request({ ...opts, url, data, method: "POST" }),
    put: (url, data, opts) => request({ ...opts, url, data, method: "PUT" }),
    patch: (url, data, opts) => request({ ...opts, url, data, method: "PATCH" }),
  };
}

/** A call whose plain-object body holds a file: sent as multipart form data. */
function isUpload(opts: Options): boolean {
  const { data } = opts;
  if (!data || Object.getPrototypeOf(data) !== Object.prototype) return false;
  return Object.values(data as Record<string, unknown>).some((value) => value instanceof Blob);
}

async function uploadCall(opts: Options): Promise<unknown> {
  const form = new FormData();
  for (const [key, value] of Object.entries(opts.data as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (value instanceof File) form.append(key, value, value.name);
    else if (value instanceof Blob) form.append(key, value);
    else form.append(key, String(value));
  }
  // fetch writes its own multipart Content-Type, with the boundary.
  const headers = Object.fromEntries(
    Object.entries(opts.headers ?? {})
      .filter(([name, value]) => name.toLowerCase() !== "content-type" && value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
  let response: Response;
  try {
    response = await fetch(urlOf(opts), {
      method: (opts.method ?? "POST").toUpperCase(),
      headers,
      body: form,
      signal: AbortSignal.timeout(opts.timeout ?? 30_000),
    });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new FeishuHttpError((error as Error).message, timedOut ? "ETIMEDOUT" : "ECONNRESET");
  }
  const data = parseBody(await response.text());
  if (!response.ok) {
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    throw new FeishuHttpError(`Request failed with status code ${response.status}`, undefined, {
      status: response.status,
      headers: responseHeaders,
      data,
    });
  }
  return data;
}

/** A call whose body (if any) is a plain object and whose answer is read as JSON, to an absolute URL. */
function isJsonCall(opts: Options): boolean {
  if (opts.responseType && opts.responseType !== "json") return false;
  if (!opts.url || !/^https?:\/\//.test(opts.url)) return false;
  const { data } = opts;
  return data === undefined || data === null || Object.getPrototypeOf(data) === Object.prototype;
}

function urlOf(opts: Options): URL {
  const url = new URL(opts.url as string);
  const params = Object.fromEntries(Object.entries(opts.params ?? {}).filter(([, v]) => v !== undefined));
  if (Object.keys(params).length === 0) return url;
  const serializer = opts.paramsSerializer;
  const query =
    typeof serializer === "function"
      ? serializer(params)
      : new URLSearchParams(params as Record<string, string>).toString();
  if (query) url.search = url.search ? `${url.search}&${query}` : query;
  return url;
}

function jsonCall(opts: Options, agents: Agents): Promise<unknown> {
  const url = urlOf(opts);
  const method = (opts.method ?? "GET").toUpperCase();
  const body =
    opts.data === undefined || opts.data === null ? undefined : Buffer.from(JSON.stringify(opts.data));
  const headers: http.OutgoingHttpHeaders = { accept: "application/json, text/plain, */*", ...opts.headers };
  if (body) {
    headers["content-type"] = "application/json; charset=utf-8";
    headers["content-length"] = body.length;
  }
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      { method, headers, agent: agents[url.protocol as keyof Agents], timeout: opts.timeout },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", (error) => reject(new FeishuHttpError(error.message, "ECONNRESET")));
        res.on("end", () => {
          const data = parseBody(Buffer.concat(chunks).toString("utf8"));
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            const response = { status, headers: res.headers, data };
            reject(new FeishuHttpError(`Request failed with status code ${status}`, undefined, response));
            return;
          }
          resolve(opts.$return_headers ? { data, headers: res.headers } : data);
        });
      },
    );
    req.on("timeout", () =>
      req.destroy(new FeishuHttpError(`timeout of ${opts.timeout} ms exceeded`, "ETIMEDOUT")),
    );
    req.on("error", (error: NodeJS.ErrnoException) =>
      reject(error instanceof FeishuHttpError ? error : new FeishuHttpError(error.message, error.code)),
    );
    req.end(body);
  });
}

/** Feishu answers JSON; a body that is not (a proxy's error page) is kept as text. */
function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
