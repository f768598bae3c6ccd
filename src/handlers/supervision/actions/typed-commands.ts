/**
 * The typed forms of the unit's steps and the assigner's answers: `反馈 D2026-0001 <进展>`,
 * `申请延期 D2026-0001 <新期限> <理由>`, `申请办结 D2026-0001 <办理结果>`, `同意延期 D2026-0001`,
 * `不同意 D2026-0001`, `确认办结 D2026-0001`, `退回 D2026-0001 <理由>` (a unit's name may follow the
 * number of an answer when several units wait). A form with the number alone asks for the rest.
 */
import type { Command } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { deadlineRules, readLeadingDeadline } from "../rules/deadline-phrase.ts";
import { closeAnswerRefusal, confirmClose, returnClose } from "./close-answer.ts";
import { closeRequestRefusal, requestClose } from "./close-request.ts";
import { grantExtension, refuseExtension } from "./extension-answer.ts";
import { extensionRefusal, requestExtension } from "./extension-request.ts";
import { type AnswerWait, type FoundPart, ownPart, waitingPart } from "./found-part.ts";
import { actionMessages as M } from "./messages.ts";
import { PART_DIALOGS } from "./part-dialogs.ts";
import type { ActionRules } from "./part-rules.ts";
import { recordProgress } from "./progress.ts";
import { unitStepRefusal } from "./unit-step-refusal.ts";

/** A command's words and help line. */
type About = Pick<Command, "names" | "summary">;

type Refusal = (ctx: ConversationContext, found: FoundPart) => string | null;

/** With nothing after the number: the dialog that asks for it, unless the person may not. */
async function askRest(ctx: ConversationContext, found: FoundPart, dialogId: string, refusal: Refusal) {
  const why = refusal(ctx, found);
  if (why) return ctx.reply(why);
  await ctx.startDialog(dialogId, String(found.part.id));
}

/** A unit's step: `<word> D2026-0001 <text>`. */
function unitStep(
  about: About,
  usage: string,
  dialogId: string,
  refusal: Refusal,
  act: (ctx: ConversationContext, found: FoundPart, rest: string) => Promise<void>,
): Command {
  return {
    ...about,
    async run(ctx, args) {
      const typed = await ownPart(ctx, args, usage);
      if (!typed) return;
      if (!typed.rest) return askRest(ctx, typed.found, dialogId, refusal);
      await act(ctx, typed.found, typed.rest);
    },
  };
}

/** An answer: `<word> D2026-0001 [单位] [text]`. */
function answer(
  rules: ActionRules["rules"],
  about: About,
  wait: AnswerWait,
  act: (ctx: ConversationContext, found: FoundPart, rest: string) => Promise<void>,
): Command {
  return {
    ...about,
    async run(ctx, args) {
      const typed = await waitingPart(ctx, rules, args, wait);
      if (typed) await act(ctx, typed.found, typed.rest);
    },
  };
}

/** Every typed form but 签收 (sign-commands.ts), under the capability's rules. */
export function typedCommands(actionRules: ActionRules): Command[] {
  const { rules, timezone } = actionRules;
  const ownStep: Refusal = (ctx, found) => unitStepRefusal(ctx.person, ctx.services.directory, found);
  const extension: Omit<AnswerWait, "verb" | "usage"> = {
    waits: (p) => p.extensionDueAt !== null,
    none: M.noPendingExtension,
  };
  const closing: Omit<AnswerWait, "verb" | "usage"> = {
    waits: (p) => p.closeRequestedAt !== null,
    none: M.noPendingClose,
  };
  return [
    unitStep(
      { names: ["反馈", "/progress"], summary: M.progressSummary },
      M.usage.progress,
      PART_DIALOGS.progress,
      ownStep,
      (ctx, found, rest) => recordProgress(ctx, actionRules, found, rest),
    ),
    unitStep(
      { names: ["申请延期", "/extend"], summary: M.extendSummary },
      M.usage.extend,
      PART_DIALOGS.extend,
      (ctx, found) => extensionRefusal(ctx, timezone, found),
      async (ctx, found, rest) => {
        const read = readLeadingDeadline(rest, ctx.services.clock.now(), deadlineRules(rules, timezone));
        if (!read || (!read.result.ok && read.result.problem === "noSuchDate"))
          return ctx.reply(M.badDeadline(rest.split(/\s+/)[0] ?? rest));
        if (!read.result.ok) return ctx.reply(M.notFuture);
        if (!read.rest) return ctx.reply(M.usage.extend);
        await requestExtension(ctx, actionRules, found, read.result.at, read.rest);
      },
    ),
    unitStep(
      { names: ["申请办结", "/close"], summary: M.closeSummary },
      M.usage.close,
      PART_DIALOGS.close,
      closeRequestRefusal,
      (ctx, found, rest) => requestClose(ctx, actionRules, found, rest),
    ),
    answer(
      rules,
      { names: ["同意延期", "/grant"], summary: M.grantSummary },
      { ...extension, verb: M.verbs.grant, usage: M.usage.grant },
      (ctx, found) => grantExtension(ctx, actionRules, found),
    ),
    answer(
      rules,
      { names: ["不同意", "/refuse"], summary: M.refuseSummary },
      { ...extension, verb: M.verbs.refuse, usage: M.usage.refuse },
      (ctx, found) => refuseExtension(ctx, actionRules, found),
    ),
    answer(
      rules,
      { names: ["确认办结", "/confirmclose"], summary: M.confirmSummary },
      { ...closing, verb: M.verbs.confirm, usage: M.usage.confirm },
      (ctx, found) => confirmClose(ctx, actionRules, found),
    ),
    answer(
      rules,
      { names: ["退回", "/return"], summary: M.returnSummary },
      { ...closing, verb: M.verbs.return, usage: M.usage.return },
      (ctx, found, rest) =>
        rest
          ? returnClose(ctx, actionRules, found, rest)
          : askRest(ctx, found, PART_DIALOGS.return, (c, f) => closeAnswerRefusal(c, actionRules, f)),
    ),
  ];
}
