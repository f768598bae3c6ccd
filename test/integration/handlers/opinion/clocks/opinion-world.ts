/**
 * What the 舆情 clock tests share: the real app on virtual time (see VirtualTimeWorld), items put
 * on file as a confirmed 登记 files them (OpinionStore, dues from the level, clocks armed, the alert
 * counted as sent), and the steps the other parts record (核实, 已回应, 办结) done through the store.
 */
import { join } from "node:path";
import type { OfficeConfig } from "../../../../../src/config/load.ts";
import type { OpinionPolicy } from "../../../../../src/config/opinion-policy.ts";
import { armItemTimers, cancelStageTimers } from "../../../../../src/handlers/opinion/item-timers.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import type { OpinionItem } from "../../../../../src/handlers/opinion/opinion-types.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import { ROOT } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";
import { local, sampleConfigWith, VirtualTimeWorld } from "../../../../support/virtual-time-world.ts";

export { local };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * The sample org, roster (周值班 on duty 12-07..12-13) and policy with `opinion:` keys set (e.g.
 * `{ escalate_every: "2h" }`).
 */
export function opinionConfig(opinion: Record<string, unknown> = {}): Promise<OfficeConfig> {
  return sampleConfigWith("opinion", opinion, { rosterFile: join(ROOT, "config/roster.yaml") });
}

export class OpinionWorld extends VirtualTimeWorld {
  private filed = 0;

  static async open(config: OfficeConfig, start: Date): Promise<OpinionWorld> {
    const world = new OpinionWorld(config, await openTestDatabase(), start, "opinion-clocks");
    await world.start();
    return world;
  }

  get store(): OpinionStore {
    return new OpinionStore(this.database.prisma);
  }

  get rules(): OpinionPolicy {
    return this.config.policy.opinion;
  }

  /**
   * Files an item now as a confirmed 登记 does (found at `foundAt`, level `levelId`, for `unitId`),
   * counts its alert as sent and arms its clocks.
   */
  async register(foundAt: Date, levelId = "general", unitId = "qingshan"): Promise<OpinionItem> {
    const now = this.clock.now();
    this.filed += 1;
    const { item } = await this.store.create({
      sourceKey: `test-${this.filed}`,
      source: "微博",
      link: "https://weibo.com/1234567890/AbCdEf",
      content: "网友发帖称青山镇李家村垃圾长期无人清运",
      unitId,
      foundAt,
      reads: 23_000,
      reposts: 150,
      comments: 320,
      levelId,
      registeredBy: "sun-zhiban",
      chatId: "duty",
      registeredAt: now,
      ...opinionDues(levelOf(this.rules, levelId), foundAt),
      year: 2026,
    });
    await this.store.setIf(item.id, { alertedAt: null }, { alertedAt: now });
    await armItemTimers(this.scheduler, this.rules, item, now);
    return (await this.store.byId(item.id)) as OpinionItem;
  }

  /** 核实 as the answer helper records it (the stage's clocks cancelled). */
  async verify(item: OpinionItem, by = "zhangsan"): Promise<void> {
    const at = this.clock.now();
    await this.store.updateIf(
      item.id,
      { verifiedAt: null, status: "open" },
      { verifiedAt: at, verifiedBy: by, verification: "情况属实，已安排清运" },
      { kind: "verified", at, actorId: by, detail: { text: "情况属实，已安排清运" } },
    );
    await cancelStageTimers(this.scheduler, (await this.store.byId(item.id)) as OpinionItem, "verify");
  }

  /** 已回应 as the answer helper records it (the stage's clocks cancelled). */
  async respond(item: OpinionItem, by = "zhangsan"): Promise<void> {
    const at = this.clock.now();
    await this.store.updateIf(
      item.id,
      { respondedAt: null, status: "open" },
      { respondedAt: at, respondedBy: by, responseNote: "https://weibo.com/reply/1" },
      { kind: "responded", at, actorId: by, detail: { text: "https://weibo.com/reply/1" } },
    );
    await cancelStageTimers(this.scheduler, (await this.store.byId(item.id)) as OpinionItem, "respond");
  }

  /** 办结, its clocks left in place on purpose (they must find nothing to do). */
  async closeItem(item: OpinionItem, by = "sun-zhiban"): Promise<void> {
    const at = this.clock.now();
    await this.store.updateIf(
      item.id,
      { status: "open" },
      { status: "closed", closedAt: at, closedBy: by },
      { kind: "closed", at, actorId: by },
    );
  }

  /** Keys still waiting on the scheduler for an item. */
  waitingFor(itemId: number): string[] {
    return this.waitingWith(`opinion-${itemId}-`);
  }
}
