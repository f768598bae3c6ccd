/**
 * A capability for tests of the inbound path itself: `慢办` stops at a gate the test opens (a
 * handling still running, or one whose process died when the gate is never opened for it), `快办`
 * answers at once, `会失败` throws on its first run, and the button on `按钮`'s card (`gated:go`)
 * throws on its first press. Each counts its runs, so a test sees how often an event was handled.
 */
import type { Capability } from "../../src/bot/core/capability.ts";

export const GATED_TEXTS = {
  slowDone: "慢办办完",
  quickDone: "快办办完",
  failingDone: "会失败办完",
  card: "测试按钮卡",
  button: "去办",
  pressedDone: "按钮办完",
} as const;

export class GatedCapability {
  /** Runs of each command or action so far (counted when they start). */
  readonly runs = { slow: 0, quick: 0, failing: 0, pressed: 0 };
  private reachedGate!: () => void;
  private openGate!: () => void;
  /** Resolves when the first `慢办` has reached its gate. */
  readonly reached = new Promise<void>((resolve) => {
    this.reachedGate = resolve;
  });
  private readonly opened = new Promise<void>((resolve) => {
    this.openGate = resolve;
  });

  /** Lets the first `慢办` go on (later ones never wait). */
  open(): void {
    this.openGate();
  }

  capability(): Capability {
    return {
      name: "gated",
      commands: [
        {
          names: ["慢办"],
          summary: "test: waits at a gate the first time",
          run: async (ctx) => {
            this.runs.slow += 1;
            if (this.runs.slow === 1) {
              this.reachedGate();
              await this.opened;
            }
            await ctx.reply(GATED_TEXTS.slowDone);
          },
        },
        {
          names: ["快办"],
          summary: "test: answers at once",
          run: async (ctx) => {
            this.runs.quick += 1;
            await ctx.reply(GATED_TEXTS.quickDone);
          },
        },
        {
          names: ["会失败"],
          summary: "test: throws the first time",
          run: async (ctx) => {
            this.runs.failing += 1;
            if (this.runs.failing === 1) throw new Error("test: the first handling fails");
            await ctx.reply(GATED_TEXTS.failingDone);
          },
        },
        {
          names: ["按钮"],
          summary: "test: a card with one button",
          run: (ctx) =>
            ctx.reply({
              card: {
                title: GATED_TEXTS.card,
                fields: [],
                buttons: [{ label: GATED_TEXTS.button, action: "gated:go" }],
              },
            }),
        },
      ],
      actions: [
        {
          prefix: "gated",
          run: async (ctx) => {
            this.runs.pressed += 1;
            if (this.runs.pressed === 1) throw new Error("test: the first press fails");
            await ctx.reply(GATED_TEXTS.pressedDone);
          },
        },
      ],
    };
  }
}
