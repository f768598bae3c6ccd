/** The new deadline of a 申请延期, read from the start of what the unit typed (Asia/Shanghai). */
import { describe, expect, it } from "vitest";
import { readNewDeadline } from "../../../../../src/handlers/supervision/actions/new-deadline.ts";

const TZ = "Asia/Shanghai";
const RULES = { default_deadline: { hour: 18, minute: 0 } };
// 2026-12-06 10:00 in Beijing.
const NOW = new Date("2026-12-06T02:00:00Z");
const read = (text: string) => {
  const got = readNewDeadline(text, NOW, RULES, TZ);
  return got && { at: got.dueAt.toISOString(), rest: got.rest };
};

describe("readNewDeadline", () => {
  it("reads a month and day at the default hour, or at the hour given, and keeps the rest", () => {
    expect(read("12月10日前 物资清点尚未完成")).toEqual({
      at: "2026-12-10T10:00:00.000Z",
      rest: "物资清点尚未完成",
    });
    expect(read("12月10日17时前，理由")).toEqual({ at: "2026-12-10T09:00:00.000Z", rest: "理由" });
    expect(read("12月10日17:30前 x")?.at).toBe("2026-12-10T09:30:00.000Z");
  });

  it("reads a full date, and a month already past as next year's", () => {
    expect(read("2026-12-10 理由")).toEqual({ at: "2026-12-10T10:00:00.000Z", rest: "理由" });
    expect(read("1月5日前")?.at).toBe("2027-01-05T10:00:00.000Z");
  });

  it("reads 明天 and 后天, with an hour or 下班", () => {
    expect(read("明天12时前 来不及")).toEqual({ at: "2026-12-07T04:00:00.000Z", rest: "来不及" });
    expect(read("明天下班前")?.at).toBe("2026-12-07T10:00:00.000Z");
    expect(read("后天")?.at).toBe("2026-12-08T10:00:00.000Z");
  });

  it("refuses what is no deadline or no real day", () => {
    expect(read("尽快")).toBeNull();
    expect(read("2月30日前")).toBeNull();
    expect(read("12月10日25时前")).toBeNull();
  });
});
