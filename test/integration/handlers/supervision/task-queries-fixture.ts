/**
 * Seven 督办 tasks put on file through the TaskStore (then moved to their states directly), as of
 * 2026-12-07 09:00 in Shanghai, for the ledger, 查询, 日报, 统计 and 通报 tests:
 * - D2026-0001 (12-04 09:00, due 12-05 18:00): 青山镇 牵头 signed and closed 12-05 10:00 (on time);
 *   白水乡 配合 never signed, marked overdue 12-05 18:00 (round 1).
 * - D2026-0002 (12-06 10:00, due 12-07 18:00): 青山镇, signed — due today, 绿.
 * - D2026-0003 (12-06 11:00, due 12-07 10:00): 柳林镇, signed, 申请办结 12-07 08:30 — due today, 黄.
 * - D2026-0004 (12-01 09:00, due 12-03 18:00): 白水乡, signed, extended once to 12-10 18:00.
 * - D2026-0005 (12-02 09:00, due 12-04 18:00): 柳林镇, closed late 12-05 09:00 (never marked overdue).
 * - D2026-0006 (11-20 09:00, due 11-25 18:00): 青山镇, closed 11-24 (November).
 * - D2026-0007 (12-06 09:00, due 12-06 18:00): 县应急管理局, open past due, not yet marked overdue.
 */

import { TaskStore } from "../../../../src/handlers/supervision/task-store.ts";
import type { PartRole } from "../../../../src/handlers/supervision/task-types.ts";
import type { PrismaClient } from "../../../../src/store/generated/client.ts";

/** 2026-12-07 09:00 in Shanghai. */
export const NOW = new Date("2026-12-07T01:00:00Z");

/** A local (Shanghai) time in 2026. */
export const local = (month: number, day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour - 8, minute));

export const CONTENT = {
  flood: "报送防汛物资储备情况",
  roads: "排查辖区道路积水隐患并报送整改清单",
  school: "核实学校周边交通安全设施情况",
  market: "整治农贸市场周边占道经营",
  water: "报送饮用水源地巡查记录",
  forest: "落实森林防火值守安排",
  chemicals: "核查危化品企业安全隐患",
} as const;

export async function seedTasks(prisma: PrismaClient): Promise<void> {
  const store = new TaskStore(prisma);
  const file = async (
    key: string,
    content: string,
    createdAt: Date,
    dueAt: Date,
    units: [string, PartRole][],
    assignerId = "li-shuji",
  ) => {
    const { task } = await store.create({
      sourceKey: key,
      content,
      assignerId,
      chatId: "leaders",
      createdAt,
      dueAt,
      year: 2026,
      units: units.map(([unitId, role]) => ({ unitId, role })),
    });
    return task;
  };
  const part = (task: { parts: { id: number; unitId: string }[] }, unitId: string) => {
    const found = task.parts.find((p) => p.unitId === unitId);
    if (!found) throw new Error(`no part of ${unitId}`);
    return found.id;
  };
  const update = (id: number, data: object) => prisma.supervisionPart.update({ where: { id }, data });
  const closeTask = (id: number, at: Date) =>
    prisma.supervisionTask.update({ where: { id }, data: { status: "closed", closedAt: at } });

  const t1 = await file("t1", CONTENT.flood, local(12, 4, 9), local(12, 5, 18), [
    ["qingshan", "lead"],
    ["baishui", "assist"],
  ]);
  await update(part(t1, "qingshan"), {
    signedAt: local(12, 4, 10),
    signedBy: "zhangsan",
    closeResult: "已报送",
    closeBy: "zhangsan",
    closeRequestedAt: local(12, 5, 9),
    closedAt: local(12, 5, 10),
    closedBy: "li-shuji",
  });
  await store.addEvent(t1.id, {
    kind: "signed",
    at: local(12, 4, 10),
    actorId: "zhangsan",
    unitId: "qingshan",
  });
  await store.addEvent(t1.id, {
    kind: "close_requested",
    at: local(12, 5, 9),
    actorId: "zhangsan",
    unitId: "qingshan",
    detail: { result: "已报送物资清单" },
  });
  await store.addEvent(t1.id, {
    kind: "part_closed",
    at: local(12, 5, 10),
    actorId: "li-shuji",
    unitId: "qingshan",
  });
  await update(part(t1, "baishui"), { overdueAt: local(12, 5, 18), overdueNotices: 1 });
  await store.addEvent(t1.id, {
    kind: "overdue",
    at: local(12, 5, 18),
    actorId: null,
    unitId: "baishui",
    detail: { round: 1 },
  });

  const t2 = await file("t2", CONTENT.roads, local(12, 6, 10), local(12, 7, 18), [["qingshan", "lead"]]);
  await update(part(t2, "qingshan"), { signedAt: local(12, 6, 11), signedBy: "qian-zhenzhang" });

  const t3 = await file(
    "t3",
    CONTENT.school,
    local(12, 6, 11),
    local(12, 7, 10),
    [["liulin", "lead"]],
    "wang-xianzhang",
  );
  await update(part(t3, "liulin"), {
    signedAt: local(12, 6, 12),
    signedBy: "wangwu",
    closeResult: "已核实",
    closeBy: "wangwu",
    closeRequestedAt: local(12, 7, 8, 30),
  });

  const t4 = await file("t4", CONTENT.market, local(12, 1, 9), local(12, 3, 18), [["baishui", "lead"]]);
  await update(part(t4, "baishui"), {
    signedAt: local(12, 1, 10),
    signedBy: "lisi",
    dueAt: local(12, 10, 18),
    extensions: 1,
  });

  const t5 = await file("t5", CONTENT.water, local(12, 2, 9), local(12, 4, 18), [["liulin", "lead"]]);
  await update(part(t5, "liulin"), {
    signedAt: local(12, 2, 10),
    closedAt: local(12, 5, 9),
    closedBy: "li-shuji",
  });
  await closeTask(t5.id, local(12, 5, 9));

  const t6 = await file("t6", CONTENT.forest, local(11, 20, 9), local(11, 25, 18), [["qingshan", "lead"]]);
  await update(part(t6, "qingshan"), { signedAt: local(11, 20, 10), closedAt: local(11, 24, 9) });
  await closeTask(t6.id, local(11, 24, 9));

  await file("t7", CONTENT.chemicals, local(12, 6, 9), local(12, 6, 18), [["emergency", "lead"]]);
}
