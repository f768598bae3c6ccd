/**
 * The 批示 dialog, started by the 批示 button on an alert (or `批示 Y2026-0001` without text) with
 * the item's id: one step for the text, then the summary with 确认批示 / 修改 / 取消. Confirming
 * reads the item again and takes the typed form's path, once per submission.
 */
import { defineDialog } from "../../../bot/core/dialog/definition.ts";
import { dutyChats } from "../../office/audience.ts";
import { opinionMessages } from "../messages.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import { instructItem } from "./instruct-item.ts";
import { instructTextSchema } from "./instruct-text.ts";
import { itemNotices } from "./item-notices.ts";
import { oversightMessages as M } from "./messages.ts";

export const INSTRUCT_DIALOG = "opinion.instruct";

interface InstructData extends Record<string, unknown> {
  itemId: number;
  number: string;
  content: string;
  unitId: string;
  text: string;
}

/** The longest piece of the item's content shown in the prompt. */
const CONTENT_SHOWN = 40;

export const instructDialog = (setting: OpinionSetting) =>
  defineDialog<InstructData>({
    id: INSTRUCT_DIALOG,
    version: 1,
    title: M.instructTitle,
    confirmLabel: M.instructConfirm,
    async initial(ctx, args) {
      const item = await new OpinionStore(ctx.services.database).byId(Number(args));
      if (!item) return {};
      return { itemId: item.id, number: item.number, content: item.content, unitId: item.unitId };
    },
    steps: [
      {
        id: "text",
        field: "text",
        label: M.instructLabel,
        prompt: (data) => M.instructPrompt(data.number ?? "", (data.content ?? "").slice(0, CONTENT_SHOWN)),
        help: M.instructHelp,
        schema: instructTextSchema,
      },
    ],
    summaryFields(data, ctx) {
      if (!data.unitId) return [];
      const { directory } = ctx.services;
      const chats = itemNotices(directory, data.unitId, "", dutyChats(directory)).map((n) =>
        directory.chatName(n.chatId),
      );
      return [
        { label: M.itemLabel, value: `${data.number} ${(data.content ?? "").slice(0, CONTENT_SHOWN)}` },
        { label: M.relayLabel, value: chats.join("、") },
      ];
    },
    async complete(ctx, data, submission) {
      const item = await new OpinionStore(ctx.services.database).byId(data.itemId);
      if (!item) return ctx.reply(opinionMessages.staleButton);
      await instructItem(ctx, setting, item, data.text, `dialog-${submission.id}`);
    },
  });
