/**
 * Finding the part an action is about: the one a button names, the person's own unit's part of a
 * typed number, or, for an answer, the part of the task waiting for it (the unit named after the
 * number when several wait). Each replies itself when there is none and returns null.
 */
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { supervisionMessages } from "../messages.ts";
import { parseTaskNumber } from "../rules/task-number.ts";
import { TaskStore } from "../task-store.ts";
import type { SupervisionPart, TaskWithParts } from "../task-types.ts";
import { actionMessages as M } from "./messages.ts";
import { answersFor } from "./part-people.ts";

/** A unit's part with its task. */
export interface FoundPart {
  part: SupervisionPart;
  task: TaskWithParts;
}

/** The part and what was typed after the number (and the unit, for an answer). */
export interface TypedPart {
  found: FoundPart;
  rest: string;
}

/** The part a button names; null (after saying the button is stale) when there is none. */
export async function buttonPart(ctx: ConversationContext, partId: number): Promise<FoundPart | null> {
  const found = await new TaskStore(ctx.services.database).part(partId);
  if (!found) await ctx.reply(supervisionMessages.staleButton);
  return found;
}

/** Splits `D2026-0001 rest…` into the number's stored form and the rest; null when it starts with none. */
export function splitNumber(args: string): { number: string; rest: string } | null {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  const number = m ? parseTaskNumber(m[1] ?? "") : null;
  return number ? { number, rest: (m?.[2] ?? "").trim() } : null;
}

async function taskOf(ctx: ConversationContext, args: string, usage: string) {
  const split = splitNumber(args);
  if (!split) {
    await ctx.reply(usage);
    return null;
  }
  const task = await new TaskStore(ctx.services.database).byNumber(split.number);
  if (!task) {
    await ctx.reply(supervisionMessages.unknownNumber(split.number));
    return null;
  }
  return { task, rest: split.rest };
}

/** `签收 D2026-0001`, `反馈 D2026-0001 …`: the person's unit's part of the task. */
export async function ownPart(
  ctx: ConversationContext,
  args: string,
  usage: string,
): Promise<TypedPart | null> {
  const typed = await taskOf(ctx, args, usage);
  if (!typed) return null;
  const part = typed.task.parts.find((p) => p.unitId === ctx.person.unit);
  if (!part) {
    await ctx.reply(M.notYourTask(typed.task.number));
    return null;
  }
  return { found: { part, task: typed.task }, rest: typed.rest };
}

/** What an answer waits for: which parts, what to say when none, the command word (to name a unit). */
export interface AnswerWait {
  waits: (part: SupervisionPart) => boolean;
  none: (number: string) => string;
  verb: string;
  usage: string;
}

/**
 * `同意延期 D2026-0001 [单位]`: the part waiting for this answer, for the assigner or `close_roles`
 * only (the others are refused before anything about the task is said).
 */
export async function waitingPart(
  ctx: ConversationContext,
  rules: Pick<TasksPolicy, "close_roles">,
  args: string,
  wait: AnswerWait,
): Promise<TypedPart | null> {
  const typed = await taskOf(ctx, args, wait.usage);
  if (!typed) return null;
  const { task } = typed;
  const { directory } = ctx.services;
  if (!answersFor(ctx.person, task, rules)) {
    await ctx.reply(M.notAnswerer(directory.personName(task.assignerId)));
    return null;
  }
  const waiting = task.parts.filter((p) => !p.closedAt && wait.waits(p));
  const named = task.parts.find((p) => typed.rest.startsWith(directory.unitName(p.unitId)));
  const rest = named ? typed.rest.slice(directory.unitName(named.unitId).length).trim() : typed.rest;
  const part = named ? waiting.find((p) => p.id === named.id) : waiting.length === 1 ? waiting[0] : undefined;
  if (part) return { found: { part, task }, rest };
  if (named || waiting.length === 0) await ctx.reply(wait.none(task.number));
  else
    await ctx.reply(
      M.chooseUnit(
        task.number,
        waiting.map((p) => directory.unitName(p.unitId)),
        wait.verb,
      ),
    );
  return null;
}
