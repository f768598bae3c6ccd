/**
 * Runs declared dialogs: stores each answer, moves to the next step, understands 取消/返回/帮助 in
 * every step, shows a summary to confirm, and lets an idle dialog remind and then expire through the
 * Scheduler. One engine serves every capability's dialogs.
 *
 * A step and its question are one unit of work: the question is queued first, under a key derived
 * from the event, and the step is stored after it together with the event's id. Whenever the
 * handling dies, the event handled again (a redelivery) either finds its step not stored and does
 * the same again (the same key: the question is posted once), or finds its id on the session and
 * answers nothing again (see `repeated`): the next answer lands where the person saw it asked.
 */
import { z } from "zod";
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { JobHandler } from "../capability.ts";
import type { ConversationContext, JobContext } from "../context.ts";
import type { Card, CardButton } from "../message.ts";
import type { BotServices } from "../services.ts";
import { type AnyStep, choicesOf, interpret, matches, pickIndex } from "./answer.ts";
import type { DialogData, DialogDefinition, DialogOrigin } from "./definition.ts";
import { dialogFormCard, FORM_STEP, readDialogForm } from "./form.ts";
import {
  DIALOG_IDLE_JOB,
  type DialogTimings,
  rebuildDialogTimers,
  scheduleIdleCheck,
} from "./idle-timers.ts";
import { KEYWORDS, dialogMessages as M } from "./messages.ts";
import {
  CONFIRM_STEP,
  type DialogSession,
  DialogSessionStore,
  EDIT_PICK_STEP,
  EDIT_PREFIX,
  sessionIdFor,
  withEvent,
} from "./session-store.ts";
import { toPerson } from "./to-person.ts";

/** Button actions of dialogs start with this prefix: `dlg:<session>:<step>:<answer>`. */
export const DIALOG_ACTION_PREFIX = "dlg";
export { DIALOG_IDLE_JOB };

const MAX_IDLE_CHECK_CONFLICTS = 5;
/**
 * Send keys (see SendOptions) of what the dialog says at most once per event or job: the question
 * (or summary, or list to change) asked by one event, the idle reminder and the expiry notice.
 */
const PROMPT_KEY = "dialog-prompt";
const REMINDER_KEY = "dialog-reminder";
const EXPIRED_KEY = "dialog-expired";

// biome-ignore lint/suspicious/noExplicitAny: the engine holds dialogs of every data shape
type AnyDialog = DialogDefinition<any>;

/**
 * A session stored by an older version of its dialog, in the dialog's current shape (its
 * `upgrade`, or as it is when there is none); stored so with the next step. A session stored by a
 * newer version (a deploy rolled back) is read as it is: there is no way down.
 */
export function upgradeSession(dialog: AnyDialog, session: DialogSession): DialogSession {
  if (session.version >= dialog.version) return session;
  const { stepId, data, history } = session;
  const upgraded = dialog.upgrade?.({ version: session.version, stepId, data, history });
  return { ...session, ...upgraded, version: dialog.version };
}

export class DialogEngine {
  private readonly dialogs = new Map<string, AnyDialog>();
  private readonly sessions: DialogSessionStore;
  private readonly timings: DialogTimings;

  /**
   * `cacheSessions`: remember sessions in memory, for a process that is alone on its database
   * (see {@link DialogSessionStore}); off when other processes share it. `timings`: when an idle
   * dialog is reminded and when it ends.
   */
  constructor(
    dialogs: AnyDialog[],
    prisma: PrismaClient,
    options: { cacheSessions: boolean; timings: DialogTimings },
  ) {
    for (const dialog of dialogs) this.dialogs.set(dialog.id, dialog);
    this.sessions = new DialogSessionStore(prisma, options.cacheSessions);
    this.timings = options.timings;
  }

  /** Schedules the idle check of every open dialog session again (a timer rebuild). */
  rebuildTimers(services: BotServices): Promise<void> {
    return rebuildDialogTimers(services, this.timings);
  }

  /** The person's open dialog in this chat, if any. */
  async active(ctx: ConversationContext): Promise<DialogSession | null> {
    return this.current(await this.sessions.find(ctx.chat.id, ctx.person.id));
  }

