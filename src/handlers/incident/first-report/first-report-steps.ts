/** The steps of the 首报 dialog under the incident rules, declared as data for the dialog engine. */
import { z } from "zod";
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { DialogStep } from "../../../bot/core/dialog/definition.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { formatLocalTime } from "../../office/time-format.ts";
import { FIRST_REPORT_LABELS as L, incidentMessages as M } from "../messages.ts";
import { gradeByCasualties, suggestGrade } from "../rules/grading.ts";
import { countsOf } from "../understanding/casualties.ts";
import { type Contact, findContact } from "../understanding/contact.ts";
import { parseCasualties } from "../understanding/parse-casualties.ts";
import { parseEventTime } from "../understanding/parse-event-time.ts";
import { casualtiesText, contactText, type FirstReportData } from "./first-report-data.ts";

/** How far ahead of the clock an event time may be (phones' clocks differ a little). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Reads an event time reply: refuses the future, asks for 确认 on a time long ago. */
export function parseEventTimeReply(text: string, ctx: ConversationContext, rules: IncidentPolicy): string {
  const { clock } = ctx.services;
  const confirmed = /^确认\s*/.test(text);
  const now = clock.now();
  const result = parseEventTime(text.replace(/^确认\s*/, ""), now, rules.timezone);
  if (!result.ok) throw new Error(result.reason);
  if (result.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new Error(M.timeInFuture);
  const age = now.getTime() - result.at.getTime();
  if (!confirmed && age > rules.incident.confirm_event_older_than)
    throw new Error(M.timeTooOld(formatLocalTime(result.at, rules.timezone)));
  return result.at.toISOString();
}

/** `钱镇长 13800000042`, `联系人：赵刚（镇应急办主任），0797-8123456`: a phone and whoever it belongs to. */
export function parseContactReply(text: string): Contact {
  const contact = findContact(text);
  if (!contact?.phone) throw new Error(M.contactInvalid);
  if (contact.name) return contact;
  const rest = text
    .replace(contact.phone, " ")
    .replace(/(?:电话|手机|联系方式|联系人|负责人)[:：]?/g, " ")
    .replace(/[，,。；;:：\s]+/g, " ")
    .trim();
  return rest ? { ...contact, name: rest } : contact;
}

/**
 * A grade as the summary shows it: 较大（按伤亡建议） when the dialog filled it in from the casualties
 * and they still suggest it; when the casualties were changed since, what they suggest now.
 */
function gradeText(gradeId: string, data: Partial<FirstReportData>, rules: IncidentPolicy): string {
  const name = rules.grades.find((g) => g.id === gradeId)?.name ?? gradeId;
  if (data.suggestedGradeId !== gradeId) return name;
  const now = gradeByCasualties(countsOf(data.casualties), rules.grades);
  if (now?.id === gradeId) return `${name}${M.suggestedByCasualties}`;
  return now ? `${name}${M.suggestionChanged(now.name)}` : name;
}

export const firstReportSteps = (rules: IncidentPolicy): DialogStep<FirstReportData>[] => [
  {
    id: "type",
    field: "type",
    label: L.type,
    prompt: M.typePrompt,
    choices: () => rules.types.map((t) => ({ value: t, label: t })),
  },
  {
    id: "time",
    field: "occurredAt",
    label: L.occurredAt,
    prompt: M.timePrompt,
    help: M.timeHelp,
    optional: true,
    parse: (text, ctx) => parseEventTimeReply(text, ctx, rules),
    formInput: { placeholder: M.formTimePlaceholder },
    format: (value) => formatLocalTime(new Date(String(value)), rules.timezone),
  },
  {
    id: "location",
    field: "location",
    label: L.location,
    prompt: M.locationPrompt,
    schema: z.string().trim().min(2, M.locationInvalid).max(100, M.locationInvalid),
    formInput: { placeholder: M.formLocationPlaceholder },
  },
  {
    id: "summary",
    field: "summary",
    label: L.summary,
    prompt: M.summaryPrompt,
    schema: z.string().trim().min(4, M.summaryInvalid).max(2000),
    formInput: { placeholder: M.formSummaryPlaceholder, multiline: true },
  },
  {
    id: "casualties",
    field: "casualties",
    label: L.casualties,
    prompt: M.casualtiesPrompt,
    optional: true,
    parse: (text) => {
      const result = parseCasualties(text, rules.incident.max_casualties);
      if (!result.ok) throw new Error(result.reason);
      return result.value;
    },
    format: (value) => casualtiesText(value as FirstReportData["casualties"]),
    formInput: { placeholder: M.formCasualtiesPlaceholder },
  },
  {
    id: "grade",
    field: "gradeId",
    label: L.grade,
    prompt: (data) => M.gradePrompt(suggestGrade(countsOf(data.casualties), rules.grades)?.name),
    choices: (data) => {
      const { grades } = rules;
      const suggested = suggestGrade(countsOf(data.casualties), grades);
      return grades.map((g) => ({
        value: g.id,
        label: g.id === suggested?.id ? `${g.name}${M.suggestedMark}` : g.name,
        ...(g.id === suggested?.id ? { suggested: true } : {}),
      }));
    },
    format: (value, data) => gradeText(String(value), data, rules),
  },
  {
    id: "measures",
    field: "measures",
    label: L.measures,
    prompt: M.measuresPrompt,
    optional: true,
    schema: z.string().trim().min(2).max(2000),
    formInput: { placeholder: M.formMeasuresPlaceholder, multiline: true },
  },
  {
    id: "contact",
    field: "contact",
    label: L.contact,
    prompt: M.contactPrompt,
    optional: true,
    parse: parseContactReply,
    format: (value) => contactText(value as FirstReportData["contact"]),
    formInput: {
      parts: [
        { key: "name", label: M.formContactNameLabel, placeholder: M.formContactNamePlaceholder },
        { key: "phone", label: M.formContactPhoneLabel, placeholder: M.formContactPhonePlaceholder },
      ],
    },
  },
];
