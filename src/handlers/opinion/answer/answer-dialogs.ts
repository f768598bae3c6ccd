/**
 * The short dialogs the buttons start when the step needs words: 核实 (the 情况), 口径 (the wording),
 * 修改意见 (the remarks), 已回应 (the link or note). Each is started with the item's id, asks for
 * one text, shows the usual summary, and on confirm reads the item again and takes the typed
 * form's path (which checks who and what the state allows once more).
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { type DialogDefinition, defineDialog } from "../../../bot/core/dialog/definition.ts";
import { buttonItem } from "../found-item.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import type { OpinionItem } from "../opinion-types.ts";
import type { AnswerStep } from "./answer-rules.ts";
import { answerTextSchema } from "./answer-text.ts";
import { draftItem } from "./draft-item.ts";
import { answerMessages as M } from "./messages.ts";
import { respondItem } from "./respond-item.ts";
import { reviseItem } from "./revise-item.ts";
import { verifyItem } from "./verify-item.ts";

/** The steps a dialog asks the words of. */
export type TextStep = Extract<AnswerStep, "verify" | "draft" | "revise" | "respond">;

export const ANSWER_DIALOGS: Record<TextStep, string> = {
  verify: "opinion.verify",
  draft: "opinion.draft",
  revise: "opinion.revise",
  respond: "opinion.respond",
};

interface TextData extends Record<string, unknown> {
  itemId: number;
  number: string;
  content: string;
  draft: string;
  text: string;
}

/** The longest piece of the item's content (or draft) shown. */
const SHOWN = 40;

type Take = (
  ctx: ConversationContext,
  setting: OpinionSetting,
  item: OpinionItem,
  text: string,
) => Promise<void>;

export const TEXT_STEPS: Record<TextStep, Take> = {
  verify: verifyItem,
  draft: draftItem,
  revise: reviseItem,
  respond: respondItem,
};

const SPECS: Record<
  TextStep,
  { title: string; confirm: string; label: string; empty: string; prompt: (d: Partial<TextData>) => string }
> = {
  verify: {
    title: M.verifyTitle,
    confirm: M.verifyConfirm,
    label: M.verifyLabel,
    empty: M.verifyEmpty,
    prompt: (d) => M.verifyPrompt(d.number ?? ""),
  },
  draft: {
    title: M.draftTitle,
    confirm: M.draftConfirm,
    label: M.draftLabel,
    empty: M.draftEmpty,
    prompt: (d) => M.draftPrompt(d.number ?? ""),
  },
  revise: {
    title: M.reviseTitle,
    confirm: M.reviseConfirm,
    label: M.reviseLabel,
    empty: M.reviseEmpty,
    prompt: (d) => M.revisePrompt(d.number ?? "", (d.draft ?? "").slice(0, SHOWN)),
  },
  respond: {
    title: M.respondTitle,
    confirm: M.respondConfirm,
    label: M.respondLabel,
    empty: M.respondEmpty,
    prompt: (d) => M.respondPrompt(d.number ?? ""),
  },
};

function textDialog(setting: OpinionSetting, step: TextStep): DialogDefinition<TextData> {
  const spec = SPECS[step];
  return defineDialog<TextData>({
    id: ANSWER_DIALOGS[step],
    version: 1,
    title: spec.title,
    confirmLabel: spec.confirm,
    async initial(ctx, args) {
      const item = await new OpinionStore(ctx.services.database).byId(Number(args));
      if (!item) return {};
      return { itemId: item.id, number: item.number, content: item.content, draft: item.draft ?? "" };
    },
    steps: [
      {
        id: "text",
        field: "text",
        label: spec.label,
        prompt: spec.prompt,
        schema: answerTextSchema(spec.empty),
      },
    ],
    summaryFields: (data) =>
      data.number
        ? [{ label: M.itemLabel, value: `${data.number} ${(data.content ?? "").slice(0, SHOWN)}` }]
        : [],
    async complete(ctx, data) {
      const item = await buttonItem(ctx, data.itemId);
      if (item) await TEXT_STEPS[step](ctx, setting, item, data.text);
    },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds dialogs of every data shape
export function answerDialogs(setting: OpinionSetting): DialogDefinition<any>[] {
  return (Object.keys(ANSWER_DIALOGS) as TextStep[]).map((step) => textDialog(setting, step));
}
