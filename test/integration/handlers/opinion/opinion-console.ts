/**
 * What the 舆情 step tests (answer/, oversight/) share: the real app and the console on a
 * virtual-time scheduler; items put on file as a confirmed 登记 files them (their clocks armed, the
 * alert counted as sent, an alert card with the item's buttons posted to the leaders' group, the
 * duty group and the unit's group); people pressing buttons and typing; what the database holds,
 * which clocks still wait and what each chat is told. One per test file (`open`, then `close`).
 */
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import { armItemTimers } from "../../../../src/handlers/opinion/item-timers.ts";
import { opinionMessages as O } from "../../../../src/handlers/opinion/messages.ts";
import { type OpinionAction, opinionActionValue } from "../../../../src/handlers/opinion/opinion-actions.ts";
import { OpinionStore } from "../../../../src/handlers/opinion/opinion-store.ts";
import type { OpinionItem } from "../../../../src/handlers/opinion/opinion-types.ts";
import { levelOf, opinionDues } from "../../../../src/handlers/opinion/rules/opinion-level.ts";
import { VirtualClock } from "../../../../src/transcript/virtual-clock.ts";
import { VirtualScheduler } from "../../../../src/transcript/virtual-scheduler.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";

export const LEADERS = "县领导群";
export const DUTY = "总值班室";
export const QINGSHAN = "青山镇工作群";
export const CONTENT = "微博网友发帖称青山镇李家村垃圾长期无人清运";
export const START = new Date("2026-12-07T09:10:00+08:00");
export const FOUND = new Date("2026-12-07T08:30:00+08:00");

const CHAT_NAMES: Record<string, string> = { leaders: LEADERS, duty: DUTY, "qingshan-work": QINGSHAN };

export class OpinionConsole {
  private sequence = 0;

  private constructor(
    /** Names this file's items (`answer-1`). */
    private readonly tag: string,
    readonly test: TestApp,
    readonly client: ConsoleClient,
    readonly store: OpinionStore,
    readonly scheduler: VirtualScheduler,
    readonly clock: VirtualClock,
  ) {}

  static async open(tag: string): Promise<OpinionConsole> {
    const clock = new VirtualClock(START);
    const scheduler = new VirtualScheduler(clock);
    const test = await startTestApp({ clock, scheduler, recurring: scheduler });
    return new OpinionConsole(
      tag,
      test,
      new ConsoleClient(test.baseUrl),
      new OpinionStore(test.database.prisma),
      scheduler,
      clock,
    );
  }

  close(): Promise<void> {
    return this.test.close();
  }

  /** Files a 一般 item for 青山镇 as a confirmed 登记 does, arms its clocks and posts its alert cards. */
  async fileItem(): Promise<OpinionItem> {
    this.sequence += 1;
    const { opinion } = (await sampleConfig()).policy;
    const now = this.clock.now();
    const { item } = await this.store.create({
      sourceKey: `${this.tag}-${this.sequence}`,
      source: "微博",
      link: "https://weibo.com/1234567890/AbCdEf",
      content: CONTENT,
      unitId: "qingshan",
      foundAt: FOUND,
      reads: 23_000,
      reposts: 150,
      comments: 320,
      levelId: "general",
      registeredBy: "sun-zhiban",
      chatId: "duty",
      registeredAt: now,
      ...opinionDues(levelOf(opinion, "general"), FOUND),
      year: 2026,
    });
    await armItemTimers(this.scheduler, opinion, item, now);
    await this.store.setIf(item.id, { alertedAt: null }, { alertedAt: now });
    const card = (actions: readonly OpinionAction[]) => ({
      title: O.heading(item.number),
      fields: [{ label: "内容", value: item.content }],
      buttons: actions.map((action) => ({
        label: O.buttons[action],
        action: opinionActionValue(action, item.id),
      })),
    });
    for (const [chatId, actions] of [
      ["leaders", ["read", "instruct", "convert"]],
      ["duty", ["read", "instruct", "convert"]],
      ["qingshan-work", ["sign", "verify", "draft", "respond", "convert"]],
    ] as const) {
      await this.test.app.messenger.send({
        chatId,
        idempotencyKey: `test-alert-${item.id}-${chatId}`,
        card: card(actions),
      });
      await this.client.botSays(CHAT_NAMES[chatId] as string, item.number);
    }
    return item;
  }

  async fresh(id: number): Promise<OpinionItem> {
    const item = await this.store.byId(id);
    if (!item) throw new Error(`item ${id} gone`);
    return item;
  }

  async kinds(id: number): Promise<string[]> {
    return (await this.store.timeline(id)).map((e) => e.kind);
  }

  /** Keys still waiting on the scheduler for an item. */
  waitingFor(id: number): string[] {
    return this.scheduler
      .waiting()
      .map((w) => w.key)
      .filter((k) => k.startsWith(`opinion-${id}-`));
  }

  /** The newest bot message in `chat` with a button labelled `label`. */
  async withButton(chat: string, label: string): Promise<ConsoleMessageDto> {
    const messages = await this.client.botMessages(chat);
    const found = messages.reverse().find((m) => m.card?.buttons.some((b) => b.label === label));
    if (!found) throw new Error(`no ${label} button in ${chat}`);
    return found;
  }

  /** Presses `label` on the newest message that has it; returns the chat's last id before the press. */
  async press(chat: string, person: string, label: string): Promise<number> {
    const target = await this.withButton(chat, label);
    const after = await this.client.lastId(chat);
    await this.client.press(chat, person, target.id, label);
    return after;
  }

  /** Says `text` as `person`; returns the chat's last id before it. */
  async say(chat: string, person: string, text: string): Promise<number> {
    const after = await this.client.lastId(chat);
    await this.client.say(chat, person, text);
    return after;
  }

  /** What the bot said in `chat` after message `after`, one text per message. */
  async saidAfter(chat: string, after: number): Promise<string[]> {
    return (await this.client.botMessages(chat, after)).map((m) => m.text);
  }
}
