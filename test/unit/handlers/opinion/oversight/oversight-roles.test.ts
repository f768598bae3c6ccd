import { describe, expect, it } from "vitest";
import { opinionPolicySchema } from "../../../../../src/config/opinion-policy.ts";
import type { Role } from "../../../../../src/config/org.ts";
import {
  closeRoles,
  mayClose,
  mayInstruct,
  mayRead,
  readRoles,
} from "../../../../../src/handlers/opinion/oversight/oversight-roles.ts";

const sample = opinionPolicySchema.parse({});
const as = (...roles: Role[]) => ({ roles });

describe("who may take the oversight steps (the sample policy)", () => {
  it("已阅: leaders, the duty office and the approvers; not a unit's people", () => {
    expect(mayRead(as("leader"), sample)).toBe(true);
    expect(mayRead(as("duty"), sample)).toBe(true);
    expect(mayRead(as("reporter"), sample)).toBe(false);
    expect(mayRead(as("director"), sample)).toBe(false);
    expect(mayRead(as("admin"), sample)).toBe(false);
    expect(readRoles(sample)).toEqual(["leader", "duty"]);
  });

  it("批示: instruct_roles only", () => {
    expect(mayInstruct(as("leader"), sample)).toBe(true);
    expect(mayInstruct(as("duty"), sample)).toBe(false);
    expect(mayInstruct(as("reporter", "director"), sample)).toBe(false);
  });

  it("办结: close_roles (duty) or approve_roles (leader)", () => {
    expect(mayClose(as("duty"), sample)).toBe(true);
    expect(mayClose(as("leader"), sample)).toBe(true);
    expect(mayClose(as("reporter"), sample)).toBe(false);
    expect(mayClose(as("director"), sample)).toBe(false);
    expect(closeRoles(sample)).toEqual(["duty", "leader"]);
  });

  it("follows the policy's roles", () => {
    const rules = opinionPolicySchema.parse({
      approve_roles: ["director"],
      instruct_roles: ["duty", "leader"],
      close_roles: ["admin"],
    });
    expect(mayRead(as("director"), rules)).toBe(true);
    expect(mayInstruct(as("duty"), rules)).toBe(true);
    expect(mayClose(as("duty"), rules)).toBe(false);
    expect(mayClose(as("admin"), rules)).toBe(true);
    expect(mayClose(as("director"), rules)).toBe(true);
    expect(readRoles(rules)).toEqual(["leader", "duty", "director"]);
  });
});
