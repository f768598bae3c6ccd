/**
 * Five 舆情 items put on file as a confirmed 登记 does (OpinionStore.create with the level's dues,
 * the alert counted as sent), then moved through their steps with the timeline rows those steps
 * write, at chosen times (Shanghai). Their clocks are not armed: these tests read, the clocks are
 * tested with clocks/. As of NOW, 2026-12-09 10:00:
 * - Y2026-0001 一般 青山镇 (found 12-07 08:30; 核实 by 12:30, 回应 by 12-09 08:30): signed, verified
 *   11:00 (on time), 口径 sent back once then approved 15:00, answered 16:00 (on time); still open.
 * - Y2026-0002 较大 白水乡 (found 12-08 09:30, registered 10:30; 核实 by 11:30, 回应 by 12-09 09:30):
 *   verified 12:00 (late), no 口径 yet — its answer overdue since 09:30, one escalation round.
 * - Y2026-0003 重大 白水乡 (found 12-08 06:00; 核实 by 07:00, 回应 by 11:00): verified 06:40 (on
 *   time), answered 11:30 (late), closed 12:00 by 孙值班.
 * - Y2026-0004 一般 县应急管理局 (found 12-09 09:00, registered 09:05): not signed yet.
 * - Y2026-0005 一般 青山镇, November: verified and answered on time, closed.
 */
import type { OpinionPolicy } from "../../../../../src/config/opinion-policy.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import type { OpinionEventInput, OpinionItem } from "../../../../../src/handlers/opinion/opinion-types.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import type { PrismaClient } from "../../../../../src/store/generated/client.ts";

/** A local (Shanghai) time in 2026. */
export const local = (month: number, day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour - 8, minute));

/** 2026-12-09 10:00 in Shanghai. */
export const NOW = local(12, 9, 10);

export const TEXTS = {
  verified1: "经核实，李家村垃圾清运车故障停运三天，已调车清运",
  draft1: "青山镇已组织清运李家村积存垃圾",
  revision1: "请写明清运完成时间",
  approved1: "经核实，青山镇已于12月7日下午清运李家村积存垃圾，并落实每日清运。",
  responded1: "已在微博回复 https://weibo.com/1234567890/Reply1",
} as const;

interface Seed {
  key: string;
  levelId: string;
  source: string;
  link: string | null;
  content: string;
  unitId: string;
  foundAt: Date;
  registeredAt: Date;
  reach?: [number, number, number];
}

