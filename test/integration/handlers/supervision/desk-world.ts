/**
 * What the desk tests of 零报告, 督办 and 舆情 share: the real app on a fixed clock with the sample
 * office (or a given config), its capabilities' desk parts joined as the web joins them, each viewer's
 * panel, page and chart, and a desk action done as the web does it — a press handed to the app's
 * pipeline as that person's button in the action's chat, a say typed through the console inbox (with
 * an @ to the bot in a group) — then what the chat was told.
 */
import { randomUUID } from "node:crypto";
import { CONSOLE_PLATFORM } from "../../../../src/bot/adapters/console/console-decode.ts";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import {
  type DeskAction,
  type DeskContext,
  type DeskParts,
  joinDeskParts,
} from "../../../../src/bot/core/desk.ts";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { isDirectChat } from "../../../../src/bot/core/message.ts";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import { allCapabilities } from "../../../../src/handlers/index.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";

export class DeskWorld {
  private constructor(
    readonly test: TestApp,
    readonly desk: DeskParts,
    readonly now: Date,
  ) {}

  static async open(now: Date, config?: OfficeConfig): Promise<DeskWorld> {
    const office = config ?? (await sampleConfig());
    const directory = new Directory(office.org);
    const capabilities = allCapabilities(office, directory);
    const test = await startTestApp({ config: office, directory, capabilities, clock: { now: () => now } });
    return new DeskWorld(test, joinDeskParts(capabilities.map((c) => c.desk)), now);
  }

  close(): Promise<void> {
    return this.test.close();
  }

  get prisma() {
    return this.test.database.prisma;
  }

  context(personId: string): DeskContext {
    const viewer = this.test.app.services.directory.person(personId);
    if (!viewer) throw new Error(`no person ${personId}`);
    return { services: this.test.app.services, viewer, now: this.now };
  }

  panel(id: string, personId: string) {
    const panel = this.desk.panels?.find((p) => p.id === id);
    if (!panel) throw new Error(`no panel ${id}`);
    return panel.load(this.context(personId));
  }

  page(kind: string, id: string | number, personId: string) {
    const page = this.desk.itemPages?.find((p) => p.kind === kind);
    if (!page) throw new Error(`no item page ${kind}`);
    return page.load(this.context(personId), String(id));
  }

  chart(id: string, personId: string) {
    const chart = this.desk.charts?.find((c) => c.id === id);
    if (!chart) throw new Error(`no chart ${id}`);
    return chart.load(this.context(personId));
  }

  /** Does the action as `personId` in its chat (`text` for its `{text}`); resolves with what the bot said there. */
  async act(action: DeskAction, personId: string, text = ""): Promise<ConsoleMessageDto[]> {
    const { app } = this.test;
    const before = (await app.history.list(action.chatId, 0)).at(-1)?.id ?? 0;
    if (action.press)
      await app.pipeline.handle({
        platform: CONSOLE_PLATFORM,
        eventId: `desk-${randomUUID()}`,
        chatId: action.chatId,
        senderId: personId,
        text: "",
        mentions: [],
        action: { value: action.press },
        receivedAt: this.now,
      });
    else if (action.say) {
      const said = action.say.replace("{text}", text).trim();
      const bot = app.services.directory.botName;
      await app.inbox.say(action.chatId, personId, isDirectChat(action.chatId) ? said : `@${bot} ${said}`);
    } else throw new Error(`action ${action.id} has neither press nor say`);
    await app.idle();
    return (await app.history.list(action.chatId, before)).filter((m) => m.sender === null);
  }
}

/** The action `id` of a page (failing when it is not offered). */
export function actionOf(page: { actions: DeskAction[] } | null, id: string): DeskAction {
  const action = page?.actions.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id} among ${page?.actions.map((a) => a.id).join(", ")}`);
  return action;
}
