import { describe, expect, it } from "vitest";
import { incidentDeskActions } from "../../../../src/handlers/incident/desk/incident-actions.ts";
import {
  deadlineCell,
  incidentTitle,
  receiptText,
} from "../../../../src/handlers/incident/desk/incident-row.ts";
import { nextDeadline } from "../../../../src/handlers/incident/desk/next-deadline.ts";
import { reportTitle } from "../../../../src/handlers/incident/desk/report-text.ts";
import { byUrgency } from "../../../../src/handlers/incident/desk/urgency.ts";

const TZ = "Asia/Shanghai";
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+08:00`);
const HOUR = 3_600_000;

describe("nextDeadline", () => {
  const open = { status: "open", completedAt: null, writtenDueAt: at("15:00"), lastReportAt: at("14:00") };

  it("picks the written report when it falls before the next 续报", () => {
    expect(nextDeadline(open, { follow_up_every: 2 * HOUR })).toEqual({ kind: "written", at: at("15:00") });
  });

  it("picks the 续报 once every element is in", () => {
    expect(nextDeadline({ ...open, completedAt: at("14:30") }, { follow_up_every: 2 * HOUR })).toEqual({
      kind: "follow_up",
      at: at("16:00"),
    });
  });

  it("keeps an overdue written report: it is still owed and comes first", () => {
    const late = { ...open, writtenDueAt: at("13:00") };
    expect(nextDeadline(late, { follow_up_every: 2 * HOUR })?.kind).toBe("written");
  });

  it("counts the 续报 from the latest deadline flagged as missed, as the timers do", () => {
    const done = { ...open, completedAt: at("14:10") };
    expect(nextDeadline(done, { follow_up_every: 2 * HOUR }, at("16:00").getTime())).toEqual({
      kind: "follow_up",
      at: at("18:00"),
    });
  });

  it("has none for a grade without 续报 once complete, nor for a closed incident", () => {
    expect(nextDeadline({ ...open, completedAt: at("14:10") }, {})).toBeNull();
    expect(nextDeadline({ ...open, status: "closed" }, { follow_up_every: HOUR })).toBeNull();
  });
});

describe("byUrgency", () => {
  const key = (gradeIndex: number, due: string | null, reported = "10:00") => ({
    gradeIndex,
    nextDeadlineAt: due ? at(due) : null,
    reportedAt: at(reported),
  });

  it("puts the severer grade first, then the nearer deadline (none last), then the earlier report", () => {
    const rows = [
      { name: "一般", key: key(3, "11:00") },
      { name: "较大-none", key: key(2, null) },
      { name: "较大-16", key: key(2, "16:00") },
      { name: "重大", key: key(1, "18:00") },
      { name: "较大-15-late", key: key(2, "15:00", "12:00") },
      { name: "较大-15-early", key: key(2, "15:00", "09:00") },
    ];
    rows.sort((a, b) => byUrgency(a.key, b.key));
    expect(rows.map((r) => r.name)).toEqual([
      "重大",
      "较大-15-early",
      "较大-15-late",
      "较大-16",
      "较大-none",
      "一般",
    ]);
  });
});

describe("labels", () => {
  it("labels the deadline 书面/续报 and counts down to it", () => {
    expect(deadlineCell({ kind: "written", at: at("15:00") }, at("14:00"), TZ)).toEqual({
      text: "书面 15:00",
      countdownTo: at("15:00").toISOString(),
    });
    expect(deadlineCell({ kind: "follow_up", at: at("16:00") }, at("14:00"), TZ).text).toBe("续报 16:00");
    expect(deadlineCell(null, at("14:00"), TZ)).toEqual({ text: "—" });
  });

  it("titles each report section as offices cite it", () => {
    expect(reportTitle({ kind: "first", sequence: 0 })).toBe("首报");
    expect(reportTitle({ kind: "follow_up", sequence: 2 })).toBe("续报二");
    expect(reportTitle({ kind: "final", sequence: 3 })).toBe("终报");
  });

  it("says the 批示 receipts", () => {
    expect(receiptText({ instructions: 0, confirmed: 0, total: 0 })).toBe("未批示");
    expect(receiptText({ instructions: 1, confirmed: 2, total: 3 })).toBe("批示 2/3 已收到");
    expect(receiptText({ instructions: 1, confirmed: 0, total: 0 })).toBe("已批示");
  });

  it("titles an incident by number and the start of what happened", () => {
    expect(incidentTitle({ number: "2026-0042", summary: "两车相撞，一车侧翻", type: "事故灾难" })).toBe(
      "2026-0042 两车相撞，一车侧翻",
    );
    expect(incidentTitle({ number: "2026-0001", summary: null, type: "自然灾害" })).toBe(
      "2026-0001 自然灾害",
    );
    expect(
      incidentTitle({ number: "2026-0002", summary: "一二三四五六七八九十一二三四五六七", type: "x" }),
    ).toBe("2026-0002 一二三四五六七八九十一二三四五六…");
  });
});

describe("incidentDeskActions", () => {
  const policy = {
    incident: { acknowledge_roles: ["leader", "director"], instruct_roles: ["leader"] },
    tasks: { assign_roles: ["leader", "duty"] },
  } as unknown as Parameters<typeof incidentDeskActions>[0]["policy"];
  const incident = { id: 7, number: "2026-0042", status: "open", unitId: "qingshan", acknowledgedAt: null };
  const ids = (viewer: { id: string; roles: string[]; unit: string }, more = {}) =>
    incidentDeskActions({
      incident,
      viewer: viewer as Parameters<typeof incidentDeskActions>[0]["viewer"],
      policy,
      chatId: "leaders",
      convertible: true,
      ...more,
    }).map((a) => a.id);
  const leader = { id: "li", roles: ["leader"], unit: "county-office" };

  it("offers a leader everything, with the card's value and the typed commands", () => {
    const actions = incidentDeskActions({
      incident,
      viewer: leader as never,
      policy,
      chatId: "leaders",
      convertible: true,
    });
    expect(actions.map((a) => [a.id, a.label, a.press ?? a.say])).toEqual([
      ["ack", "已阅", "inc:ack:7"],
      ["instruct", "批示", "批示 2026-0042 {text}"],
      ["request-follow-up", "要求续报", "要求续报 2026-0042"],
      ["convert", "转督办", "转督办 2026-0042"],
    ]);
    expect(actions[1]?.ask?.label).toBe("批示内容");
  });

  it("differs by role, by unit and by the incident's state", () => {
    expect(ids({ id: "sun", roles: ["duty"], unit: "duty-office" })).toEqual([
      "request-follow-up",
      "convert",
    ]);
    expect(ids({ id: "qian", roles: ["director"], unit: "qingshan" })).toEqual(["request-follow-up"]);
    expect(ids({ id: "zheng", roles: ["director"], unit: "emergency" })).toEqual([
      "ack",
      "request-follow-up",
    ]);
    expect(ids({ id: "zhangsan", roles: ["reporter"], unit: "qingshan" })).toEqual([]);
    expect(ids(leader, { convertible: false })).toEqual(["ack", "instruct", "request-follow-up"]);
    expect(ids(leader, { incident: { ...incident, acknowledgedAt: at("14:00") } })).not.toContain("ack");
    expect(ids(leader, { incident: { ...incident, status: "closed" } })).toEqual([]);
  });
});
