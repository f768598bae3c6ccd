/**
 * The chats a scheduled digest or notice goes to, as a schedule names them: a group id
 * (`leaders`), a group name (`县领导群`), or a purpose (`leaders`, `duty`, `unit`: every group with
 * it). Without names: the duty and leaders' groups.
 */
import { z } from "zod";
import type { JobContext } from "../../bot/core/context.ts";
import type { Directory } from "../../bot/core/directory.ts";
import { alertChats } from "./audience.ts";

const PURPOSES = ["unit", "leaders", "duty"] as const;

export interface TargetChats {
  chatIds: string[];
  /** Names that matched nothing (a typo in the schedules file), for the log. */
  unknown: string[];
}

export function targetChats(directory: Directory, names: readonly string[] | undefined): TargetChats {
  if (!names || names.length === 0) return { chatIds: alertChats(directory), unknown: [] };
  const chatIds: string[] = [];
  const unknown: string[] = [];
  const add = (id: string) => {
    if (!chatIds.includes(id)) chatIds.push(id);
  };
  for (const name of names) {
    const chat = directory.chat(name);
    if (chat) {
      add(chat.id);
      continue;
    }
    const purpose = PURPOSES.find((p) => p === name);
    const groups = purpose ? directory.groupsWithPurpose(purpose) : [];
    if (groups.length === 0) unknown.push(name);
    for (const group of groups) add(group.id);
  }
  return { chatIds, unknown };
}

/** The data a schedule passes to a digest or notice job: the entry's own data plus its id and due time. */
export const scheduledSendSchema = z.object({
  /** Group ids, names or purposes (`leaders`, `duty`); default: the duty and leaders' groups. */
  chats: z.array(z.string()).optional(),
  scheduleId: z.string().optional(),
  dueAt: z.string().optional(),
});

export interface JobTargetOptions {
  /** Leave units' work groups out (logged when named): a digest covers every unit's incidents, not for their clerks. */
  withoutUnitGroups?: boolean;
}

/** The chats a fired job sends to; names that match nothing are logged, not fatal. */
export function jobTargetChats(
  ctx: JobContext,
  names: readonly string[] | undefined,
  options: JobTargetOptions = {},
): string[] {
  const { directory, log } = ctx.services;
  const { chatIds, unknown } = targetChats(directory, names);
  if (unknown.length > 0) log.warn({ key: ctx.key, unknown }, "scheduled send: unknown chats");
  if (!options.withoutUnitGroups) return chatIds;
  const isUnitGroup = (id: string) => directory.chat(id)?.group?.purpose === "unit";
  const skipped = chatIds.filter(isUnitGroup);
  if (skipped.length > 0) log.warn({ key: ctx.key, skipped }, "scheduled send: not sent to unit groups");
  return chatIds.filter((id) => !isUnitGroup(id));
}
