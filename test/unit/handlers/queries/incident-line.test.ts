import { describe, expect, it } from "vitest";
import { Directory } from "../../../../src/bot/core/directory.ts";
import { canViewIncident, overseesAll } from "../../../../src/handlers/queries/incident-access.ts";
import { openIncidentLine, ownIncidentLine } from "../../../../src/handlers/queries/incident-line.ts";
import { incident, REPORTED_AT, samplePolicy } from "../incident/support/incident-fixtures.ts";

const policy = samplePolicy();
const directory = new Directory({
  bot: { name: "快报助手" },
  units: [
    { id: "qingshan", name: "青山镇" },
    { id: "baishui", name: "白水乡" },
  ],
  people: [],
  groups: [],
});
const later = (minutes: number) => new Date(REPORTED_AT.getTime() + minutes * 60_000);

describe("one line per incident", () => {
  it("lists an open incident with its grade, unit, short flags and age", () => {
    const line = openIncidentLine(
      incident({ lateByMs: 600_000, contactPhone: null, missedFollowUps: 1 }),
      policy,
      directory,
      later(125),
    );
    expect(line).toBe("2026-0007 较大 青山镇 事故灾难 · 迟报 · 待补 · 漏报 · 未阅 · 已 2 小时 5 分钟");
  });

  it("drops 未阅 once acknowledged", () => {
    const line = openIncidentLine(incident({ acknowledgedAt: later(3) }), policy, directory, later(30));
    expect(line).toBe("2026-0007 较大 青山镇 事故灾难 · 已 30 分钟");
  });

  it("shows one's own report with its status and follow-ups", () => {
    expect(ownIncidentLine(incident({ followUpCount: 2 }), policy, later(60))).toBe(
      "2026-0007 14:25 较大 事故灾难 · 处置中 · 续报 2 次",
    );
    expect(ownIncidentLine(incident({ status: "closed" }), policy, later(60 * 24))).toBe(
      "2026-0007 03-02 14:25 较大 事故灾难 · 已终报",
    );
  });
});

describe("who may look", () => {
  const reporter = { unit: "baishui", roles: ["reporter" as const] };
  it("lets a unit's own people and the overseers see an incident, and no one else", () => {
    expect(canViewIncident({ unit: "qingshan", roles: ["reporter"] }, incident())).toBe(true);
    expect(canViewIncident(reporter, incident())).toBe(false);
    expect(canViewIncident({ unit: "duty-office", roles: ["duty"] }, incident())).toBe(true);
    expect(canViewIncident({ unit: "baishui", roles: ["director"] }, incident())).toBe(true);
    expect(canViewIncident({ unit: "county-office", roles: ["leader"] }, incident())).toBe(true);
    expect(overseesAll(reporter)).toBe(false);
  });
});
