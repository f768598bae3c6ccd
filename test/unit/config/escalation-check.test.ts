/**
 * Escalation entries (the incidents' and 舆情's) are checked against the org file; `duty_leader`
 * (today's 带班领导) is a known entry.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyProblemsWithOrg } from "../../../src/config/cross-check.ts";
import { loadOfficeConfig } from "../../../src/config/load.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");

describe("policyProblemsWithOrg on escalation", () => {
  it("accepts duty_leader and refuses it with a unit, and names unknown entries", async () => {
    const { org, policy } = await loadOfficeConfig(
      join(ROOT, "config/org.yaml"),
      join(ROOT, "config/policy.yaml"),
    );
    const escalation = [["duty"], ["duty_leader", "director@reporting"], ["duty_leader@qingshan", "nobody"]];
    expect(policyProblemsWithOrg({ ...policy, escalation }, org)).toEqual([
      {
        path: "escalation[2][0]",
        message: "「duty_leader」不是角色（可用：reporter、duty、director、leader、admin）",
      },
      {
        path: "escalation[2][1]",
        message: "「nobody」既不是角色（或 duty_leader 当天带班领导），也不是通讯录里的人员 id",
      },
    ]);
  });

  it("checks the 舆情 escalation levels the same way, naming their path", async () => {
    const { org, policy } = await loadOfficeConfig(
      join(ROOT, "config/org.yaml"),
      join(ROOT, "config/policy.yaml"),
    );
    const opinion = { ...policy.opinion, escalation: [["duty"], ["director@nowhere"]] };
    expect(policyProblemsWithOrg({ ...policy, opinion }, org)).toEqual([
      { path: "opinion.escalation[1][0]", message: "没有这个单位：nowhere（或写 reporting 表示报告单位）" },
    ]);
  });
});
