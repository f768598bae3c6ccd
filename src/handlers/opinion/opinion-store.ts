/**
 * 舆情 items in the database: numbering (Y2026-0001 per year), registration once per submission,
 * an item changed only while it is still in the state the change expects (so a double press or a
 * job racing a person changes it once), and the append-only timeline written with each change.
 */
import type { Prisma, PrismaClient } from "../../store/generated/client.ts";
import { nextItemSequence } from "../office/item-number.ts";
import type { OpinionEvent, OpinionEventInput, OpinionEventKind, OpinionItem } from "./opinion-types.ts";
import { formatOpinionNumber, OPINION_LETTER } from "./rules/opinion-number.ts";

/** What a confirmed 登记 puts on file. */
export interface NewOpinion {
  sourceKey: string;
  source: string;
  link: string | null;
  content: string;
  unitId: string;
  foundAt: Date;
  reads: number | null;
  reposts: number | null;
  comments: number | null;
  levelId: string;
  registeredBy: string;
  chatId: string;
  registeredAt: Date;
  verifyDueAt: Date;
  respondDueAt: Date;
  /** The year the number counts in (the office's local year of `registeredAt`). */
  year: number;
}

export class OpinionStore {
  constructor(private readonly db: PrismaClient) {}

  /**
   * Registers an item, or returns the one already registered under `sourceKey` (`created` false
   * then): confirming twice registers once.
   */
  async create(input: NewOpinion): Promise<{ item: OpinionItem; created: boolean }> {
    const existing = await this.bySourceKey(input.sourceKey);
    if (existing) return { item: existing, created: false };
    const { year, ...fields } = input;
    try {
      const item = await this.db.$transaction(async (tx) => {
        const sequence = await nextItemSequence(tx, OPINION_LETTER, year);
        const created = await tx.opinionItem.create({
          data: { ...fields, number: formatOpinionNumber(year, sequence) },
        });
        await tx.opinionEvent.create({
          data: eventRow(created.id, {
            kind: "registered",
            at: input.registeredAt,
            actorId: input.registeredBy,
            detail: {
              levelId: input.levelId,
              unitId: input.unitId,
              verifyDueAt: input.verifyDueAt.toISOString(),
              respondDueAt: input.respondDueAt.toISOString(),
            },
          }),
        });
        return created;
      });
      return { item, created: true };
    } catch (error) {
      // Two confirms at once: the other one registered it.
      const raced = await this.bySourceKey(input.sourceKey);
      if (raced) return { item: raced, created: false };
      throw error;
    }
  }

  bySourceKey(sourceKey: string): Promise<OpinionItem | null> {
    return this.db.opinionItem.findUnique({ where: { sourceKey } });
  }

  byId(id: number): Promise<OpinionItem | null> {
    return this.db.opinionItem.findUnique({ where: { id } });
  }

  /** By its stored number (`Y2026-0001`; parse typed text with parseOpinionNumber first). */
  byNumber(number: string): Promise<OpinionItem | null> {
    return this.db.opinionItem.findUnique({ where: { number } });
  }

  /** Open items (of one unit when `unitId` is given), the nearest 回应 deadline first. */
  open(unitId?: string): Promise<OpinionItem[]> {
    return this.db.opinionItem.findMany({
      where: { status: "open", ...(unitId ? { unitId } : {}) },
      orderBy: [{ respondDueAt: "asc" }, { id: "asc" }],
    });
  }

  /**
   * Changes an item only while it still matches `expect` (e.g. `{ signedAt: null }`), writing the
   * timeline step in the same transaction; false when it had moved on (nothing written).
   */
  async updateIf(
    itemId: number,
    expect: Prisma.OpinionItemWhereInput,
    data: Prisma.OpinionItemUpdateManyMutationInput,
    event: OpinionEventInput,
  ): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.opinionItem.updateMany({ where: { ...expect, id: itemId }, data });
      if (count === 0) return false;
      await tx.opinionEvent.create({ data: eventRow(itemId, event) });
      return true;
    });
  }

  /** Changes an item only while it still matches `expect`, writing no timeline step; false when it had moved on. */
  async setIf(
    itemId: number,
    expect: Prisma.OpinionItemWhereInput,
    data: Prisma.OpinionItemUpdateManyMutationInput,
  ): Promise<boolean> {
    const { count } = await this.db.opinionItem.updateMany({ where: { ...expect, id: itemId }, data });
    return count > 0;
  }

  /** Appends a step that changes nothing else (a reminder sent, a 批示 relayed, an 已阅). */
  async addEvent(itemId: number, event: OpinionEventInput): Promise<void> {
    await this.db.opinionEvent.create({ data: eventRow(itemId, event) });
  }

  /** The item's timeline, oldest first. */
  timeline(itemId: number): Promise<OpinionEvent[]> {
    return this.db.opinionEvent.findMany({ where: { itemId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  }

  /** Steps of these kinds on these items, oldest first (what the clocks already did, for a rebuild). */
  eventsOf(itemIds: readonly number[], kinds: readonly OpinionEventKind[]): Promise<OpinionEvent[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.db.opinionEvent.findMany({
      where: { itemId: { in: [...itemIds] }, kind: { in: [...kinds] } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
  }
}

function eventRow(itemId: number, event: OpinionEventInput): Prisma.OpinionEventUncheckedCreateInput {
  return {
    itemId,
    at: event.at,
    kind: event.kind,
    actorId: event.actorId,
    detail: (event.detail ?? {}) as Prisma.InputJsonValue,
  };
}
