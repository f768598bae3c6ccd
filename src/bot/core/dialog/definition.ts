/**
 * Dialogs are declared as data: a list of steps, each with a prompt and either choices or a parser
 * with a zod validator whose message is the Chinese error shown to the person. The engine does the
 * rest (取消, 返回, 帮助, numbered choices, buttons, summary and confirm, persistence, expiry).
 */
import type { z } from "zod";
import type { ConversationContext } from "../context.ts";
import type { CardField } from "../message.ts";
import type { Say } from "../outbox.ts";

export type DialogData = Record<string, unknown>;

/**
 * The item of another capability a dialog was started from (a 舆情 item turned into a 首报), kept
 * in the dialog's data as `origin` and handed on when the dialog files what it collected.
 */
export interface DialogOrigin {
  kind: string;
  id: number;
}

export interface Choice {
  /** What is stored when chosen. */
  value: string;
  label: string;
  /** The bot's suggestion (较大（建议）): its button is the only one drawn as primary. */
  suggested?: boolean;
}

export interface DialogStep<D extends DialogData> {
  id: string;
  /** The data field the answer is stored in. */
  field: keyof D & string;
  /** Short name used in the summary and the 修改 list. */
  label: string;
  prompt: string | ((data: Partial<D>, ctx: ConversationContext) => string);
  /** Extra help shown on 帮助. */
  help?: string;
  /** Numbered choices: answered by number, by label or by button. */
  choices?: Choice[] | ((data: Partial<D>, ctx: ConversationContext) => Choice[]);
  /**
   * Turns the text into a value; the schema validates it, and its message is what the person reads
   * when the answer is not acceptable.
   */
  parse?: (text: string, ctx: ConversationContext) => unknown;
  schema?: z.ZodType;
  /** Accepts 跳过 / 不清楚, storing null (report first, complete later). */
  optional?: boolean;
  /** What 跳过 stores instead of null, e.g. the value already on file. */
  onSkip?: (ctx: ConversationContext) => unknown;
  /** Asked only when this holds. */
  when?: (data: Partial<D>) => boolean;
  /** Shows the stored value in the summary. */
  format?: (value: unknown, data: Partial<D>, ctx: ConversationContext) => string;
  /** How the step looks on the dialog's one-page form (see {@link DialogForm}). */
  formInput?: StepFormInput;
}

/**
 * A step's box on the one-page form. Its typed text goes through the same parser and validator as a
 * reply; `parts` splits one answer into several boxes (name, phone) joined by a space before parsing.
 */
export interface StepFormInput {
  placeholder?: string;
  multiline?: boolean;
  parts?: { key: string; label: string; placeholder?: string }[];
}

/** The dialog offered besides as one form card, where the platform can show forms. */
export interface DialogForm {
  /** Title of the form card, e.g. 快速上报（一页填完）. */
  title: string;
  /** Small print under the title. */
  note?: string;
  /** Label of the submit button. */
  submitLabel: string;
  /** Step ids in the order the form shows them; by default the steps' order. */
  order?: string[];
}

/**
 * What a stored session holds, at the version of the dialog that stored it. Sessions stored before
 * dialogs carried a version are version 0.
 */
export interface StoredDialog {
  version: number;
  stepId: string;
  data: DialogData;
  history: string[];
}

export interface DialogDefinition<D extends DialogData> {
  id: string;
  /**
   * The shape of the stored session: raise it with any change that would misread a session stored
   * before the deploy (a field renamed or retyped, a step split or removed), and say in `upgrade`
   * how such a session reads now, so that a 首报 in progress across a deploy goes on. Version 1 is
   * the shape sessions had before they carried a version (read as 0): nothing to upgrade.
   */
  version: number;
  /**
   * A session stored by an older version, in today's shape (`version` is its old one). Absent: older
   * sessions read as they are (the versions differ in nothing stored).
   */
  upgrade?: (stored: StoredDialog) => Omit<StoredDialog, "version">;
  /** Name shown to people, e.g. 登记信息. */
  title: string;
  steps: DialogStep<D>[];
  /** Data before the first step (defaults, or what a command already knew). */
  initial?: (ctx: ConversationContext, args: string) => Partial<D> | Promise<Partial<D>>;
  /** Said once after start, before the first question (e.g. what was understood from a paragraph). */
  intro?: (data: Partial<D>, ctx: ConversationContext) => Say | undefined;
  /**
   * Offers all steps at once as a form card when the dialog starts; a submitted form is checked by
   * the steps' own parsers and leads to the same summary and confirm.
   */
  form?: DialogForm;
  /** Label of the confirm button, e.g. 确认上报. */
  confirmLabel?: string;
  /** Extra lines in the summary card besides the steps' fields. */
  summaryFields?: (data: Partial<D>, ctx: ConversationContext) => CardField[];
  /**
   * Runs on confirm; the dialog is over once it returns. `submission.id` is the same however often
   * the person confirms, so what it files can be filed once.
   */
  complete(ctx: ConversationContext, data: D, submission: { id: string }): Promise<void>;
}

/** Builds a definition with its data type inferred. */
export function defineDialog<D extends DialogData>(definition: DialogDefinition<D>): DialogDefinition<D> {
  return definition;
}
