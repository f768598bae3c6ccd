/** Escalation's `duty` level names today's 值班员 (the roster's, else everyone with the role). */
import { describe, expect, it } from "vitest";
import type { Person } from "../../../../src/config/org.ts";
import { onDutyFrom } from "../../../../src/handlers/office/on-duty.ts";
import { resolveRecipients } from "../../../../src/handlers/office/recipients.ts";

const person = (id: string, unit: string, ...roles: Person["roles"]): Person => ({
  id,
  name: id,
  unit,
  roles,
});
const PEOPLE = [
  person("sun", "duty-office", "duty"),
  person("zhou", "duty-office", "duty"),
  person("wu", "duty-office", "director", "duty"),
  person("qian", "qingshan", "director"),
  person("li", "county-office", "leader"),
];
const today = (duty?: string[], leaders: string[] = []) =>
  onDutyFrom(duty ? { duty, leaders } : undefined, PEOPLE);

describe("resolveRecipients with a roster", () => {
  it("uses today's duty people for a plain duty entry", () => {
    expect(resolveRecipients(["duty"], PEOPLE, "qingshan", today(["zhou"]))).toEqual(["zhou"]);
  });

  it("falls back to the role when the roster has nobody for today", () => {
    expect(resolveRecipients(["duty"], PEOPLE, "qingshan", today())).toEqual(["sun", "zhou", "wu"]);
    expect(resolveRecipients(["duty"], PEOPLE, "qingshan", today([], ["li"]))).toEqual(["sun", "zhou", "wu"]);
  });

  it("leaves other entries alone, `duty@unit` and `leader` included", () => {
    expect(
      resolveRecipients(
        ["director@reporting", "duty@duty-office", "leader"],
        PEOPLE,
        "qingshan",
        today(["zhou"]),
      ),
    ).toEqual(["qian", "sun", "zhou", "wu", "li"]);
  });
});

describe("the duty_leader level", () => {
  it("names today's 带班领导 from the roster", () => {
    expect(resolveRecipients(["duty_leader"], PEOPLE, "qingshan", today(["zhou"], ["li"]))).toEqual(["li"]);
  });

  it("falls back to every leader when the roster names none today", () => {
    const people = [...PEOPLE, person("wang", "county-office", "leader")];
    const none = onDutyFrom({ duty: ["zhou"], leaders: [] }, people);
    expect(resolveRecipients(["duty_leader"], people, "qingshan", none)).toEqual(["li", "wang"]);
    expect(resolveRecipients(["duty_leader"], people, "qingshan", onDutyFrom(undefined, people))).toEqual([
      "li",
      "wang",
    ]);
  });

  it("leaves `leader` meaning every leader, whoever is on duty", () => {
    const people = [...PEOPLE, person("wang", "county-office", "leader")];
    const rostered = onDutyFrom({ duty: ["zhou"], leaders: ["wang"] }, people);
    expect(resolveRecipients(["leader"], people, "qingshan", rostered)).toEqual(["li", "wang"]);
  });
});
