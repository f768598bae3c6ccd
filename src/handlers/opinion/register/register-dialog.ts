/**
 * The 舆情 登记 dialog: source, link, content, responsible unit, found time, reach, level, then the
 * summary with 确认登记 / 修改. Started bare by `舆情`, or from a paragraph (`舆情 微博网友发帖称…`):
 * what was read is shown and only what is missing is asked (a link or reach the paragraph did not
 * give counts as none, and can be added with 修改).
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import { type DialogStep, defineDialog } from "../../../bot/core/dialog/definition.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { namesOfUnits, offeredUnits } from "../../office/unit-choice.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { levelOf, opinionDues } from "../rules/opinion-level.ts";
import { fileItem } from "./file-item.ts";
import { registerMessages as M } from "./messages.ts";
import type { RegisterData } from "./register-data.ts";
import { CLOCK_SKEW_MS, contentSchema, registerSteps } from "./register-steps.ts";
import { NO_REACH } from "./understanding/reach.ts";
import { readParagraph } from "./understanding/read-paragraph.ts";

export const REGISTER_DIALOG = "opinion.register";

/** The dialog's data from a paragraph: what it gives, a link and reach it lacks counted as none. */
export function dataFromParagraph(
  ctx: ConversationContext,
  setting: OpinionSetting,
  paragraph: string,
): Partial<RegisterData> {
  const { directory, clock } = ctx.services;
  const tz = setting.office.timezone;
  const found = readParagraph(paragraph, {
    now: clock.now(),
    timeZone: tz,
    unitNames: namesOfUnits(directory),
    offeredUnits: offeredUnits(directory),
    levels: setting.rules.levels,
    clockSkewMs: CLOCK_SKEW_MS,
  });
  const data: Partial<RegisterData> = {
    paragraph,
    link: { url: found.link ?? null },
    reach: found.reach ?? { ...NO_REACH },
  };
  if (found.source && O.sources.includes(found.source)) data.source = found.source;
  const content = contentSchema.safeParse(found.content ?? "");
  if (content.success) data.content = content.data;
  if (found.unitId) data.unitId = found.unitId;
  if (found.foundAt) data.foundAt = found.foundAt.toISOString();
  if (found.levelId) data.levelId = found.levelId;
  const notes: RegisterData["notes"] = [];
  if (found.futureFoundAt)
    notes.push({ label: M.foundLabel, value: M.foundNotTaken(deadlineText(found.futureFoundAt, tz)) });
  if (found.unknownUnit) notes.push({ label: M.unitLabel, value: M.unitNotFound(found.unknownUnit) });
  if (notes.length > 0) data.notes = notes;
  return data;
}

/** The label of the choice a step's stored value stands for (level id → 一般). */
function choiceLabel(
  step: DialogStep<RegisterData>,
  data: Partial<RegisterData>,
  ctx: ConversationContext,
): string {
  const choices = typeof step.choices === "function" ? step.choices(data, ctx) : step.choices;
  const value = data[step.field];
  return choices?.find((c) => c.value === value)?.label ?? String(value);
}

export function registerDialog(setting: OpinionSetting) {
  const { rules, office } = setting;
  const steps = registerSteps(rules, office.timezone);
  return defineDialog<RegisterData>({
    id: REGISTER_DIALOG,
    version: 1,
    title: M.dialogTitle,
    confirmLabel: O.buttons.confirmRegister,
    steps,
    initial(ctx, args) {
      const paragraph = args.trim();
      return paragraph ? dataFromParagraph(ctx, setting, paragraph) : {};
    },
    intro(data, ctx) {
      if (!data.paragraph) return undefined;
      const missing = steps.filter((s) => data[s.field] === undefined).map((s) => s.label);
      // Nothing left to ask: the summary card that follows shows all of it.
      if (missing.length === 0) return undefined;
      const filled = steps.filter((s) => data[s.field] !== undefined);
      const fields = [
        ...filled.map((s) => ({
          label: s.label,
          value: s.format?.(data[s.field], data, ctx) ?? choiceLabel(s, data, ctx),
        })),
        ...(data.notes ?? []),
      ];
      return { card: { title: M.understood, fields, buttons: [], note: M.understoodNote(missing) } };
    },
    summaryFields(data, ctx) {
      const fields = [];
      if (data.levelId && data.foundAt) {
        const dues = opinionDues(levelOf(rules, data.levelId), new Date(data.foundAt));
        // A deadline already behind (found long ago) is said so before it is filed: it is chased at once.
        const now = ctx.services.clock.now().getTime();
        const due = (at: Date) => {
          const text = deadlineText(at, office.timezone);
          return at.getTime() <= now ? M.duePassed(text) : text;
        };
        fields.push(
          { label: M.verifyDueLabel, value: due(dues.verifyDueAt) },
          { label: M.respondDueLabel, value: due(dues.respondDueAt) },
        );
      }
      fields.push({ label: M.registrantLabel, value: ctx.services.directory.personName(ctx.person.id) });
      return fields;
    },
    complete: (ctx, data, submission) => fileItem(ctx, setting, data, submission),
  });
}
