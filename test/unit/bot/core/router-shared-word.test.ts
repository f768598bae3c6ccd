/**
 * A word several capabilities answer (`查询 D2026-0001` vs `查询 2026-0042`): the command that owns
 * this use runs, in registration order; the one without `owns` takes what none claims.
 */
import { describe, expect, it } from "vitest";
import type { Capability, Command } from "../../../../src/bot/core/capability.ts";
import type { ConversationContext } from "../../../../src/bot/core/context.ts";
import type { DialogEngine } from "../../../../src/bot/core/dialog/engine.ts";
import { Router } from "../../../../src/bot/core/router.ts";

const noDialog = { active: async () => null } as unknown as DialogEngine;

function context(text: string): ConversationContext {
  return {
    text,
    chat: { id: "dm:p1" },
    person: { id: "p1", roles: ["leader"] },
    event: { platform: "console", eventId: "e1", text, mentions: [] },
    reply: async () => {},
  } as unknown as ConversationContext;
}

function capability(name: string, ran: string[], owns?: Command["owns"]): Capability {
  return {
    name,
    commands: [
      {
        names: ["查询"],
        summary: name,
        ...(owns && { owns }),
        run: async (_ctx, args) => void ran.push(`${name} ${args}`),
      },
    ],
  };
}

describe("a word shared by capabilities", () => {
  it("goes to the command that owns this use, else to the default", async () => {
    const ran: string[] = [];
    const router = new Router(
      [
        capability("incident", ran),
        capability("supervision", ran, (_ctx, args) => args.startsWith("D")),
        capability("opinion", ran, async (_ctx, args) => args.startsWith("Y")),
      ],
      noDialog,
    );
    await router.route(context("查询 D2026-0001"));
    await router.route(context("查询 2026-0042"));
    await router.route(context("查询 Y2026-0003"));
    expect(ran).toEqual(["supervision D2026-0001", "incident 2026-0042", "opinion Y2026-0003"]);
  });

  it("may have one default only", () => {
    expect(() => new Router([capability("a", []), capability("b", [])], noDialog)).toThrow(
      "registered twice",
    );
  });
});
