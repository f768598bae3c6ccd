/**
 * 督办 tasks in the database: numbering (D2026-0001 per year), creation once per submission, a
 * unit's part changed only when it is still in the state the change expects (so a double press or
 * a job racing a person changes it once), and the append-only timeline written with each change.
 */
import type { Prisma, PrismaClient } from "../../store/generated/client.ts";
import { nextItemSequence } from "../office/item-number.ts";
import { formatTaskNumber, TASK_LETTER } from "./rules/task-number.ts";
import type {
  PartRole,
  SupervisionEvent,
  SupervisionEventInput,
  SupervisionEventKind,
  SupervisionPart,
  TaskWithParts,
} from "./task-types.ts";

/** What a confirmed 交办 puts on file. */
export interface NewTask {
  sourceKey: string;
  content: string;
  assignerId: string;
  chatId: string;
  createdAt: Date;
  dueAt: Date;
  /** The year the number counts in (the office's local year of `createdAt`). */
  year: number;
  units: { unitId: string; role: PartRole }[];
  incidentId?: number | null;
  instructionId?: number | null;
}

export class TaskStore {
  constructor(private readonly db: PrismaClient) {}

  /**
   * Files a task with one part per unit, or returns the one already filed under `sourceKey`
   * (`created` false then): confirming twice files once.
   */
  async create(input: NewTask): Promise<{ task: TaskWithParts; created: boolean }> {
    const existing = await this.bySourceKey(input.sourceKey);
    if (existing) return { task: existing, created: false };
    try {
      const task = await this.db.$transaction(async (tx) => {
        const sequence = await nextItemSequence(tx, TASK_LETTER, input.year);
        const created = await tx.supervisionTask.create({
          data: {
            number: formatTaskNumber(input.year, sequence),
            sourceKey: input.sourceKey,
            content: input.content,
            assignerId: input.assignerId,
            chatId: input.chatId,
            createdAt: input.createdAt,
            dueAt: input.dueAt,
            incidentId: input.incidentId ?? null,
            instructionId: input.instructionId ?? null,
            parts: {
              create: input.units.map((u) => ({ unitId: u.unitId, role: u.role, dueAt: input.dueAt })),
            },
          },
          include: { parts: { orderBy: { id: "asc" } } },
        });
        await tx.supervisionEvent.create({
          data: {
            taskId: created.id,
            at: input.createdAt,
            kind: "assigned",
            actorId: input.assignerId,
            detail: { dueAt: input.dueAt.toISOString(), units: input.units },
          },
        });
        return created;
      });
      return { task, created: true };
    } catch (error) {
      // Two confirms at once: the other one filed it.
      const raced = await this.bySourceKey(input.sourceKey);
      if (raced) return { task: raced, created: false };
      throw error;
    }
  }

  bySourceKey(sourceKey: string): Promise<TaskWithParts | null> {
    return this.db.supervisionTask.findUnique({ where: { sourceKey }, include: PARTS });
  }

  byId(id: number): Promise<TaskWithParts | null> {
    return this.db.supervisionTask.findUnique({ where: { id }, include: PARTS });
  }

  /** By its stored number (`D2026-0001`; parse typed text with parseTaskNumber first). */
  byNumber(number: string): Promise<TaskWithParts | null> {
    return this.db.supervisionTask.findUnique({ where: { number }, include: PARTS });
  }

  /** A part with its task (and the task's other parts). */
  async part(partId: number): Promise<{ part: SupervisionPart; task: TaskWithParts } | null> {
    const part = await this.db.supervisionPart.findUnique({
      where: { id: partId },
      include: { task: { include: PARTS } },
    });
    if (!part) return null;
    const { task, ...rest } = part;
    return { part: rest, task };
  }

  /** Open tasks with their parts, oldest deadline first. */
  open(): Promise<TaskWithParts[]> {
    return this.db.supervisionTask.findMany({
      where: { status: "open" },
      include: PARTS,
      orderBy: { dueAt: "asc" },
    });
  }

  /**
   * Changes a part only while it still matches `expect` (e.g. `{ signedAt: null }`), writing the
   * timeline step in the same transaction; false when the part had moved on (nothing written).
   */
  async updatePartIf(
    partId: number,
    expect: Prisma.SupervisionPartWhereInput,
    data: Prisma.SupervisionPartUpdateManyMutationInput,
    event: SupervisionEventInput,
  ): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.supervisionPart.updateMany({ where: { ...expect, id: partId }, data });
      if (count === 0) return false;
      const part = await tx.supervisionPart.findUniqueOrThrow({ where: { id: partId } });
      await tx.supervisionEvent.create({ data: eventRow(part.taskId, { unitId: part.unitId, ...event }) });
      return true;
    });
  }

  /** Closes the task once every part is closed; true when this call closed it. */
  async closeTaskIfDone(taskId: number, at: Date, actorId: string | null): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const open = await tx.supervisionPart.count({ where: { taskId, closedAt: null } });
      if (open > 0) return false;
      const { count } = await tx.supervisionTask.updateMany({
        where: { id: taskId, status: "open" },
        data: { status: "closed", closedAt: at },
      });
      if (count === 0) return false;
      await tx.supervisionEvent.create({ data: eventRow(taskId, { kind: "closed", at, actorId }) });
      return true;
    });
  }

  /** Appends a step that changes nothing else (a reminder sent, a notice given). */
  async addEvent(taskId: number, event: SupervisionEventInput): Promise<void> {
    await this.db.supervisionEvent.create({ data: eventRow(taskId, event) });
  }

  /** The task's timeline, oldest first. */
  timeline(taskId: number): Promise<SupervisionEvent[]> {
    return this.db.supervisionEvent.findMany({ where: { taskId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  }

  /** Steps of these kinds on these tasks, oldest first (what the clocks already did, for a rebuild). */
  eventsOf(taskIds: readonly number[], kinds: readonly SupervisionEventKind[]): Promise<SupervisionEvent[]> {
    if (taskIds.length === 0) return Promise.resolve([]);
    return this.db.supervisionEvent.findMany({
      where: { taskId: { in: [...taskIds] }, kind: { in: [...kinds] } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
  }

  /**
   * Changes a part only while it still matches `expect`, writing no timeline step (a 督办 round
   * passed over while 办结 waits for confirmation); false when the part had moved on.
   */
  async setPartIf(
    partId: number,
    expect: Prisma.SupervisionPartWhereInput,
    data: Prisma.SupervisionPartUpdateManyMutationInput,
  ): Promise<boolean> {
    const { count } = await this.db.supervisionPart.updateMany({ where: { ...expect, id: partId }, data });
    return count > 0;
  }
}

const PARTS = { parts: { orderBy: { id: "asc" } } } as const;

function eventRow(taskId: number, event: SupervisionEventInput): Prisma.SupervisionEventUncheckedCreateInput {
  return {
    taskId,
    unitId: event.unitId ?? null,
    at: event.at,
    kind: event.kind,
    actorId: event.actorId,
    detail: (event.detail ?? {}) as Prisma.InputJsonValue,
  };
}
