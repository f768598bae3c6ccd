/**
 * The typed forms: `已阅 Y2026-0001`, `批示 Y2026-0001 <内容>` (the number alone asks for the text),
 * `转突发 Y2026-0001`, `办结 Y2026-0001`. 已阅 and 批示 are also the incidents' words (`已阅`,
 * `已阅 2026-0042`, `批示 2026-0042 …` stay theirs): every form claims only uses that start with a
 * `Y…` number, through `owns`.
 */
import type { Command } from "../../../bot/core/capability.ts";
import { itemCommand } from "../found-item.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { closeItem } from "./close-item.ts";
import { convertItem } from "./convert-item.ts";
import { INSTRUCT_DIALOG } from "./instruct-dialog.ts";
import { instructItem, instructRefusal } from "./instruct-item.ts";
import { readInstructText } from "./instruct-text.ts";
import { oversightMessages as M } from "./messages.ts";
import { readItem } from "./read-item.ts";

export function typedCommands(setting: OpinionSetting): Command[] {
  return [
    itemCommand(
      { names: ["已阅"], summary: M.readSummary, heardWithoutMention: true },
      M.usage.read,
      (ctx, item) => readItem(ctx, setting, item),
    ),
    itemCommand(
      { names: ["批示", "/批示"], summary: M.instructSummary },
      M.usage.instruct,
      async (ctx, item, rest) => {
        if (!rest) {
          const refusal = instructRefusal(ctx, setting, item);
          if (refusal) return ctx.reply(refusal);
          return ctx.startDialog(INSTRUCT_DIALOG, String(item.id));
        }
        const text = readInstructText(rest);
        if (!text.ok) return ctx.reply(text.reason);
        await instructItem(ctx, setting, item, text.text, ctx.eventKey);
      },
    ),
    itemCommand({ names: ["转突发", "/转突发"], summary: M.convertSummary }, M.usage.convert, (ctx, item) =>
      convertItem(ctx, setting, item),
    ),
    itemCommand({ names: ["办结", "/办结"], summary: M.closeSummary }, M.usage.close, (ctx, item) =>
      closeItem(ctx, setting, item),
    ),
  ];
}