  /** The session in its dialog's current shape (see {@link upgradeSession}). */
  private current(session: DialogSession | null): DialogSession | null {
    const dialog = session && this.dialogs.get(session.dialogId);
    return session && dialog ? upgradeSession(dialog, session) : session;
  }

  /** Starts `dialogId` from `args` (a paragraph, or nothing), with `origin` kept in its data when given. */
  async start(ctx: ConversationContext, dialogId: string, args = "", origin?: DialogOrigin): Promise<void> {
    const dialog = this.definition(dialogId);
    const store = this.sessions;
    const previous = await store.find(ctx.chat.id, ctx.person.id);
    if (previous && (await this.repeated(ctx, previous))) return;
    if (previous) await ctx.reply(M.replaced(this.definition(previous.dialogId).title));
    const now = ctx.services.clock.now();
    const data = ((await dialog.initial?.(ctx, args)) ?? {}) as DialogData;
    if (origin) data.origin = origin;
    const session: DialogSession = {
      id: sessionIdFor(ctx.eventKey, dialogId),
      chatId: ctx.chat.id,
      personId: ctx.person.id,
      dialogId,
      version: dialog.version,
      stepId: CONFIRM_STEP,
      data,
      history: [],
      platform: ctx.event.platform,
      startedAt: now,
      lastActiveAt: now,
      remindedAt: null,
      eventIds: [ctx.eventKey],
    };
    session.stepId = nextStepId(dialog, data, -1);
    const intro = dialog.intro?.(data, ctx);
    if (intro) await ctx.reply(intro);
    if (dialog.form)
      await ctx.reply({
        card: dialogFormCard(dialog, dialog.form, data, ctx, formAction(session)),
        formOnly: true,
      });
    await this.prompt(ctx, dialog, session);
    await store.start(session);
    await this.scheduleIdleCheck(ctx, session);
  }

  /** Handles a text reply to an open dialog. */
  async handleText(ctx: ConversationContext, session: DialogSession): Promise<void> {
    const dialog = this.definition(session.dialogId);
    if (await this.repeated(ctx, session)) return;
    const text = ctx.text;
    if (matches(KEYWORDS.cancel, text)) return this.cancel(ctx, dialog, session);
    if (matches(KEYWORDS.help, text)) {
      const step = stepOf(dialog, session.stepId);
      return ctx.reply(M.help(dialog.title, step?.help));
    }
    if (matches(KEYWORDS.back, text)) return this.back(ctx, dialog, session);
    await this.answer(ctx, dialog, session, text);
  }

  /**
   * Answers the current step with `text` as if typed (a shared location answering 地点); false
   * (nothing done) when the dialog waits at another step or the event was handled already.
   */
  async answerStep(ctx: ConversationContext, session: DialogSession, stepId: string, text: string) {
    if (session.stepId !== stepId || (await this.repeated(ctx, session))) return false;
    await this.answer(ctx, this.definition(session.dialogId), session, text);
    return true;
  }

  /**
   * Fills fields of an open dialog's data without answering its current step (a shared location
   * fills 地点 while another question is open): a step whose field is filled is not asked later;
   * the current question is asked again.
   */
  async fill(ctx: ConversationContext, session: DialogSession, fields: DialogData): Promise<void> {
    if (await this.repeated(ctx, session)) return;
    session.data = { ...session.data, ...fields };
    await this.advance(ctx, this.definition(session.dialogId), session);
  }

  /** Handles a pressed dialog button: `<session>:<step>:<answer>`. */
  async handleAction(ctx: ConversationContext, value: string): Promise<void> {
    const [sessionId, stepId, answer] = splitAction(value);
    if (stepId === FORM_STEP) return this.handleForm(ctx, sessionId);
    const session = this.current(await this.sessions.findById(sessionId));
    if (session && (await this.repeated(ctx, session))) return;
    if (!session || session.stepId !== stepId) return ctx.reply(M.staleButton);
    if (session.personId !== ctx.person.id || session.chatId !== ctx.chat.id)
      return ctx.reply(M.notYourDialog);
    const dialog = this.definition(session.dialogId);
    if (answer === "cancel") return this.cancel(ctx, dialog, session);
    await this.answer(ctx, dialog, session, answer);
  }

