/** Escalation's `duty` level names today's 值班员 (the roster's, else everyone with the role). */
import { describe, expect, it } from "vitest";
import type { Person } from "../../../src/config/org.ts";
import { resolveRecipients } from "../../../src/handlers/incident/recipients.ts";
import { onDutyFrom } from "../../../src/handlers/reminders/on-duty.ts";

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
