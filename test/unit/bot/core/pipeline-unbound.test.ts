/**
 * Events from chats or accounts the org file does not know: handed to the one capability that
 * decides on them, once per event; a failure leaves the event to be handled again.
 */
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Capability } from "../../../../src/bot/core/capability.ts";
import type { EventDedupe } from "../../../../src/bot/core/dedupe.ts";
import type { DialogEngine } from "../../../../src/bot/core/dialog/engine.ts";
import { InboundPipeline } from "../../../../src/bot/core/pipeline.ts";
import { Router } from "../../../../src/bot/core/router.ts";
import type { BotServices } from "../../../../src/bot/core/services.ts";
import type { UnboundEvent } from "../../../../src/bot/core/unbound.ts";

class MemoryDedupe implements EventDedupe {
  readonly finished = new Set<string>();
  async handled(platform: string, eventId: string) {
    return this.finished.has(`${platform}:${eventId}`);
  }
  async done(platform: string, eventId: string) {
    this.finished.add(`${platform}:${eventId}`);
  }
}

const event: UnboundEvent = {
  platform: "feishu",
  eventId: "msg-1",
  unknown: "chat",
  externalChatId: "oc_new",
  text: "绑定 总值班室",
  addressed: true,
  reply: async () => {},
  binder: { bindGroup: async () => "bound" },
};

function pipeline(run: (event: UnboundEvent) => Promise<void>) {
  const capability: Capability = { name: "deciding", unbound: { run: (_services, e) => run(e) } };
  const router = new Router([{ name: "other" }, capability], {} as DialogEngine);
  const services = { log: pino({ level: "silent" }) } as unknown as BotServices;
  return new InboundPipeline(services, router, new MemoryDedupe());
}

describe("unbound events", () => {
  it("go to the capability that decides on them, once per event", async () => {
    const seen: UnboundEvent[] = [];
    const inbound = pipeline(async (e) => void seen.push(e));
    expect(await inbound.handleUnbound(event)).toBe("unknown-chat");
    expect(await inbound.handleUnbound(event)).toBe("duplicate");
    expect(await inbound.handleUnbound({ ...event, eventId: "msg-2" })).toBe("unknown-chat");
    expect(seen.map((e) => e.eventId)).toEqual(["msg-1", "msg-2"]);
  });

  it("are handled again after a failure", async () => {
    let fail = true;
    const inbound = pipeline(async () => {
      if (fail) throw new Error("send failed");
    });
    await expect(inbound.handleUnbound(event)).rejects.toThrow("send failed");
    fail = false;
    expect(await inbound.handleUnbound(event)).toBe("unknown-chat");
  });

  it("are decided by one capability at most", () => {
    const deciding: Capability = { name: "deciding", unbound: { run: async () => {} } };
    expect(() => new Router([deciding, { ...deciding, name: "another" }], {} as DialogEngine)).toThrow(
      "unbound events handled twice",
    );
  });
});