  /**
   * A submitted form card: every box read by its step's own rules; all good leads to the summary
   * (确认 / 修改) as if answered step by step, else the problems by field and the form again as typed.
   */
  private async handleForm(ctx: ConversationContext, sessionId: string): Promise<void> {
    const session = this.current(await this.sessions.findById(sessionId));
    const values = ctx.event.action?.form;
    const dialog = session ? this.dialogs.get(session.dialogId) : undefined;
    if (!session || !values || !dialog?.form) return ctx.reply(M.formStale);
    if (session.personId !== ctx.person.id || session.chatId !== ctx.chat.id) return ctx.reply(M.notYourForm);
    if (await this.repeated(ctx, session)) return;
    const reading = readDialogForm(dialog, session.data, values, ctx);
    if (!reading.ok) {
      await ctx.reply(M.formRejected(reading.problems));
      await ctx.reply({
        card: dialogFormCard(dialog, dialog.form, session.data, ctx, formAction(session), values),
        formOnly: true,
      });
      return;
    }
    session.data = reading.data;
    session.history = reading.answered;
    session.stepId = CONFIRM_STEP;
    await this.advance(ctx, dialog, session);
  }

  private async answer(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession, text: string) {
    if (session.stepId === CONFIRM_STEP) return this.answerConfirm(ctx, dialog, session, text);
    if (session.stepId === EDIT_PICK_STEP) return this.answerEditPick(ctx, dialog, session, text);
    const editing = session.stepId.startsWith(EDIT_PREFIX);
    const step = stepOf(dialog, session.stepId);
    if (!step) return this.showSummary(ctx, dialog, { ...session, stepId: CONFIRM_STEP });
    const outcome = interpret(step, text, session.data, ctx);
    if (!outcome.ok) return ctx.reply(toPerson(ctx, outcome.message));
    session.data = { ...session.data, [step.field]: outcome.value };
    if (editing) {
      session.stepId = CONFIRM_STEP;
    } else {
      session.history = [...session.history, step.id];
      session.stepId = nextStepId(dialog, session.data, dialog.steps.indexOf(step));
    }
    await this.advance(ctx, dialog, session);
  }

  private async answerConfirm(
    ctx: ConversationContext,
    dialog: AnyDialog,
    session: DialogSession,
    text: string,
  ) {
    const confirmWords = [...KEYWORDS.confirm, dialog.confirmLabel ?? "", "1"].filter(Boolean);
    if (matches(confirmWords, text)) return this.complete(ctx, dialog, session);
    if (text === "3") return this.cancel(ctx, dialog, session);
    if (matches([...KEYWORDS.edit, "2"], text)) {
      session.stepId = EDIT_PICK_STEP;
      return this.advance(ctx, dialog, session);
    }
    await ctx.reply(M.confirmOrEdit);
  }

  private async answerEditPick(
    ctx: ConversationContext,
    dialog: AnyDialog,
    session: DialogSession,
    text: string,
  ) {
    const editable = askedSteps(dialog, session.data);
    const index = pickIndex(
      text,
      editable.map((s) => s.label),
    );
    if (index === null) return ctx.reply(M.invalidChoice(editable.length));
    session.stepId = `${EDIT_PREFIX}${(editable[index] as AnyStep).id}`;
    await this.advance(ctx, dialog, session);
  }

  private async back(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession) {
    if (session.stepId === EDIT_PICK_STEP || session.stepId.startsWith(EDIT_PREFIX)) {
      session.stepId = CONFIRM_STEP;
    } else {
      const previousId = session.history.at(-1);
      if (!previousId) return ctx.reply(M.alreadyFirst);
      const previous = stepOf(dialog, previousId) as AnyStep;
      const { [previous.field]: _dropped, ...rest } = session.data;
      session.data = rest;
      session.history = session.history.slice(0, -1);
      session.stepId = previous.id;
    }
    await this.advance(ctx, dialog, session);
  }

  /** Says so first: a redelivery of the 取消 finds the session still there when the end was not stored. */
  private async cancel(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession) {
    await ctx.reply(M.cancelled(dialog.title));
    await this.sessions.end(session);
  }

  private async complete(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession) {
    try {
      await dialog.complete(ctx, session.data, { id: session.id });
    } catch (error) {
      ctx.services.log.error(
        { err: error, dialog: dialog.id, session: session.id },
        "dialog completion failed",
      );
      return ctx.reply(M.submitFailed);
    }
    await this.sessions.end(session);
  }

