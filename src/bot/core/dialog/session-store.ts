/** Dialog state in the database, so a restart (even kill -9) continues at the same step. */
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { DialogData } from "./definition.ts";

export interface DialogSession {
  id: string;
  chatId: string;
  personId: string;
  dialogId: string;
  /** The dialog's version when the session was stored (0: stored before sessions had one). */
  version: number;
  /** A step id, or `@confirm` / `@edit`, or `edit:<step id>` while one answer is being changed. */
  stepId: string;
  data: DialogData;
  /** Ids of the steps answered, in order; 返回 pops from it. */
  history: string[];
  platform: string;
  startedAt: Date;
  lastActiveAt: Date;
  remindedAt: Date | null;
  /**
   * The inbound events (`<platform>-<event id>`) whose handling stored the latest steps, the latest
   * last (at most {@link MAX_REMEMBERED_EVENTS}). A redelivered event found here is not answered
   * again: the latest asks its question again, an earlier one (answered on since) does nothing.
   */
  eventIds: string[];
}

export const CONFIRM_STEP = "@confirm";
export const EDIT_PICK_STEP = "@edit";
export const EDIT_PREFIX = "edit:";

/** Where a session's version is kept in the stored data (one JSON column, no migration). */
export const VERSION_KEY = "@version";

/**
 * How many of a session's latest events are remembered: far more than a person answers while a
 * crashed handling waits to be redelivered (seconds).
 */
export const MAX_REMEMBERED_EVENTS = 20;

/** The session's events with `eventKey` added as the latest. */
export function withEvent(session: DialogSession, eventKey: string): string[] {
  return [...session.eventIds, eventKey].slice(-MAX_REMEMBERED_EVENTS);
}

/**
 * The id of the session an event starts: the same however often the event is handled, so a
 * redelivered start asks its first question with the same buttons (which name the session).
 */
export function sessionIdFor(eventKey: string, dialogId: string): string {
  return createHash("sha256")
    .update(`${eventKey}|${dialogId}`)
    .digest("base64url")
    .slice(0, 8)
    .replace(/[-_]/g, "x");
}

/** How many "no dialog here" answers are remembered before the memory is cleared. */
const MAX_REMEMBERED_ABSENT = 10_000;

/**
 * Sessions in the database, written through on every change. Every message asks for the person's
 * session; with `cache` on, the answer is remembered in memory, which is right only while this
 * store is the one changing the database's sessions: one process on its own database (PGlite), its
 * conversations handled one at a time and its idle job going through this same store. When other
 * processes share the database (PostgreSQL), any of them may have moved a session on, so every
 * question goes to the database.
 */
