/**
 * The idle timer of a dialog: `remind_after` after the person's last answer (then the reminder), or
 * `expire_after` after it once reminded (then the dialog ends), keyed by session and due time. The
 * engine schedules it after every answer; a timer rebuild schedules it again for every open session
 * from the database, under the same key, so nothing is added twice and an overdue one runs at once.
 */
import type { Policy } from "../../../config/policy.ts";
import type { BotServices } from "../services.ts";
import type { DialogSession } from "./session-store.ts";

/** Job name of the idle check (the engine registers its handler). */
export const DIALOG_IDLE_JOB = "dialog.idle";

/** How long an idle dialog waits before its reminder, and before it ends (the policy file's `dialog:`). */
export type DialogTimings = Policy["dialog"];

type IdleState = Pick<DialogSession, "id" | "lastActiveAt" | "remindedAt">;

export function scheduleIdleCheck(
  { scheduler }: Pick<BotServices, "scheduler">,
  { remind_after, expire_after }: DialogTimings,
  session: IdleState,
): Promise<void> {
  const due = session.lastActiveAt.getTime() + (session.remindedAt ? expire_after : remind_after);
  return scheduler.schedule(`dialog-${session.id}-idle-${due}`, new Date(due), {
    name: DIALOG_IDLE_JOB,
    data: { sessionId: session.id },
  });
}

/** Schedules the idle check of every open dialog session again. */
export async function rebuildDialogTimers(services: BotServices, timings: DialogTimings): Promise<void> {
  const sessions = await services.database.dialogSession.findMany({
    select: { id: true, lastActiveAt: true, remindedAt: true },
  });
  for (const session of sessions) await scheduleIdleCheck(services, timings, session);
}
