/**
 * The steps of the 续报 and 终报 dialogs. 补报 steps are the first report's own steps (same
 * prompts, parsers and checks), asked only for the elements the incident still lacks.
 */
import { z } from "zod";
import type { DialogStep } from "../../../bot/core/dialog/definition.ts";
import type { Element } from "../../../config/incident-policy.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { casualtiesText, type FirstReportData } from "../first-report/first-report-data.ts";
import { firstReportSteps } from "../first-report/first-report-steps.ts";
import type { CasualtyReport } from "../understanding/casualties.ts";
import { parseCasualties } from "../understanding/parse-casualties.ts";
import {
  type FinalReportData,
  type FollowUpData,
  type IncidentRef,
  NOT_UPDATED,
  NOTHING_NEW,
} from "./follow-up-data.ts";
import { followUpMessages as M } from "./messages.ts";

/** Which first-report step asks for each required element. */
const STEP_OF_ELEMENT: Record<Element, string> = {
  occurred_at: "time",
  location: "location",
  summary: "summary",
  casualties: "casualties",
  measures: "measures",
  contact: "contact",
};

/** The first report's step for `element` (of `firstSteps`), asked only while the incident lacks it. */
function supplementStep(
  firstSteps: DialogStep<FirstReportData>[],
  element: Element,
): DialogStep<FollowUpData> {
  const step = firstSteps.find((s) => s.id === STEP_OF_ELEMENT[element]);
  if (!step) throw new Error(`no first-report step for element ${element}`);
  // The 补报 fields of FollowUpData carry the same names and types as the first report's.
  const reused = step as unknown as DialogStep<FollowUpData>;
  return { ...reused, when: (data) => data.missingAtStart?.includes(element) ?? false };
}

/** A 补报 step for every required element, in the order the first report asks them. */
function supplementSteps(firstSteps: DialogStep<FirstReportData>[]): DialogStep<FollowUpData>[] {
  return (Object.keys(STEP_OF_ELEMENT) as Element[]).map((element) => supplementStep(firstSteps, element));
}

function parseCasualtiesReply(text: string, rules: IncidentPolicy): CasualtyReport | null {
  const result = parseCasualties(text, rules.incident.max_casualties);
  if (!result.ok) throw new Error(result.reason);
  return result.value ?? null;
}

/** Shows a casualty answer; "未更新" shows the counts on file it keeps. */
function formatCasualties(value: unknown, data: Partial<IncidentRef>): string {
  if (value === NOT_UPDATED) return `${NOT_UPDATED}（${casualtiesText(data.casualtiesOnFile)}）`;
  return casualtiesText(value as FirstReportData["casualties"]);
}

const freeText = (invalid: string, min: number) => z.string().trim().min(min, invalid).max(2000, invalid);

export const followUpSteps = (rules: IncidentPolicy): DialogStep<FollowUpData>[] => [
  ...supplementSteps(firstReportSteps(rules)),
  {
    id: "progress",
    field: "progress",
    label: M.labelProgress,
    prompt: M.progressPrompt,
    schema: freeText(M.progressInvalid, 4),
  },
  {
    id: "casualtiesNow",
    field: "casualtiesNow",
    label: M.labelCasualtiesNow,
    prompt: M.casualtiesNowPrompt,
    optional: true,
    onSkip: () => NOT_UPDATED,
    parse: (text) => parseCasualtiesReply(text, rules),
    format: (value, data) => formatCasualties(value, data),
    // When casualties were missing, the 补报 step above already asked for them.
    when: (data) => !data.missingAtStart?.includes("casualties"),
  },
  {
    id: "newMeasures",
    field: "newMeasures",
    label: M.labelNewMeasures,
    prompt: M.newMeasuresPrompt,
    optional: true,
    onSkip: () => NOTHING_NEW,
    parse: (text) => (/^(?:无|没有|暂无)$/.test(text.trim()) ? NOTHING_NEW : text),
    schema: z.union([z.literal(NOTHING_NEW), freeText(M.textTooShort, 2)]),
    when: (data) => !data.missingAtStart?.includes("measures"),
  },
];

export const finalReportSteps = (rules: IncidentPolicy): DialogStep<FinalReportData>[] => [
  {
    id: "outcome",
    field: "outcome",
    label: M.labelOutcome,
    prompt: M.outcomePrompt,
    schema: freeText(M.outcomeInvalid, 4),
  },
  {
    id: "cause",
    field: "cause",
    label: M.labelCause,
    prompt: M.causePrompt,
    optional: true,
    schema: freeText(M.textTooShort, 2),
  },
  {
    id: "aftermath",
    field: "aftermath",
    label: M.labelAftermath,
    prompt: M.aftermathPrompt,
    optional: true,
    schema: freeText(M.textTooShort, 2),
  },
  {
    id: "finalCasualties",
    field: "finalCasualties",
    label: M.labelFinalCasualties,
    prompt: M.finalCasualtiesPrompt,
    optional: true,
    onSkip: () => NOT_UPDATED,
    parse: (text) => parseCasualtiesReply(text, rules),
    format: (value, data) => formatCasualties(value, data),
  },
];
