/**
 * Redis away, taken by a TCP proxy between the app and the test Redis: the console answers at once
 * instead of waiting for the outage. A request that would store something gets a Chinese 503 and
 * stores nothing; /healthz answers 503; the live stream tells the page; work accepted before Redis
 * went away (stored, then caught mid-way) is answered 202 and finishes once Redis is back.
 *
 * Time bounds are the requirement here (answer within 2 s); they are measured from the moment the
 * server had lost Redis (its own event on the stream, or the proxy's stop) to the answer.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Capability } from "../../../../../src/bot/core/capability.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import { allCapabilities } from "../../../../../src/handlers/index.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../../support/app.ts";
import { ConsoleClient } from "../../../../support/console-client.ts";
import { testRedisUrl } from "../../../../support/redis.ts";
import { type SseEvent, SseEvents } from "../../../../support/sse-events.ts";
import { TcpProxy } from "../../../../support/tcp-proxy.ts";
import { waitFor } from "../../../../support/wait-for.ts";

/** The promise: an answer within 2 s. Measured from the server's loss of Redis, with room for the HTTP round trip. */
const ANSWER_BOUND_MS = 2_500;
const DM = "私聊 张三";

/** A command whose handler waits for the test, so Redis can be taken away while a message is being handled. */
function slowCapability() {
  let entered!: () => void;
  let release!: () => void;
  const state = {
    entered: new Promise<void>((resolve) => {
      entered = resolve;
    }),
    gate: new Promise<void>((resolve) => {
      release = resolve;
    }),
    release: () => release(),
  };
  const capability: Capability = {
    name: "slow-test",
    commands: [
      {
        names: ["/慢处理"],
        summary: "测试用：等测试放行后再回答",
        async run(ctx) {
          entered();
          await state.gate;
          await ctx.reply("慢处理完成");
        },
      },
    ],
  };
  return { capability, state };
}

const availability = (ready: boolean) => (event: SseEvent) =>
  event.event === "availability" && (JSON.parse(event.data) as { ready: boolean }).ready === ready;

async function post(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers; at: number }> {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, json, headers: response.headers, at: performance.now() };
}

describe("the console while Redis is away", () => {
  const { proxy, url } = TcpProxy.forUrl(testRedisUrl());
  let test: TestApp | undefined;
  let stream: SseEvents | undefined;
  const slow = slowCapability();

  beforeEach(async () => {
    await proxy.start();
    const config = await sampleConfig();
    test = await startTestApp({
      redisUrl: url(),
      capabilities: [...allCapabilities(config, new Directory(config.org)), slow.capability],
    });
    stream = await SseEvents.open(`${test.baseUrl}/api/console/stream`);
    await stream.next(availability(true));
  }, 90_000);

  afterEach(async () => {
    slow.state.release();
    await proxy.start(); // back, so the app can finish and close its connections
    await waitBack();
    stream?.close();
    await test?.close();
    await proxy.stop();
  }, 120_000);

  /** Until the app says on the stream that Redis is back (its connections reopened). */
  const waitBack = () =>
    waitFor(
      "the app to be back on Redis",
      () => {
        const last = stream?.latest("availability");
        return !last || (JSON.parse(last.data) as { ready: boolean }).ready;
      },
      { timeoutMs: 30_000 },
    );

  it("answers 503 in Chinese at once, stores nothing, says so on the stream and /healthz; works again once back", async () => {
    const app = test as TestApp;
    const events = stream as SseEvents;
    const stored = () => app.database.prisma.consoleMessage.count();

    const from = events.count;
    await proxy.stop();
    const lost = await events.next(availability(false), { from });

    const refused = await post(app.baseUrl, "/api/console/messages", {
      chat: DM,
      sender: "张三",
      text: "帮助",
    });
    expect(refused.status).toBe(503);
    expect(refused.json.error).toContain("正在重新连接 Redis");
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(refused.at - lost.at).toBeLessThan(ANSWER_BOUND_MS);

    const press = await post(app.baseUrl, "/api/console/actions", {
      chat: DM,
      sender: "张三",
      messageId: 1,
      action: "已阅",
    });
    expect(press.status).toBe(503);
    expect(press.json.error).toContain("正在重新连接 Redis");

    const healthStart = performance.now();
    const health = await fetch(`${app.baseUrl}/healthz`);
    const healthAt = performance.now();
    expect(health.status).toBe(503);
    expect(((await health.json()) as { redis: string }).redis).toMatch(/^error: /);
    expect(healthAt - healthStart).toBeLessThan(ANSWER_BOUND_MS);

    // Reading needs no Redis: the history is still there.
    const list = await fetch(`${app.baseUrl}/api/console/messages?chat=${encodeURIComponent(DM)}`);
    expect(list.status).toBe(200);
    expect(await stored()).toBe(0);

    const back = events.count;
    await proxy.start();
    await events.next(availability(true), { from: back, timeoutMs: 20_000 });
    const client = new ConsoleClient(app.baseUrl);
    await client.say(DM, "张三", "帮助");
    await client.botSays(DM, "上报");
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  }, 120_000);

  it("answers a request caught mid-way with 202 and handles it once Redis is back", async () => {
    const app = test as TestApp;
    const answer = post(app.baseUrl, "/api/console/messages", { chat: DM, sender: "张三", text: "/慢处理" });
    await slow.state.entered; // stored, and its handler is running

    await proxy.stop();
    const stoppedAt = performance.now();
    const accepted = await answer;
    expect(accepted.status).toBe(202);
    expect(accepted.json.pending).toBe(true);
    expect(accepted.json.notice).toContain("已收到，稍后处理");
    expect((accepted.json.message as { text: string }).text).toBe("/慢处理");
    expect(accepted.at - stoppedAt).toBeLessThan(ANSWER_BOUND_MS);

    slow.state.release(); // the reply now waits for Redis
    await proxy.start();
    const client = new ConsoleClient(app.baseUrl);
    await client.botSays(DM, "慢处理完成", { timeoutMs: 30_000 });
    await app.app.idle();
    const messages = await client.messages(DM);
    expect(messages.filter((m) => m.text === "/慢处理")).toHaveLength(1);
    expect(messages.filter((m) => m.text === "慢处理完成")).toHaveLength(1);
  }, 120_000);
});