export async function seedOpinions(prisma: PrismaClient, rules: OpinionPolicy): Promise<void> {
  const store = new OpinionStore(prisma);
  const file = async (seed: Seed): Promise<OpinionItem> => {
    const { item } = await store.create({
      sourceKey: seed.key,
      source: seed.source,
      link: seed.link,
      content: seed.content,
      unitId: seed.unitId,
      foundAt: seed.foundAt,
      reads: seed.reach?.[0] ?? null,
      reposts: seed.reach?.[1] ?? null,
      comments: seed.reach?.[2] ?? null,
      levelId: seed.levelId,
      registeredBy: "sun-zhiban",
      chatId: "duty",
      registeredAt: seed.registeredAt,
      ...opinionDues(levelOf(rules, seed.levelId), seed.foundAt),
      year: 2026,
    });
    await store.setIf(item.id, { alertedAt: null }, { alertedAt: seed.registeredAt });
    await store.addEvent(item.id, { kind: "alerted", at: seed.registeredAt, actorId: null });
    return item;
  };
  /** A step: the item's fields and its timeline row, as the step's handler writes them. */
  const step = async (item: OpinionItem, data: object, event: OpinionEventInput) => {
    const changed = await store.updateIf(item.id, {}, data, event);
    if (!changed) throw new Error(`${item.number}: step ${event.kind} not written`);
  };
  const ev = (kind: OpinionEventInput["kind"], at: Date, actorId: string | null, detail?: object) => ({
    kind,
    at,
    actorId,
    ...(detail ? { detail } : {}),
  });

  const y1 = await file({
    key: "y1",
    levelId: "general",
    source: "微博",
    link: "https://weibo.com/1234567890/AbCdEf",
    content: "微博网友发帖称青山镇李家村垃圾长期无人清运",
    unitId: "qingshan",
    foundAt: local(12, 7, 8, 30),
    registeredAt: local(12, 7, 9),
    reach: [23000, 150, 320],
  });
  await store.addEvent(y1.id, ev("read", local(12, 7, 9, 5), "li-shuji"));
  await step(
    y1,
    { signedAt: local(12, 7, 9, 10), signedBy: "zhangsan" },
    ev("signed", local(12, 7, 9, 10), "zhangsan"),
  );
  await step(
    y1,
    { verifiedAt: local(12, 7, 11), verifiedBy: "zhangsan", verification: TEXTS.verified1 },
    ev("verified", local(12, 7, 11), "zhangsan", { text: TEXTS.verified1 }),
  );
  await step(
    y1,
    { draft: TEXTS.draft1, draftAt: local(12, 7, 14), draftBy: "qian-zhenzhang" },
    ev("drafted", local(12, 7, 14), "qian-zhenzhang", { text: TEXTS.draft1 }),
  );
  await step(
    y1,
    { draft: null, draftAt: null, revisionNote: TEXTS.revision1 },
    ev("revision_asked", local(12, 7, 14, 30), "li-shuji", { text: TEXTS.revision1 }),
  );
  await step(
    y1,
    { draft: TEXTS.approved1, draftAt: local(12, 7, 14, 50), draftBy: "qian-zhenzhang" },
    ev("drafted", local(12, 7, 14, 50), "qian-zhenzhang", { text: TEXTS.approved1 }),
  );
  await step(
    y1,
    { approvedText: TEXTS.approved1, approvedAt: local(12, 7, 15), approvedBy: "li-shuji" },
    ev("approved", local(12, 7, 15), "li-shuji", { text: TEXTS.approved1 }),
  );
  await step(
    y1,
    { respondedAt: local(12, 7, 16), respondedBy: "zhangsan", responseNote: TEXTS.responded1 },
    ev("responded", local(12, 7, 16), "zhangsan", { text: TEXTS.responded1 }),
  );

  const y2 = await file({
    key: "y2",
    levelId: "large",
    source: "抖音",
    link: "https://www.douyin.com/video/7300000000000000000",
    content: "抖音视频称白水乡卫生院夜间无人值班",
    unitId: "baishui",
    foundAt: local(12, 8, 9, 30),
    registeredAt: local(12, 8, 10, 30),
  });
  await step(
    y2,
    { signedAt: local(12, 8, 10, 40), signedBy: "lisi" },
    ev("signed", local(12, 8, 10, 40), "lisi"),
  );
  await step(
    y2,
    { verifiedAt: local(12, 8, 12), verifiedBy: "he-xiangzhang", verification: "夜间值班医生临时外出" },
    ev("verified", local(12, 8, 12), "he-xiangzhang", { text: "夜间值班医生临时外出" }),
  );
  await step(
    y2,
    { respondNotices: 1 },
    ev("escalated", local(12, 9, 9, 30), null, { stage: "respond", round: 1, people: ["sun-zhiban"] }),
  );

  const y3 = await file({
    key: "y3",
    levelId: "major",
    source: "本地论坛",
    link: null,
    content: "本地论坛帖子称白水乡集市占道经营堵塞交通",
    unitId: "baishui",
    foundAt: local(12, 8, 6),
    registeredAt: local(12, 8, 6, 10),
  });
  await step(
    y3,
    { signedAt: local(12, 8, 6, 20), signedBy: "lisi" },
    ev("signed", local(12, 8, 6, 20), "lisi"),
  );
  await step(
    y3,
    { verifiedAt: local(12, 8, 6, 40), verifiedBy: "lisi", verification: "集市占道属实，已劝离" },
    ev("verified", local(12, 8, 6, 40), "lisi", { text: "集市占道属实，已劝离" }),
  );
  await step(
    y3,
    { approvedText: "白水乡已清理集市占道。", approvedAt: local(12, 8, 9), approvedBy: "wang-xianzhang" },
    ev("approved", local(12, 8, 9), "wang-xianzhang", { text: "白水乡已清理集市占道。" }),
  );
  await step(
    y3,
    { respondedAt: local(12, 8, 11, 30), respondedBy: "lisi", responseNote: "已在论坛回帖" },
    ev("responded", local(12, 8, 11, 30), "lisi", { text: "已在论坛回帖" }),
  );
  await step(
    y3,
    { status: "closed", closedAt: local(12, 8, 12), closedBy: "sun-zhiban" },
    ev("closed", local(12, 8, 12), "sun-zhiban"),
  );

  await file({
    key: "y4",
    levelId: "general",
    source: "领导留言板",
    link: null,
    content: "网民留言称城东应急避难场所大门长期上锁",
    unitId: "emergency",
    foundAt: local(12, 9, 9),
    registeredAt: local(12, 9, 9, 5),
  });

  const y5 = await file({
    key: "y5",
    levelId: "general",
    source: "微信公众号/视频号",
    link: null,
    content: "公众号文章称青山镇中学食堂价格偏高",
    unitId: "qingshan",
    foundAt: local(11, 20, 8),
    registeredAt: local(11, 20, 9),
  });
  await step(
    y5,
    { signedAt: local(11, 20, 9, 30), verifiedAt: local(11, 20, 10), verification: "价格经物价部门核定" },
    ev("verified", local(11, 20, 10), "zhangsan", { text: "价格经物价部门核定" }),
  );
  await step(
    y5,
    { respondedAt: local(11, 21, 9), responseNote: "已在公众号留言回复" },
    ev("responded", local(11, 21, 9), "zhangsan"),
  );
  await step(
    y5,
    { status: "closed", closedAt: local(11, 21, 10), closedBy: "sun-zhiban" },
    ev("closed", local(11, 21, 10), "sun-zhiban"),
  );
}