  /**
   * Moves the dialog to `session`'s step, one unit of work: its question is queued first (keyed by
   * the event), then the step is stored with the event's id. When the dialog expired meanwhile,
   * says so.
   */
  private async advance(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession): Promise<void> {
    session.lastActiveAt = ctx.services.clock.now();
    session.remindedAt = null;
    session.eventIds = withEvent(session, ctx.eventKey);
    await this.prompt(ctx, dialog, session);
    if (!(await this.sessions.save(session))) await ctx.reply(M.expired(dialog.title));
  }

  /**
   * True for an event handled again after it stored its step (a redelivery), found by its id on the
   * session: nothing is answered again. When it stored the latest step, its question is queued
   * again under the same key (posted once) and so is the idle check (keyed by the stored time), in
   * case the first handling died before them; an earlier one (the person has answered on since,
   * the redelivery came late) does nothing, the question asked last being the one that stands.
   */
  private async repeated(ctx: ConversationContext, session: DialogSession): Promise<boolean> {
    const index = session.eventIds.lastIndexOf(ctx.eventKey);
    if (index < 0) return false;
    const latest = index === session.eventIds.length - 1;
    const dialog = this.definition(session.dialogId);
    ctx.services.log.info({ dialog: dialog.id, session: session.id, latest }, "dialog event handled again");
    if (!latest) return true;
    await this.prompt(ctx, dialog, session);
    await this.scheduleIdleCheck(ctx, session);
    return true;
  }

  /** Says what the dialog waits for now: a step's question, the summary, or the list of items to change. */
  private async prompt(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession): Promise<void> {
    if (session.stepId === CONFIRM_STEP) return this.showSummary(ctx, dialog, session);
    if (session.stepId === EDIT_PICK_STEP) {
      const editable = askedSteps(dialog, session.data);
      return ctx.reply(
        toPerson(ctx, {
          card: {
            title: M.editPickTitle,
            fields: editable.map((s, i) => ({
              label: `${i + 1}. ${s.label}`,
              value: display(s, session.data, ctx),
            })),
            buttons: editable.map((s, i) => button(session, String(i + 1), s.label)),
            note: M.editPickNote,
          },
        }),
        { key: PROMPT_KEY },
      );
    }
    const step = stepOf(dialog, session.stepId) as AnyStep;
    const question = typeof step.prompt === "function" ? step.prompt(session.data, ctx) : step.prompt;
    const asked = askedSteps(dialog, session.data);
    const position = asked.indexOf(step) + 1;
    const progress = session.stepId.startsWith(EDIT_PREFIX) ? "" : M.progress(position, asked.length);
    const hints = [step.optional ? M.skipHint : "", M.navigationHint].filter(Boolean).join("");
    const choices = choicesOf(step, session.data, ctx);
    if (choices) {
      return ctx.reply(
        toPerson(ctx, {
          card: {
            title: `${question}${progress}`,
            fields: [],
            buttons: choices.map((c, i) => ({
              ...button(session, String(i + 1), `${i + 1}. ${c.label}`),
              ...(c.suggested ? { primary: true } : {}),
            })),
            note: `${M.choiceHint}${hints}`,
          },
        }),
        { key: PROMPT_KEY },
      );
    }
    await ctx.reply(toPerson(ctx, `${question}${progress}\n${hints}`), { key: PROMPT_KEY });
  }

  private async showSummary(ctx: ConversationContext, dialog: AnyDialog, session: DialogSession) {
    const fields = askedSteps(dialog, session.data).map((s) => ({
      label: s.label,
      value: display(s, session.data, ctx),
    }));
    const card: Card = {
      title: M.summaryTitle(dialog.title),
      fields: [...fields, ...(dialog.summaryFields?.(session.data, ctx) ?? [])],
      buttons: [
        button(session, "1", dialog.confirmLabel ?? M.confirmButton),
        button(session, "2", M.editButton),
        button(session, "3", M.cancelButton),
      ],
      note: M.summaryNote,
    };
    await ctx.reply(toPerson(ctx, { card }), { key: PROMPT_KEY });
  }

  private scheduleIdleCheck(ctx: ConversationContext | JobContext, session: DialogSession) {
    return scheduleIdleCheck(ctx.services, this.timings, session);
  }

