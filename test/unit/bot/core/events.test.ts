import { describe, expect, it } from "vitest";
import { EventBus, on } from "../../../../src/bot/core/events.ts";
import type { BotServices } from "../../../../src/bot/core/services.ts";

const services = {} as BotServices;
const incident = {
  id: 7,
  number: "2026-0007",
  unitId: "liulin",
  reportedAt: new Date("2026-03-02T10:00:00Z"),
};

describe("EventBus", () => {
  it("hands an event to each listener for it, in registration order, and waits for them", async () => {
    const seen: string[] = [];
    const bus = new EventBus([
      on("incident.filed", async (_, { incident }) => {
        await Promise.resolve();
        seen.push(`first ${incident.id}`);
      }),
      on("incident.filed", async (s, { incident }) => {
        expect(s).toBe(services);
        seen.push(`second ${incident.unitId}`);
      }),
    ]);
    await bus.emit(services, "incident.filed", { incident });
    expect(seen).toEqual(["first 7", "second liulin"]);
  });

  it("does nothing without listeners, and a listener's failure reaches the emitter", async () => {
    await expect(new EventBus().emit(services, "incident.filed", { incident })).resolves.toBeUndefined();
    const failing = new EventBus([on("incident.filed", async () => Promise.reject(new Error("db down")))]);
    await expect(failing.emit(services, "incident.filed", { incident })).rejects.toThrow("db down");
  });
});