export class DialogSessionStore {
  private readonly byConversation = new Map<string, DialogSession | null>();
  private absent = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly cache: boolean,
  ) {}

  async find(chatId: string, personId: string): Promise<DialogSession | null> {
    const key = conversationKey(chatId, personId);
    const known = this.byConversation.get(key);
    // A copy: the engine changes the session it is given before saving, and a save that fails
    // must leave the remembered one as the database has it.
    if (known !== undefined) return known && { ...known };
    const row = await this.prisma.dialogSession.findUnique({
      where: { chatId_personId: { chatId, personId } },
    });
    const session = row ? toSession(row) : null;
    this.remember(key, session);
    return session;
  }

  async findById(id: string): Promise<DialogSession | null> {
    const row = await this.prisma.dialogSession.findUnique({ where: { id } });
    return row ? toSession(row) : null;
  }

  /** Starts a session, replacing whatever the person had open in that chat. */
  async start(session: DialogSession): Promise<void> {
    const fields = toRow(session);
    await this.prisma.dialogSession.upsert({
      where: { chatId_personId: { chatId: session.chatId, personId: session.personId } },
      create: fields,
      update: fields,
    });
    this.remember(conversationKey(session.chatId, session.personId), { ...session });
  }

  /**
   * Saves a step with the event that moved it there (one statement, so a redelivered event finds
   * its step stored or not at all); false when the session is gone (it expired meanwhile).
   */
  async save(session: DialogSession): Promise<boolean> {
    // Every message saves a step: one plain UPDATE of what a step changes (a Prisma update costs ~30% more here).
    const count = await this.prisma.$executeRaw`
      UPDATE dialog_session
      SET step_id = ${session.stepId}, data = ${JSON.stringify(storedData(session))}::jsonb,
          history = ${JSON.stringify(session.history)}::jsonb,
          last_active_at = ${session.lastActiveAt}, reminded_at = ${session.remindedAt},
          event_ids = ${JSON.stringify(session.eventIds)}::jsonb
      WHERE id = ${session.id}`;
    const key = conversationKey(session.chatId, session.personId);
    this.remember(key, count > 0 ? { ...session } : null);
    return count > 0;
  }

  /**
   * Marks the idle reminder sent, unless the person answered since `session` was read (the idle
   * job runs beside the conversation, in any process); false then.
   */
  async markReminded(session: DialogSession, at: Date): Promise<boolean> {
    const { count } = await this.prisma.dialogSession.updateMany({
      where: { id: session.id, lastActiveAt: session.lastActiveAt },
      data: { remindedAt: at },
    });
    const key = conversationKey(session.chatId, session.personId);
    const known = this.byConversation.get(key);
    if (count > 0 && known?.id === session.id) known.remindedAt = at;
    return count > 0;
  }

  /** Ends a session; false when it was already gone (a double confirm, say). */
  async end(session: Pick<DialogSession, "id" | "chatId" | "personId">): Promise<boolean> {
    const { count } = await this.prisma.dialogSession.deleteMany({ where: { id: session.id } });
    const key = conversationKey(session.chatId, session.personId);
    if (this.byConversation.get(key)?.id === session.id || count > 0) this.remember(key, null);
    return count > 0;
  }

  /**
   * Ends an idle session, unless the person answered since `session` was read; false then, or when
   * it was already gone.
   */
  async expire(session: DialogSession): Promise<boolean> {
    const { count } = await this.prisma.dialogSession.deleteMany({
      where: { id: session.id, lastActiveAt: session.lastActiveAt },
    });
    const key = conversationKey(session.chatId, session.personId);
    // Not "none" unless it surely is: a session answered meanwhile is read again next time.
    if (count > 0) this.remember(key, null);
    else if (this.byConversation.get(key)?.id === session.id) this.byConversation.delete(key);
    return count > 0;
  }

  private remember(key: string, session: DialogSession | null): void {
    if (!this.cache) return;
    if (session === null) {
      if (this.absent >= MAX_REMEMBERED_ABSENT) {
        for (const [k, v] of this.byConversation) if (v === null) this.byConversation.delete(k);
        this.absent = 0;
      }
      if (this.byConversation.get(key) !== null) this.absent += 1;
    }
    this.byConversation.set(key, session);
  }
}

function conversationKey(chatId: string, personId: string): string {
  return `${chatId}|${personId}`;
}

type Row = Awaited<ReturnType<PrismaClient["dialogSession"]["findUniqueOrThrow"]>>;

function toSession(row: Row): DialogSession {
  const { [VERSION_KEY]: version, ...data } = (row.data ?? {}) as DialogData;
  return {
    id: row.id,
    chatId: row.chatId,
    personId: row.personId,
    dialogId: row.dialogId,
    version: typeof version === "number" ? version : 0,
    stepId: row.stepId,
    data,
    history: (row.history ?? []) as string[],
    platform: row.platform,
    startedAt: row.startedAt,
    lastActiveAt: row.lastActiveAt,
    remindedAt: row.remindedAt,
    eventIds: (row.eventIds ?? []) as string[],
  };
}

function toRow(session: DialogSession) {
  return {
    id: session.id,
    chatId: session.chatId,
    personId: session.personId,
    dialogId: session.dialogId,
    stepId: session.stepId,
    data: storedData(session),
    history: session.history,
    platform: session.platform,
    startedAt: session.startedAt,
    lastActiveAt: session.lastActiveAt,
    remindedAt: session.remindedAt,
    eventIds: session.eventIds,
  };
}

/** The session's data with its version, as the `data` column holds it. */
function storedData(session: DialogSession): object {
  return { ...session.data, [VERSION_KEY]: session.version };
}
