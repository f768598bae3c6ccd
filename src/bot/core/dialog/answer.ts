/**
 * How an answer to one step is read, whether it came as a reply, a button or a box on the form:
 * 跳过 on optional steps, a choice by number or label, or the step's parser and validator.
 */
import type { ConversationContext } from "../context.ts";
import type { Choice, DialogData, DialogStep } from "./definition.ts";
import { KEYWORDS, dialogMessages as M } from "./messages.ts";
import { plainIssue } from "./plain-issue.ts";

export type AnyStep = DialogStep<DialogData>;

/**
 * The step's value, or why it is not acceptable: `reason` names the problem alone (for a list of
 * a form's problems), `message` is the reply in a dialog (with how to go on).
 */
export type Interpretation = { ok: true; value: unknown } | { ok: false; reason: string; message: string };

export const matches = (words: string[], text: string) =>
  words.some((w) => w.toLowerCase() === text.toLowerCase());

/** Turns an answer into the step's value, or the Chinese reason it is not acceptable. */
export function interpret(
  step: AnyStep,
  text: string,
  data: DialogData,
  ctx: ConversationContext,
): Interpretation {
  if (matches(KEYWORDS.skip, text)) {
    if (!step.optional) return refused(M.cannotSkip(step.label));
    return { ok: true, value: step.onSkip?.(ctx) ?? null };
  }
  const choices = choicesOf(step, data, ctx);
  if (choices) {
    const index = pickIndex(
      text,
      choices.map((c) => c.label),
    );
    if (index === null) return refused(M.invalidChoice(choices.length));
    return { ok: true, value: (choices[index] as Choice).value };
  }
  let value: unknown = text;
  try {
    value = step.parse ? step.parse(text, ctx) : text;
  } catch (error) {
    return invalid(error instanceof Error ? error.message : String(error));
  }
  if (!step.schema) return { ok: true, value };
  const parsed = step.schema.safeParse(value, { error: plainIssue });
  if (parsed.success) return { ok: true, value: parsed.data };
  return invalid(parsed.error.issues[0]?.message ?? M.badFormat);
}

function refused(reason: string): Interpretation {
  return { ok: false, reason, message: reason };
}

function invalid(reason: string): Interpretation {
  return { ok: false, reason, message: M.invalidAnswer(reason) };
}

/**
 * A 0-based index from `2`, `2. 标签`, or the label: the whole label, else the one label that
 * starts with the text (`一般` for 一般（建议）), else the one label that contains it; a text that
 * several labels share picks none.
 */
export function pickIndex(text: string, labels: string[]): number | null {
  const number = /^(\d+)(?:\.|、|\s|$)/.exec(text);
  if (number) {
    const index = Number(number[1]) - 1;
    return index >= 0 && index < labels.length ? index : null;
  }
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  const plain = labels.map((l) => l.trim().toLowerCase());
  const exact = plain.indexOf(wanted);
  if (exact >= 0) return exact;
  return onlyOne(plain, (l) => l.startsWith(wanted)) ?? onlyOne(plain, (l) => l.includes(wanted));
}

function onlyOne(labels: string[], fits: (label: string) => boolean): number | null {
  const found = labels.flatMap((label, index) => (fits(label) ? [index] : []));
  return found.length === 1 ? (found[0] as number) : null;
}

export function choicesOf(step: AnyStep, data: DialogData, ctx: ConversationContext): Choice[] | undefined {
  return typeof step.choices === "function" ? step.choices(data, ctx) : step.choices;
}
