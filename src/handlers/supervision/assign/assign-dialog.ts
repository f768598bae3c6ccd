/**
 * The 交办 dialog: units by number (several; the first 牵头, the others 配合), deadline, content,
 * then the summary with 确认交办 / 修改. Started bare by `交办`, with a one-line 交办's parts (only
 * what is missing is asked), or from a 批示 (转督办: unit and content known, the deadline asked).
 */
import { z } from "zod";
import type { ConversationContext } from "../../../bot/core/context.ts";
import { defineDialog } from "../../../bot/core/dialog/definition.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { formatTimeOfDay } from "../../../config/time-of-day.ts";
import type { Office } from "../../office/office.ts";
import { namesOfUnits, offeredUnitList, offeredUnits } from "../../office/unit-choice.ts";
import { readUnitList } from "../../office/unit-names.ts";
import { deadlineRules, parseDeadline } from "../rules/deadline-phrase.ts";
import type { AssignData, DueChoice } from "./assign-data.ts";
import { unitsWithRoles } from "./assign-data.ts";
import { defaultDue, formatDue, readDue } from "./assign-due.ts";
import { CONVERT_ARG, dataFromInstruction } from "./convert-source.ts";
import { fileTask } from "./file-task.ts";
import { assignMessages as M } from "./messages.ts";
import { parseAssignLine } from "./rules/assign-line.ts";

/** Dialog id; its argument is `line:<a one-line 交办's text>` or `convert:<instruction id>`. */
export const ASSIGN_DIALOG = "supervision.assign";
/** The dialog's argument that carries a one-line 交办 (empty for the bare command). */
export const LINE_ARG = "line:";

const MAX_UNITS = 30;
const MAX_CONTENT = 1000;

const contentSchema = z
  .string()
  .trim()
  .min(2, M.contentTooShort)
  .max(MAX_CONTENT, M.contentTooLong(MAX_CONTENT));

/** The dialog under the office's `tasks:` rules (and the incident rules, to name a 批示's incident). */
export function assignDialog(rules: TasksPolicy, office: Office, incidentRules: IncidentPolicy | undefined) {
  const deadlines = deadlineRules(rules, office.timezone);
  const now = (ctx: ConversationContext) => ctx.services.clock.now();

  /** What a one-line 交办 gives; a deadline is left out (to be asked) when it cannot be used. */
  function fromLine(ctx: ConversationContext, text: string): Partial<AssignData> {
    const at = now(ctx);
    const isDeadline = (phrase: string) => {
      const r = parseDeadline(phrase, at, deadlines);
      return r.ok || r.problem !== "unknown";
    };
    const line = parseAssignLine(text, namesOfUnits(ctx.services.directory), isDeadline);
    const data: Partial<AssignData> = {};
    const notes: string[] = [];
    if (line.unitIds.length > 0) data.units = line.unitIds;
    if (line.unknownUnit) notes.push(M.unknownUnitNote(line.unknownUnit));
    if (line.content) {
      const content = contentSchema.safeParse(line.content);
      if (content.success) data.content = content.data;
      else notes.push(content.error.issues[0]?.message ?? M.contentTooShort);
    }
    if (line.deadline) {
      try {
        data.due = readDue(line.deadline, at, deadlines);
      } catch (error) {
        notes.push(error instanceof Error ? error.message : String(error));
      }
    } else if (data.content) {
      // A 交办 written in full without a deadline: 落实不过夜.
      data.due = defaultDue(at, deadlines);
    }
    if (notes.length > 0) data.notes = notes;
    return data;
  }

  return defineDialog<AssignData>({
    id: ASSIGN_DIALOG,
    version: 1,
    title: M.dialogTitle,
    confirmLabel: M.confirmLabel,
    form: { title: M.formTitle, submitLabel: M.formSubmit },
    async initial(ctx, args) {
      if (args.startsWith(CONVERT_ARG)) {
        const { database, directory } = ctx.services;
        const id = Number(args.slice(CONVERT_ARG.length));
        return (await dataFromInstruction(database, directory, incidentRules, id)) ?? {};
      }
      const line = args.startsWith(LINE_ARG) ? args.slice(LINE_ARG.length).trim() : "";
      return line ? fromLine(ctx, line) : {};
    },
    intro: (data) => (data.notes?.length ? { text: data.notes.join("\n") } : undefined),
    steps: [
      {
        id: "units",
        field: "units",
        label: M.unitsLabel,
        prompt: (_data, ctx) => M.unitsPrompt(offeredUnitList(ctx.services.directory)),
        help: M.unitsHelp,
        parse: (text, ctx) => {
          const { directory } = ctx.services;
          const offered = offeredUnits(directory);
          const plain = text.replace(/[（(](?:牵头|配合)[）)]/g, "");
          const { unitIds, unknown } = readUnitList(plain, offered, namesOfUnits(directory));
          if (unknown.length > 0) throw new Error(M.unitsUnknown(unknown.join("、"), offered.length));
          if (unitIds.length === 0) throw new Error(M.unitsEmpty);
          if (unitIds.length > MAX_UNITS) throw new Error(M.unitsTooMany(MAX_UNITS));
          return unitIds;
        },
        format: (value, _data, ctx) => unitsWithRoles(ctx.services.directory, value as string[]),
        formInput: { placeholder: M.unitsPlaceholder },
      },
      {
        id: "due",
        field: "due",
        label: M.dueLabel,
        prompt: M.duePrompt(formatTimeOfDay(rules.default_deadline)),
        help: M.dueHelp,
        optional: true,
        onSkip: (ctx) => defaultDue(now(ctx), deadlines),
        parse: (text, ctx) => readDue(text, now(ctx), deadlines),
        format: (value) => formatDue(value as DueChoice, office.timezone),
        formInput: { placeholder: M.duePlaceholder },
      },
      {
        id: "content",
        field: "content",
        label: M.contentLabel,
        prompt: M.contentPrompt,
        help: M.contentHelp,
        schema: contentSchema,
        formInput: { placeholder: M.contentPlaceholder, multiline: true },
      },
    ],
    summaryFields(data, ctx) {
      return [
        { label: M.assignerLabel, value: ctx.services.directory.personName(ctx.person.id) },
        ...(data.source ? [{ label: M.sourceLabel, value: data.source }] : []),
      ];
    },
    complete: (ctx, data, submission) =>
      fileTask(ctx, rules, office, {
        sourceKey: `dialog-${submission.id}`,
        units: data.units,
        dueAt: new Date(data.due.at),
        content: data.content,
        instructionId: data.instructionId ?? null,
        incidentId: data.incidentId ?? null,
      }),
  });
}
