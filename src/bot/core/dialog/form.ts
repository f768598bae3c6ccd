/**
 * A dialog's steps as one form card (all questions on one screen), and a submitted form read back
 * through the steps' own parsers and validators, so a form answer is held to the same rules as a
 * reply typed step by step.
 */
import type { ConversationContext } from "../context.ts";
import type { Card, FormField } from "../message.ts";
import { type AnyStep, choicesOf, type Interpretation, interpret } from "./answer.ts";
import type { DialogData, DialogDefinition, DialogForm } from "./definition.ts";
import { dialogMessages as M } from "./messages.ts";

/** The step a form submit names in its action: `dlg:<session>:@form:submit`. */
export const FORM_STEP = "@form";

/** What a submitted form holds: typed text or the chosen option's value, by field name. */
export type FormValues = Record<string, string>;

// biome-ignore lint/suspicious/noExplicitAny: forms are built for dialogs of every data shape
type AnyDialog = DialogDefinition<any>;

export type FormReading =
  | { ok: true; data: DialogData; answered: string[] }
  | { ok: false; problems: string[] };

/**
 * The form card: one box per step (a drop-down where the step has choices), filled with what the
 * dialog knows already, or with what the person typed when a submit is sent back to be corrected.
 */
export function dialogFormCard(
  dialog: AnyDialog,
  form: DialogForm,
  data: DialogData,
  ctx: ConversationContext,
  submitAction: string,
  typed?: FormValues,
): Card {
  const fields = orderedSteps(dialog, form).flatMap((step) => stepFields(step, data, ctx, typed));
  return {
    title: form.title,
    fields: [],
    buttons: [],
    ...(form.note ? { note: form.note } : {}),
    form: { fields, submit: { label: form.submitLabel, action: submitAction } },
  };
}

/**
 * Reads a submitted form step by step, in the dialog's order (a later step's choices may depend on
 * an earlier answer): an empty box skips an optional step and is a problem for a required one; a
 * box left as shown keeps what the dialog holds.
 */
export function readDialogForm(
  dialog: AnyDialog,
  base: DialogData,
  values: FormValues,
  ctx: ConversationContext,
): FormReading {
  let data: DialogData = { ...base };
  const problems: string[] = [];
  const answered: string[] = [];
  for (const step of dialog.steps as AnyStep[]) {
    if (!(step.when?.(data) ?? true)) continue;
    const text = typedAnswer(step, values);
    if (text === "" && !step.optional) {
      problems.push(M.formMissing(step.label));
      continue;
    }
    const outcome = readStep(step, text, base, data, ctx);
    if (!outcome.ok) {
      const named = outcome.reason.includes(`「${step.label}」`);
      problems.push(named ? outcome.reason : M.formProblem(step.label, outcome.reason));
      continue;
    }
    data = { ...data, [step.field]: outcome.value };
    answered.push(step.id);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data, answered };
}

function orderedSteps(dialog: AnyDialog, form: DialogForm): AnyStep[] {
  const steps = dialog.steps as AnyStep[];
  if (!form.order) return steps;
  const rank = (step: AnyStep) => {
    const index = form.order?.indexOf(step.id) ?? -1;
    return index < 0 ? steps.length + steps.indexOf(step) : index;
  };
  return [...steps].sort((a, b) => rank(a) - rank(b));
}

function stepFields(
  step: AnyStep,
  data: DialogData,
  ctx: ConversationContext,
  typed?: FormValues,
): FormField[] {
  // A step asked only in some cases is checked when the form is read, never forced on the phone.
  const required = !step.optional && !step.when;
  const choices = choicesOf(step, data, ctx);
  if (choices) {
    const chosen = choices.findIndex((c) => c.value === data[step.field]);
    const initial = typed?.[step.id] ?? (chosen >= 0 ? String(chosen + 1) : undefined);
    return [
      {
        kind: "select",
        name: step.id,
        label: step.label,
        options: choices.map((c, i) => ({ value: String(i + 1), label: c.label })),
        required,
        ...(initial ? { initial } : {}),
      },
    ];
  }
  const input = step.formInput ?? {};
  if (input.parts)
    return input.parts.map((part) => {
      const name = partName(step, part.key);
      return {
        kind: "text",
        name,
        label: part.label,
        required,
        ...(part.placeholder ? { placeholder: part.placeholder } : {}),
        ...(typed?.[name] ? { initial: typed[name] } : {}),
      };
    });
  const initial = typed?.[step.id] ?? asTyped(step, data, ctx);
  return [
    {
      kind: "text",
      name: step.id,
      label: step.label,
      required,
      ...(input.placeholder ? { placeholder: input.placeholder } : {}),
      ...(input.multiline ? { multiline: true } : {}),
      ...(initial ? { initial } : {}),
    },
  ];
}

/** The stored answer as the person would type it (the summary's wording, which the parser reads). */
function asTyped(step: AnyStep, data: DialogData, ctx: ConversationContext): string | undefined {
  const value = data[step.field];
  if (value === undefined || value === null || value === "") return undefined;
  return step.format ? step.format(value, data, ctx) : String(value);
}

/** One box: empty skips (the step is optional here), as shown keeps, anything else is interpreted. */
function readStep(
  step: AnyStep,
  text: string,
  base: DialogData,
  data: DialogData,
  ctx: ConversationContext,
): Interpretation {
  if (text === "") return { ok: true, value: step.onSkip?.(ctx) ?? null };
  if (unchanged(step, text, base, ctx)) return { ok: true, value: base[step.field] };
  return interpret(step, text, data, ctx);
}

/**
 * A box left as the form showed it keeps the answer the dialog holds (understood from a paragraph,
 * or already confirmed): it is not judged again from its wording.
 */
function unchanged(step: AnyStep, text: string, base: DialogData, ctx: ConversationContext): boolean {
  if (step.formInput?.parts || choicesOf(step, base, ctx)) return false;
  const shown = asTyped(step, base, ctx);
  return shown !== undefined && text === shown.trim();
}

function typedAnswer(step: AnyStep, values: FormValues): string {
  const parts = step.formInput?.parts;
  if (!parts) return (values[step.id] ?? "").trim();
  return parts
    .map((part) => (values[partName(step, part.key)] ?? "").trim())
    .filter(Boolean)
    .join(" ");
}

function partName(step: AnyStep, key: string): string {
  return `${step.id}_${key}`;
}
