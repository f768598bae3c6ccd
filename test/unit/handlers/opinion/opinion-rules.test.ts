/**
 * The 舆情 foundation's pure rules: numbers (Y2026-0001, any case), a level's deadlines counted from
 * the found time, an item's step and its overdue stages, and whether a stage was done on time.
 */
import { describe, expect, it } from "vitest";
import { opinionPolicySchema } from "../../../../src/config/opinion-policy.ts";
import {
  type ItemFacts,
  itemStep,
  overdueStages,
  stageDone,
  stageOnTime,
} from "../../../../src/handlers/opinion/rules/item-state.ts";
import { levelOf, opinionDues } from "../../../../src/handlers/opinion/rules/opinion-level.ts";
import {
  formatOpinionNumber,
  looksLikeOpinionNumber,
  parseOpinionNumber,
} from "../../../../src/handlers/opinion/rules/opinion-number.ts";

const HOUR = 3_600_000;
const at = (h: number) => new Date(Date.UTC(2026, 11, 7, 0) + h * HOUR);
const rules = opinionPolicySchema.parse({});

function item(facts: Partial<ItemFacts> = {}): ItemFacts {
  return {
    status: "open",
    signedAt: null,
    verifiedAt: null,
    draft: null,
    draftAt: null,
    approvedAt: null,
    respondedAt: null,
    closedAt: null,
    verifyDueAt: at(4),
    respondDueAt: at(48),
    ...facts,
  };
}

describe("舆情 numbers", () => {
  it("formats and reads Y numbers in any case, and tells them from others", () => {
    expect(formatOpinionNumber(2026, 1)).toBe("Y2026-0001");
    expect(parseOpinionNumber(" y2026-12 ")).toBe("Y2026-0012");
    expect(parseOpinionNumber("D2026-0001")).toBeNull();
    expect(parseOpinionNumber("2026-0001")).toBeNull();
    expect(looksLikeOpinionNumber("Y2026-0001")).toBe(true);
    expect(looksLikeOpinionNumber("D2026-0001")).toBe(false);
    expect(looksLikeOpinionNumber("2026-0042")).toBe(false);
  });
});

describe("levels", () => {
  it("defaults to the national guidance: 重大 1h/5h urgent, 较大 2h/24h, 一般 4h/48h", () => {
    expect(
      rules.levels.map((l) => [l.name, l.verify_within / HOUR, l.respond_within / HOUR, l.urgent]),
    ).toEqual([
      ["重大", 1, 5, true],
      ["较大", 2, 24, false],
      ["一般", 4, 48, false],
    ]);
  });

  it("counts both deadlines from the found time; an unknown id reads as the least severe level", () => {
    const dues = opinionDues(levelOf(rules, "major"), at(1));
    expect(dues).toEqual({ verifyDueAt: at(2), respondDueAt: at(6) });
    expect(levelOf(rules, "gone").name).toBe("一般");
  });

  it("refuses a level whose 回应 comes before its 核实, and duplicate ids", () => {
    const short = opinionPolicySchema.safeParse({
      levels: [{ id: "a", name: "甲", verify_within: "2h", respond_within: "1h" }],
    });
    expect(short.success).toBe(false);
    const twice = opinionPolicySchema.safeParse({
      levels: [
        { id: "a", name: "甲", verify_within: "1h", respond_within: "2h" },
        { id: "a", name: "乙", verify_within: "1h", respond_within: "2h" },
      ],
    });
    expect(twice.success).toBe(false);
  });
});

describe("an item's step", () => {
  it("moves 待签收 → 待核实 → 待报口径 → 口径待审核 → 待回应 → 已回应 → 已办结", () => {
    expect(itemStep(item())).toBe("unsigned");
    expect(itemStep(item({ signedAt: at(1) }))).toBe("signed");
    expect(itemStep(item({ signedAt: at(1), verifiedAt: at(2) }))).toBe("verified");
    const drafted = { signedAt: at(1), verifiedAt: at(2), draft: "口径", draftAt: at(3) };
    expect(itemStep(item(drafted))).toBe("draft_pending");
    expect(itemStep(item({ ...drafted, approvedAt: at(4) }))).toBe("approved");
    expect(itemStep(item({ ...drafted, approvedAt: at(4), respondedAt: at(5) }))).toBe("responded");
    expect(itemStep(item({ ...drafted, status: "closed", closedAt: at(6) }))).toBe("closed");
  });

  it("reads a draft sent back (draftAt cleared) as waiting for a new one, and a redraft after approval as pending", () => {
    expect(itemStep(item({ verifiedAt: at(2), draft: "旧口径", draftAt: null }))).toBe("verified");
    expect(itemStep(item({ draft: "新口径", draftAt: at(5), approvedAt: at(4) }))).toBe("draft_pending");
  });
});

describe("stages and their clocks", () => {
  it("is overdue from the deadline on while undone", () => {
    expect(overdueStages(item(), at(3))).toEqual([]);
    expect(overdueStages(item(), at(4))).toEqual(["verify"]);
    expect(overdueStages(item(), at(48))).toEqual(["verify", "respond"]);
    expect(overdueStages(item({ verifiedAt: at(3) }), at(50))).toEqual(["respond"]);
  });

  it("counts a stage done when its step is on file, when the item is closed, and 核实 once the answer is out", () => {
    expect(stageDone(item({ verifiedAt: at(1) }), "verify")).toBe(true);
    expect(stageDone(item({ verifiedAt: at(1) }), "respond")).toBe(false);
    expect(stageDone(item({ respondedAt: at(5) }), "verify")).toBe(true);
    expect(stageDone(item({ status: "closed", closedAt: at(2) }), "respond")).toBe(true);
    expect(overdueStages(item({ respondedAt: at(5) }), at(50))).toEqual([]);
  });

  it("says whether a stage was done by its deadline, or null while not done", () => {
    expect(stageOnTime(item({ verifiedAt: at(4) }), "verify")).toBe(true);
    expect(stageOnTime(item({ verifiedAt: at(5) }), "verify")).toBe(false);
    expect(stageOnTime(item({ respondedAt: at(49) }), "respond")).toBe(false);
    expect(stageOnTime(item(), "respond")).toBeNull();
  });
});
