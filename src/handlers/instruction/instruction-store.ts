/**
 * Instructions (批示) in the database: filing one with its receipts and its `instructed` timeline
 * entry in one transaction (once per source key), confirming receipts, and the look-ups the 收到
 * command, the jobs and the start-up reconcile need. Every change is conditional on the row's
 * current state, so a second worker or a re-run job changes nothing.
 */
import { z } from "zod";
import type {
  Incident,
  Instruction,
  InstructionReceipt,
  PrismaClient,
} from "../../store/generated/client.ts";
import type { TimelineKind } from "../incident/incident-store.ts";
import type { ReceiptView } from "./rules/receipt-decision.ts";

export type { Instruction, InstructionReceipt };

/** An instruction with whom it asks to confirm and the incident it is about. */
export type FullInstruction = Instruction & { receipts: InstructionReceipt[]; incident: Incident };

/** What a confirmed 批示 puts on file. */
export interface NewInstruction {
  incidentId: number;
  /** The dialog submission or the inbound event that gave it: a double submit files once. */
  sourceKey: string;
  leaderId: string;
  text: string;
  createdAt: Date;
  /** Person ids who must confirm (收到). */
  recipients: string[];
  /** The chat the leader gave it in: where they hear that everyone confirmed, or who has not. */
  chatId: string;
}

const INSTRUCTED: TimelineKind = "instructed";

/** What the `instructed` timeline entry holds; it is the only place the leader's chat is kept. */
const instructedDetail = z.object({
  instructionId: z.number(),
  chatId: z.string(),
  recipients: z.array(z.string()).default([]),
});

/** The instruction tables as this capability uses them; handlers and jobs build one per piece of work. */
export class InstructionStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Files the instruction; a second call with the same source key returns the first. */
  async create(input: NewInstruction): Promise<{ instruction: Instruction; created: boolean }> {
    const existing = await this.prisma.instruction.findUnique({ where: { sourceKey: input.sourceKey } });
    if (existing) return { instruction: existing, created: false };
    try {
      const instruction = await this.prisma.$transaction(async (tx) => {
        const row = await tx.instruction.create({
          data: {
            incidentId: input.incidentId,
            sourceKey: input.sourceKey,
            leaderId: input.leaderId,
            text: input.text,
            createdAt: input.createdAt,
            // Nobody to ask: nothing to wait for.
            completedAt: input.recipients.length === 0 ? input.createdAt : null,
          },
        });
        await tx.instructionReceipt.createMany({
          data: input.recipients.map((personId) => ({ instructionId: row.id, personId })),
        });
        await tx.timelineEntry.create({
          data: {
            incidentId: input.incidentId,
            at: input.createdAt,
            kind: INSTRUCTED,
            actorId: input.leaderId,
            detail: { instructionId: row.id, chatId: input.chatId, recipients: input.recipients },
          },
        });
        return row;
      });
      return { instruction, created: true };
    } catch (error) {
      // Two submissions racing: the unique source key let one through; return that one.
      const winner = await this.prisma.instruction.findUnique({ where: { sourceKey: input.sourceKey } });
      if (winner) return { instruction: winner, created: false };
      throw error;
    }
  }

  full(id: number): Promise<FullInstruction | null> {
    return this.prisma.instruction.findUnique({
      where: { id },
      include: { receipts: true, incident: true },
    });
  }

  /** Instructions on open incidents still waiting for someone's 收到. */
  awaiting(): Promise<FullInstruction[]> {
    return this.prisma.instruction.findMany({
      where: { completedAt: null, incident: { status: "open" } },
      include: { receipts: true, incident: true },
      orderBy: { id: "asc" },
    });
  }

  /** The person's receipts on open incidents, confirmed or not. */
  async receiptsOf(personId: string): Promise<ReceiptView[]> {
    const rows = await this.prisma.instructionReceipt.findMany({
      where: { personId, instruction: { incident: { status: "open" } } },
      include: { instruction: { include: { incident: { select: { number: true } } } } },
      orderBy: { instructionId: "asc" },
    });
    return rows.map((r) => ({
      instructionId: r.instructionId,
      number: r.instruction.incident.number,
      confirmedAt: r.confirmedAt,
    }));
  }

  /** Records the person's 收到; false when it was already recorded or they are not asked. */
  async confirm(instructionId: number, personId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.instructionReceipt.updateMany({
      where: { instructionId, personId, confirmedAt: null },
      data: { confirmedAt: at },
    });
    return count > 0;
  }

  /** Marks the instruction complete once every receipt is in; true only for the call that did it. */
  async completeIfAllConfirmed(instructionId: number, at: Date): Promise<boolean> {
    const open = await this.prisma.instructionReceipt.count({ where: { instructionId, confirmedAt: null } });
    if (open > 0) return false;
    const { count } = await this.prisma.instruction.updateMany({
      where: { id: instructionId, completedAt: null },
      data: { completedAt: at },
    });
    return count > 0;
  }

  /** Moves the chase count from `round - 1` to `round`; false when another run already did. */
  async markChased(instructionId: number, round: number): Promise<boolean> {
    const { count } = await this.prisma.instruction.updateMany({
      where: { id: instructionId, chaseCount: round - 1 },
      data: { chaseCount: round },
    });
    return count > 0;
  }

  /** The chat the leader gave the instruction in, from its `instructed` timeline entry. */
  async leaderChat(instruction: Pick<Instruction, "id" | "incidentId">): Promise<string | null> {
    const entries = await this.prisma.timelineEntry.findMany({
      where: { incidentId: instruction.incidentId, kind: INSTRUCTED },
      select: { detail: true },
    });
    for (const entry of entries) {
      const detail = instructedDetail.safeParse(entry.detail);
      if (detail.success && detail.data.instructionId === instruction.id) return detail.data.chatId;
    }
    return null;
  }
}
