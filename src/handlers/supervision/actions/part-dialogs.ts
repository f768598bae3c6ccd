/**
 * The short dialogs a button starts when the step needs words: 反馈 (the progress), 申请延期 (the
 * new deadline and the reason), 申请办结 (the result), 退回 (the reason). Each is started with the
 * part's id, reads the part again on confirm and takes the same path as the typed form.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { type DialogDefinition, defineDialog } from "../../../bot/core/dialog/definition.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { supervisionMessages } from "../messages.ts";
import { deadlineRules, parseDeadline } from "../rules/deadline-phrase.ts";
import { TaskStore } from "../task-store.ts";
import { returnClose } from "./close-answer.ts";
import { requestClose } from "./close-request.ts";
import { requestExtension } from "./extension-request.ts";
import type { FoundPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import type { ActionRules } from "./part-rules.ts";
import { recordProgress } from "./progress.ts";
import { stepTextSchema } from "./step-text.ts";

export const PART_DIALOGS = {
  progress: "supervision.progress",
  extend: "supervision.extend",
  close: "supervision.close",
  return: "supervision.return",
} as const;

/** What every part dialog knows from its start: the part, the task's number, the unit, the deadline. */
interface PartData extends Record<string, unknown> {
  partId: number;
  number: string;
  unit: string;
  /** The part's deadline at the start (ISO). */
  dueAt: string;
}

async function partData(ctx: ConversationContext, args: string): Promise<Partial<PartData>> {
  const found = await new TaskStore(ctx.services.database).part(Number(args));
  if (!found) return {};
  return {
    partId: found.part.id,
    number: found.task.number,
    unit: ctx.services.directory.unitName(found.part.unitId),
    dueAt: found.part.dueAt.toISOString(),
  };
}

async function withPart(ctx: ConversationContext, partId: number, then: (found: FoundPart) => Promise<void>) {
  const found = await new TaskStore(ctx.services.database).part(partId);
  if (!found) return ctx.reply(supervisionMessages.staleButton);
  await then(found);
}

interface ExtendData extends PartData {
  newDueAt: string;
  reason: string;
}

interface TextData extends PartData {
  text: string;
}

/** A part dialog of one written answer (进展, 办理结果, 退回理由), then the usual summary and confirm. */
function oneTextDialog(spec: {
  id: string;
  title: string;
  confirmLabel: string;
  label: string;
  prompt: (data: Partial<TextData>) => string;
  empty: string;
  complete: (ctx: ConversationContext, found: FoundPart, text: string) => Promise<void>;
}): DialogDefinition<TextData> {
  return defineDialog<TextData>({
    id: spec.id,
    version: 1,
    title: spec.title,
    confirmLabel: spec.confirmLabel,
    initial: partData,
    steps: [
      {
        id: "text",
        field: "text",
        label: spec.label,
        prompt: spec.prompt,
        schema: stepTextSchema(spec.empty),
      },
    ],
    complete: (ctx, data) => withPart(ctx, data.partId, (found) => spec.complete(ctx, found, data.text)),
  });
}

/** The four dialogs under the capability's rules. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds dialogs of every data shape
export function partDialogs(actionRules: ActionRules): DialogDefinition<any>[] {
  const { rules, timezone } = actionRules;
  const progress = oneTextDialog({
    id: PART_DIALOGS.progress,
    title: M.progressTitle,
    confirmLabel: M.progressConfirm,
    label: M.progressLabel,
    prompt: (data) => M.progressPrompt(data.number ?? ""),
    empty: M.progressEmpty,
    complete: (ctx, found, text) => recordProgress(ctx, actionRules, found, text),
  });
  const extend = defineDialog<ExtendData>({
    id: PART_DIALOGS.extend,
    version: 1,
    title: M.extendTitle,
    confirmLabel: M.extendConfirm,
    initial: partData,
    steps: [
      {
        id: "due",
        field: "newDueAt",
        label: M.newDeadlineLabel,
        prompt: (data) =>
          M.newDeadlinePrompt(data.number ?? "", deadlineText(new Date(data.dueAt ?? 0), timezone)),
        parse(text, ctx) {
          const now = ctx.services.clock.now();
          const read = parseDeadline(text, now, deadlineRules(rules, timezone));
          if (read.ok) return read.at.toISOString();
          throw new Error(read.problem === "past" ? M.notFuture : M.badDeadline(text));
        },
        format: (value) => deadlineText(new Date(String(value)), timezone),
      },
      {
        id: "reason",
        field: "reason",
        label: M.reasonLabel,
        prompt: M.extendReasonPrompt,
        schema: stepTextSchema(M.reasonEmpty),
      },
    ],
    complete: (ctx, data) =>
      withPart(ctx, data.partId, (found) =>
        requestExtension(ctx, actionRules, found, new Date(data.newDueAt), data.reason),
      ),
  });
  const close = oneTextDialog({
    id: PART_DIALOGS.close,
    title: M.closeTitle,
    confirmLabel: M.closeConfirm,
    label: M.resultLabel,
    prompt: (data) => M.closePrompt(data.number ?? ""),
    empty: M.resultEmpty,
    complete: (ctx, found, result) => requestClose(ctx, actionRules, found, result),
  });
  const giveBack = oneTextDialog({
    id: PART_DIALOGS.return,
    title: M.returnTitle,
    confirmLabel: M.returnConfirm,
    label: M.reasonLabel,
    prompt: (data) => M.returnPrompt(data.number ?? "", data.unit ?? ""),
    empty: M.reasonEmpty,
    complete: (ctx, found, reason) => returnClose(ctx, actionRules, found, reason),
  });
  return [progress, extend, close, giveBack];
}
