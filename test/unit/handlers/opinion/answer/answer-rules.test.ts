/** Who may take each answer step on a 舆情 item, and what the item's state allows. */
import { describe, expect, it } from "vitest";
import {
  type AnswerStep,
  isApprover,
  isUnitPerson,
  mayTake,
  stateRefusal,
} from "../../../../../src/handlers/opinion/answer/answer-rules.ts";
import { dec, opinionItem } from "../queries/opinion-item.ts";

const rules = { approve_roles: ["leader" as const] };
const zhangsan = { unit: "qingshan", roles: ["reporter" as const] };
const qianzhen = { unit: "qingshan", roles: ["director" as const] };
const lisi = { unit: "baishui", roles: ["reporter" as const] };
const sun = { unit: "duty-office", roles: ["duty" as const] };
const lishuji = { unit: "county", roles: ["leader" as const] };

describe("who may", () => {
  it("lets the responsible unit's directors and reporters take the unit's steps, nobody else", () => {
    expect(isUnitPerson(zhangsan, "qingshan")).toBe(true);
    expect(isUnitPerson(qianzhen, "qingshan")).toBe(true);
    expect(isUnitPerson(lisi, "qingshan")).toBe(false);
    expect(isUnitPerson(sun, "qingshan")).toBe(false);
    expect(isUnitPerson({ unit: "qingshan", roles: [] }, "qingshan")).toBe(false);
    for (const step of ["sign", "verify", "draft", "respond"] as AnswerStep[]) {
      expect(mayTake(step, zhangsan, "qingshan", rules)).toBe(true);
      expect(mayTake(step, lishuji, "qingshan", rules)).toBe(false);
      expect(mayTake(step, lisi, "qingshan", rules)).toBe(false);
    }
  });

  it("lets only approve_roles approve or send back a 口径", () => {
    expect(isApprover(lishuji, rules)).toBe(true);
    expect(isApprover(sun, rules)).toBe(false);
    expect(isApprover(sun, { approve_roles: ["leader", "duty"] })).toBe(true);
    for (const step of ["approve", "revise"] as AnswerStep[]) {
      expect(mayTake(step, lishuji, "qingshan", rules)).toBe(true);
      expect(mayTake(step, zhangsan, "qingshan", rules)).toBe(false);
      expect(mayTake(step, qianzhen, "qingshan", rules)).toBe(false);
    }
  });
});

describe("what the state allows", () => {
  const fresh = opinionItem();
  const signed = opinionItem({ signedAt: dec(7, 9, 10), signedBy: "zhang-san" });
  const pending = opinionItem({ signedAt: dec(7, 9, 10), draft: "口径", draftAt: dec(7, 10) });
  const sentBack = opinionItem({ draft: "口径", draftAt: null, revisionNote: "改" });
  const approved = opinionItem({ draft: "口径", draftAt: dec(7, 10), approvedAt: dec(7, 10, 10) });
  const redrafted = opinionItem({ draft: "新口径", draftAt: dec(7, 11), approvedAt: dec(7, 10, 10) });
  const responded = opinionItem({ ...approved, respondedAt: dec(7, 11) });
  const closed = opinionItem({ status: "closed", closedAt: dec(7, 12) });

  it("refuses every step on a closed item", () => {
    for (const step of ["sign", "verify", "draft", "approve", "revise", "respond"] as AnswerStep[])
      expect(stateRefusal(step, closed)).toBe("closed");
  });

  it("signs and verifies once", () => {
    expect(stateRefusal("sign", fresh)).toBeNull();
    expect(stateRefusal("sign", signed)).toBe("signed");
    expect(stateRefusal("verify", fresh)).toBeNull();
    expect(stateRefusal("verify", opinionItem({ verifiedAt: dec(7, 10) }))).toBe("verified");
  });

  it("takes a 口径 while none waits and before 已回应", () => {
    expect(stateRefusal("draft", fresh)).toBeNull();
    expect(stateRefusal("draft", pending)).toBe("draft_waiting");
    expect(stateRefusal("draft", sentBack)).toBeNull();
    expect(stateRefusal("draft", approved)).toBeNull();
    expect(stateRefusal("draft", redrafted)).toBe("draft_waiting");
    expect(stateRefusal("draft", responded)).toBe("responded");
  });

  it("approves or sends back only a waiting 口径", () => {
    for (const step of ["approve", "revise"] as AnswerStep[]) {
      expect(stateRefusal(step, fresh)).toBe("no_draft");
      expect(stateRefusal(step, pending)).toBeNull();
      expect(stateRefusal(step, sentBack)).toBe("no_draft");
      expect(stateRefusal(step, approved)).toBe("no_draft");
      expect(stateRefusal(step, redrafted)).toBeNull();
      expect(stateRefusal(step, responded)).toBe("responded");
    }
  });

  it("takes 已回应 only once an approved 口径 stands", () => {
    expect(stateRefusal("respond", fresh)).toBe("not_approved");
    expect(stateRefusal("respond", pending)).toBe("not_approved");
    expect(stateRefusal("respond", sentBack)).toBe("not_approved");
    expect(stateRefusal("respond", approved)).toBeNull();
    expect(stateRefusal("respond", redrafted)).toBe("not_approved");
    expect(stateRefusal("respond", responded)).toBe("responded");
  });
});
