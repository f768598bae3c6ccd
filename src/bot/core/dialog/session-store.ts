/** Dialog state in the database, so a restart (even kill -9) continues at the same step. */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../../store/generated/client.ts";
import type { DialogData } from "./definition.ts";

export interface DialogSession {
  id: string;
  chatId: string;
  personId: string;
  dialogId: string;
  /** A step id, or `@confirm` / `@edit`, or `edit:<step id>` while one answer is being changed. */
  stepId: string;
  data: DialogData;
  /** Ids of the steps answered, in order; 返回 pops from it. */
  history: string[];
  platform: string;
  startedAt: Date;
  lastActiveAt: Date;
  remindedAt: Date | null;
}

export const CONFIRM_STEP = "@confirm";
export const EDIT_PICK_STEP = "@edit";
export const EDIT_PREFIX = "edit:";

export function newSessionId(): string {
  return randomBytes(6).toString("base64url").replace(/[-_]/g, "x");
}

export class DialogSessionStore {
  constructor(private readonly prisma: PrismaClient) {}

  async find(chatId: string, personId: string): Promise<DialogSession | null> {
    const row = await this.prisma.dialogSession.findUnique({
      where: { chatId_personId: { chatId, personId } },
    });
    return row ? toSession(row) : null;
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
  }

  async save(session: DialogSession): Promise<void> {
    const { id, ...fields } = toRow(session);
    await this.prisma.dialogSession.update({ where: { id }, data: fields });
  }

  async markReminded(id: string, at: Date): Promise<void> {
    await this.prisma.dialogSession.updateMany({ where: { id }, data: { remindedAt: at } });
  }

  /** Ends a session; false when it was already gone (a double confirm, say). */
  async end(id: string): Promise<boolean> {
    const { count } = await this.prisma.dialogSession.deleteMany({ where: { id } });
    return count > 0;
  }
}

type Row = Awaited<ReturnType<PrismaClient["dialogSession"]["findUniqueOrThrow"]>>;

function toSession(row: Row): DialogSession {
  return {
    id: row.id,
    chatId: row.chatId,
    personId: row.personId,
    dialogId: row.dialogId,
    stepId: row.stepId,
    data: (row.data ?? {}) as DialogData,
    history: (row.history ?? []) as string[],
    platform: row.platform,
    startedAt: row.startedAt,
    lastActiveAt: row.lastActiveAt,
    remindedAt: row.remindedAt,
  };
}

function toRow(session: DialogSession) {
  return {
    id: session.id,
    chatId: session.chatId,
    personId: session.personId,
    dialogId: session.dialogId,
    stepId: session.stepId,
    data: session.data as object,
    history: session.history,
    platform: session.platform,
    startedAt: session.startedAt,
    lastActiveAt: session.lastActiveAt,
    remindedAt: session.remindedAt,
  };
}
