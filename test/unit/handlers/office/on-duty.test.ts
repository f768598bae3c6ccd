/** Today's 值班员 and 带班领导: the roster's people, else everyone with the role — one rule for every use. */
import { describe, expect, it } from "vitest";
import type { Person } from "../../../../src/config/org.ts";
import { onDutyFrom } from "../../../../src/handlers/office/on-duty.ts";

const person = (id: string, ...roles: Person["roles"]): Person => ({ id, name: id, unit: "u", roles });
const PEOPLE = [
  person("sun", "duty"),
  person("zhou", "duty"),
  person("wu", "director", "duty"),
  person("li", "leader"),
  person("wang", "leader"),
  person("zhang", "reporter"),
];
const DUTY = ["sun", "zhou", "wu"];
const LEADERS = ["li", "wang"];

describe("onDutyFrom", () => {
  it("takes the roster's people when it names them", () => {
    expect(onDutyFrom({ duty: ["zhou"], leaders: ["wang"] }, PEOPLE)).toEqual({
      duty: { people: ["zhou"], rostered: true },
      leaders: { people: ["wang"], rostered: true },
    });
  });

  it("falls back to everyone with the role on a day the roster does not list", () => {
    expect(onDutyFrom(undefined, PEOPLE)).toEqual({
      duty: { people: DUTY, rostered: false },
      leaders: { people: LEADERS, rostered: false },
    });
  });

  it("treats a roster day with an empty list like no entry, role by role", () => {
    expect(onDutyFrom({ duty: [], leaders: ["li"] }, PEOPLE)).toEqual({
      duty: { people: DUTY, rostered: false },
      leaders: { people: ["li"], rostered: true },
    });
    expect(onDutyFrom({ duty: ["sun"], leaders: [] }, PEOPLE).leaders).toEqual({
      people: LEADERS,
      rostered: false,
    });
  });

  it("names nobody only when nobody has the role", () => {
    expect(onDutyFrom({ duty: [], leaders: [] }, [person("zhang", "reporter")])).toEqual({
      duty: { people: [], rostered: false },
      leaders: { people: [], rostered: false },
    });
  });
});
