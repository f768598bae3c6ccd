/**
 * A browser-like client of the console in sign-in mode: keeps the session cookie, sends the
 * matching Origin, and signs in with a code read from the person's own one-to-one chat in the
 * database (where the console delivers it).
 */
import { request as httpRequest } from "node:http";
import type { PrismaClient } from "../../src/store/generated/client.ts";

export interface Answer {
  status: number;
  json: Record<string, unknown>;
  text: string;
  headers: Headers;
}

export class ConsoleSession {
  cookie?: string;

  constructor(readonly url: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send("GET", path, undefined, headers);
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send("POST", path, body, { origin: this.url, ...headers });
  }

  async send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers
      .getSetCookie()
      .filter((c) => c.startsWith("kuaibao_session="))
      .at(-1);
    if (setCookie) this.cookie = setCookie.split(";")[0];
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = {};
    }
    return { status: response.status, json, text, headers: response.headers };
  }

  /** Asks for a code for `who`, reads it from the person's one-to-one chat once `settled`, signs in. */
  async signInWithCode(
    who: string,
    personId: string,
    prisma: PrismaClient,
    settled: () => Promise<void>,
  ): Promise<Answer> {
    const asked = await this.post("/api/console/sign-in/code", { who });
    if (asked.status !== 200) throw new Error(`code request: ${asked.status} ${asked.text}`);
    await settled();
    const code = await latestCode(prisma, personId);
    if (!code) throw new Error(`no code in dm:${personId}`);
    return this.post("/api/console/sign-in", { who, code });
  }
}

/** The newest sign-in code the bot sent to the person's one-to-one chat in the console. */
export async function latestCode(prisma: PrismaClient, personId: string): Promise<string | undefined> {
  const row = await prisma.consoleMessage.findFirst({
    where: { chatId: `dm:${personId}`, senderId: null, text: { contains: "控制台登录验证码" } },
    orderBy: { id: "desc" },
  });
  return row?.text.match(/\d{6}/)?.[0];
}

/** A raw request with a Host header of one's choosing (fetch sets its own). */
export function requestWithHost(
  url: string,
  options: { method?: string; path: string; host: string; headers?: Record<string, string> },
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: { host: options.host, ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}
