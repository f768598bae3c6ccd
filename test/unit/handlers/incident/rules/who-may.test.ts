import { describe, expect, it } from "vitest";
import type { Person } from "../../../../../src/config/org.ts";
import {
  acknowledgeRefusal,
  escalationOffer,
  mayInstruct,
  mayRequestFollowUp,
} from "../../../../../src/handlers/incident/rules/who-may.ts";

const rules: { acknowledge_roles: Person["roles"]; instruct_roles: Person["roles"] } = {
  acknowledge_roles: ["leader", "director"],
  instruct_roles: ["leader"],
};
const someone = (unit: string, ...roles: Person["roles"]) => ({ unit, roles });

describe("acknowledgeRefusal", () => {
  it("lets a leader or a director of another unit acknowledge", () => {
    expect(acknowledgeRefusal(someone("county-office", "leader"), "qingshan", rules)).toBeNull();
    expect(acknowledgeRefusal(someone("duty-office", "director", "duty"), "qingshan", rules)).toBeNull();
  });

  it("refuses a role the policy does not name, then the reporting unit itself", () => {
    expect(acknowledgeRefusal(someone("duty-office", "duty"), "qingshan", rules)).toBe("role");
    expect(acknowledgeRefusal(someone("qingshan", "reporter"), "qingshan", rules)).toBe("role");
    expect(acknowledgeRefusal(someone("qingshan", "director"), "qingshan", rules)).toBe("ownUnit");
  });
});

describe("mayInstruct and mayRequestFollowUp", () => {
  it("follow instruct_roles, and acknowledge_roles with duty", () => {
    expect(mayInstruct(someone("x", "leader"), rules)).toBe(true);
    expect(mayInstruct(someone("x", "director", "duty"), rules)).toBe(false);
    expect(mayRequestFollowUp(someone("x", "duty"), rules)).toBe(true);
    expect(mayRequestFollowUp(someone("x", "director"), rules)).toBe(true);
    expect(mayRequestFollowUp(someone("x", "reporter"), rules)).toBe(false);
  });
});

describe("escalationOffer", () => {
  it("asks a leader to read, with every button", () => {
    expect(escalationOffer(someone("county-office", "leader"), "qingshan", rules)).toEqual({
      ask: "read",
      verbs: ["ack", "instruct", "followup"],
    });
  });

  it("asks another unit's director to read, without 批示", () => {
    expect(escalationOffer(someone("duty-office", "director", "duty"), "qingshan", rules)).toEqual({
      ask: "read",
      verbs: ["ack", "followup"],
    });
  });

  it("asks the reporting unit's director to follow up, without 已阅", () => {
    expect(escalationOffer(someone("qingshan", "director"), "qingshan", rules)).toEqual({
      ask: "followUp",
      verbs: ["followup"],
    });
  });

  it("asks a duty officer to pass it on to the leaders, and a person with no such role too", () => {
    expect(escalationOffer(someone("duty-office", "duty"), "qingshan", rules)).toEqual({
      ask: "passOn",
      verbs: ["followup"],
    });
    expect(escalationOffer(someone("county-office", "reporter"), "qingshan", rules)).toEqual({
      ask: "passOn",
      verbs: [],
    });
  });

  it("follows the policy's roles: with duty allowed to acknowledge, a duty officer reads", () => {
    const wide = {
      acknowledge_roles: ["leader" as const, "duty" as const],
      instruct_roles: rules.instruct_roles,
    };
    expect(escalationOffer(someone("duty-office", "duty"), "qingshan", wide).ask).toBe("read");
    expect(escalationOffer(someone("duty-office", "director"), "qingshan", wide)).toEqual({
      ask: "passOn",
      verbs: [],
    });
  });
});
