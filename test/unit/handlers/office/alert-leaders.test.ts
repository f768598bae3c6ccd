/** Which leaders an urgent grade's first alert buzzes: those of the first escalation level naming any. */
import { describe, expect, it } from "vitest";
import type { Person } from "../../../../src/config/org.ts";
import { alertLeaders } from "../../../../src/handlers/office/alert-leaders.ts";
import { onDutyFrom } from "../../../../src/handlers/office/on-duty.ts";

const person = (id: string, unit: string, ...roles: Person["roles"]): Person => ({
  id,
  name: id,
  unit,
  roles,
});
const PEOPLE = [
  person("sun", "duty-office", "duty"),
  person("wu", "duty-office", "director", "duty"),
  person("qian", "qingshan", "director"),
  person("li", "county-office", "leader"),
  person("wang", "county-office", "leader"),
  person("zhao", "county-office", "director", "leader"),
];
const noRoster = onDutyFrom(undefined, PEOPLE);

describe("alertLeaders", () => {
  it("takes every leader when the first level naming leaders is [leader]", () => {
    const escalation = [["duty"], ["director@duty-office", "director@reporting"], ["leader"]];
    expect(alertLeaders(escalation, PEOPLE, "qingshan", noRoster)).toEqual(["li", "wang", "zhao"]);
  });

  it("takes today's 带班领导 when [duty_leader] comes before [leader]", () => {
    const escalation = [["duty"], ["duty_leader"], ["leader"]];
    const today = onDutyFrom({ duty: ["sun"], leaders: ["wang"] }, PEOPLE);
    expect(alertLeaders(escalation, PEOPLE, "qingshan", today)).toEqual(["wang"]);
  });

  it("keeps only the leaders of a mixed level, and a leader named by id", () => {
    expect(alertLeaders([["duty", "li"], ["leader"]], PEOPLE, "qingshan", noRoster)).toEqual(["li"]);
    expect(alertLeaders([["director@county-office", "sun"]], PEOPLE, "qingshan", noRoster)).toEqual(["zhao"]);
  });

  it("is nobody when no level names a leader", () => {
    expect(alertLeaders([["duty"], ["director@reporting"]], PEOPLE, "qingshan", noRoster)).toEqual([]);
  });
});
