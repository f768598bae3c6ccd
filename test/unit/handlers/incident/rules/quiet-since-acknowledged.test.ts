import { describe, expect, it } from "vitest";
import { quietSinceAcknowledged } from "../../../../../src/handlers/incident/rules/quiet-since-acknowledged.ts";

const ack = new Date("2026-03-02T06:30:00Z");
const before = new Date(ack.getTime() - 60_000);
const after = new Date(ack.getTime() + 60_000);
const firstReportOnly = { followUpCount: 0, lastReportAt: before };

describe("quiet since acknowledged", () => {
  it("is quiet with nothing after the 已阅", () => {
    expect(quietSinceAcknowledged(firstReportOnly, ack, [])).toBe(true);
    expect(quietSinceAcknowledged({ followUpCount: 1, lastReportAt: before }, ack, [before])).toBe(true);
  });

  it("counts a 批示 given at the same instant as the 已阅, or later", () => {
    expect(quietSinceAcknowledged(firstReportOnly, ack, [new Date(ack)])).toBe(false);
    expect(quietSinceAcknowledged(firstReportOnly, ack, [before, after])).toBe(false);
  });

  it("counts a 续报 filed at the same instant as the 已阅, or later", () => {
    expect(quietSinceAcknowledged({ followUpCount: 1, lastReportAt: new Date(ack) }, ack, [])).toBe(false);
    expect(quietSinceAcknowledged({ followUpCount: 2, lastReportAt: after }, ack, [])).toBe(false);
  });

  it("does not take the first report, filed at the 已阅's instant, for a 续报", () => {
    expect(quietSinceAcknowledged({ followUpCount: 0, lastReportAt: new Date(ack) }, ack, [])).toBe(true);
  });
});