  /**
   * The job that reminds an idle person once and then ends the dialog. It runs beside the
   * conversation (in any process), so it changes the session only if nobody answered since it read
   * it, and otherwise looks again.
   */
  idleJob(): JobHandler<z.ZodObject<{ sessionId: z.ZodString }>> {
    return {
      name: DIALOG_IDLE_JOB,
      label: M.idleJobLabel,
      schema: z.object({ sessionId: z.string() }),
      run: (ctx, { sessionId }) => this.checkIdle(ctx, sessionId),
    };
  }

  /** `conflicts`: how often the person answered while this check ran (it looks again each time). */
  private async checkIdle(ctx: JobContext, sessionId: string, conflicts = 0): Promise<void> {
    // A person answers a few times a minute at most: this many conflicts mean something else is wrong.
    if (conflicts > MAX_IDLE_CHECK_CONFLICTS) throw new Error(`session ${sessionId} keeps changing`);
    const store = this.sessions;
    const session = await store.findById(sessionId);
    if (!session) return;
    const dialog = this.dialogs.get(session.dialogId);
    const { remind_after, expire_after } = this.timings;
    const idle = ctx.services.clock.now().getTime() - session.lastActiveAt.getTime();
    if (!dialog || idle >= expire_after) {
      if (await store.expire(session))
        return ctx.send(
          session.chatId,
          { text: M.expired(dialog?.title ?? M.unknownDialog), mentions: [session.personId] },
          { key: EXPIRED_KEY },
        );
      return this.checkIdle(ctx, sessionId, conflicts + 1);
    }
    if (idle >= remind_after && !session.remindedAt) {
      // The reminder first, keyed by the job, then the mark: a job that dies between the two and
      // fires again queues the same reminder (posted once) instead of finding it marked but unsent.
      const minutesLeft = Math.ceil((expire_after - idle) / 60_000);
      await ctx.send(
        session.chatId,
        { text: M.idleReminder(dialog.title, minutesLeft), mentions: [session.personId] },
        { key: REMINDER_KEY },
      );
      const now = ctx.services.clock.now();
      if (!(await store.markReminded(session, now))) return this.checkIdle(ctx, sessionId, conflicts + 1);
      session.remindedAt = now;
    }
    await this.scheduleIdleCheck(ctx, session);
  }

  private definition(id: string): AnyDialog {
    const dialog = this.dialogs.get(id);
    if (!dialog) throw new Error(`unknown dialog ${id}`);
    return dialog;
  }
}

function stepOf(dialog: AnyDialog, stepId: string): AnyStep | undefined {
  const id = stepId.startsWith(EDIT_PREFIX) ? stepId.slice(EDIT_PREFIX.length) : stepId;
  return (dialog.steps as AnyStep[]).find((s) => s.id === id);
}

/** Steps that apply to this data (their `when` holds). */
function askedSteps(dialog: AnyDialog, data: DialogData): AnyStep[] {
  return (dialog.steps as AnyStep[]).filter((s) => s.when?.(data) ?? true);
}

/** The first step after `afterIndex` that applies and has no answer yet, or the summary. */
function nextStepId(dialog: AnyDialog, data: DialogData, afterIndex: number): string {
  const steps = dialog.steps as AnyStep[];
  for (let i = afterIndex + 1; i < steps.length; i++) {
    const step = steps[i] as AnyStep;
    if ((step.when?.(data) ?? true) && !(step.field in data)) return step.id;
  }
  return CONFIRM_STEP;
}

function display(step: AnyStep, data: DialogData, ctx: ConversationContext): string {
  const value = data[step.field];
  if (value === undefined || value === null || value === "") return M.notFilled;
  if (step.format) return step.format(value, data, ctx);
  const choice = choicesOf(step, data, ctx)?.find((c) => c.value === value);
  return choice?.label ?? String(value);
}

function button(session: DialogSession, answer: string, label: string): CardButton {
  return { label, action: `${DIALOG_ACTION_PREFIX}:${session.id}:${session.stepId}:${answer}` };
}

function formAction(session: DialogSession): string {
  return `${DIALOG_ACTION_PREFIX}:${session.id}:${FORM_STEP}:submit`;
}

function splitAction(value: string): [string, string, string] {
  const [sessionId = "", ...rest] = value.split(":");
  const answer = rest.pop() ?? "";
  return [sessionId, rest.join(":"), answer];
}
