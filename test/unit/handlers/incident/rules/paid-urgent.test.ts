import { describe, expect, it } from "vitest";
import { policySchema } from "../../../../../src/config/policy.ts";
import { paidUrgentChannels } from "../../../../../src/handlers/incident/rules/paid-urgent.ts";
import { samplePolicy } from "../support/incident-fixtures.ts";

describe("paid urgent channels", () => {
  it("are off unless the grade sets a level", () => {
    for (const grade of samplePolicy().grades)
      for (const level of [0, 1, 5]) expect(paidUrgentChannels(grade, level)).toEqual([]);
  });

  it("add SMS and phone from their levels on", () => {
    const grade = { urgent_sms_from_level: 1, urgent_phone_from_level: 2 };
    expect(paidUrgentChannels(grade, 0)).toEqual([]);
    expect(paidUrgentChannels(grade, 1)).toEqual(["sms"]);
    expect(paidUrgentChannels(grade, 3)).toEqual(["sms", "phone"]);
    expect(paidUrgentChannels({ urgent_phone_from_level: 0 }, 0)).toEqual(["phone"]);
  });

  it("reject a negative level in the policy with a Chinese message", () => {
    const policy = samplePolicy();
    const result = policySchema.safeParse({
      ...policy,
      grades: [{ ...policy.grades[0], urgent_sms_from_level: -1 }],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain("应为 0 或更大的整数");
  });
});
