/**
 * Binding an unknown platform account to a person: asked with `绑定 姓名`, confirmed with the duty
 * office's one-time code; in a group only when addressed or waiting for the code.
 */
import { describe, expect, it } from "vitest";
import type { BindOutcome, UnboundPersonEvent } from "../../../../src/bot/core/unbound.ts";
import { bindingCapability } from "../../../../src/handlers/binding/index.ts";
import { bindingMessages as M } from "../../../../src/handlers/binding/messages.ts";
import { AT, bindingServices, MemoryBindingRequests } from "./binding-services.ts";

/** One account `wx-1` (阿四) talking to the bot; what it was answered, told the duty office, bound. */
function account(options: { outcome?: BindOutcome } = {}) {
  const { services, sent } = bindingServices();
  const requests = new MemoryBindingRequests();
  const replies: string[] = [];
  const bindings: [string, string, string, Date][] = [];
  const say = async (text: string, addressed = true) => {
    const event: UnboundPersonEvent = {
      platform: "wechat",
      eventId: `m-${replies.length}`,
      unknown: "person",
      accountId: "wx-1",
      nickname: "阿四",
      text,
      addressed,
      reply: async (answer) => void replies.push(answer),
      binder: {
        requests,
        bindPerson: async (accountId, personId, by, at) => {
          bindings.push([accountId, personId, by, at]);
          return options.outcome ?? "bound";
        },
      },
    };
    await bindingCapability.unbound?.run(services, event);
  };
  return { say, replies, sent, requests, bindings };
}

describe("binding an unknown account", () => {
  it.each([
    ["anything else: how to ask", "你好", M.askToBind("阿四")],
    ["a name nobody has", "绑定 不存在的人", M.personUnknownName("不存在的人")],
    ["a code without a request", "确认码 123456", M.personWrongCode],
  ])("answers %s, binding nobody", async (_case, text, answer) => {
    const { say, replies, bindings, sent } = account();
    await say(text);
    expect(replies).toEqual([answer]);
    expect(bindings).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("asks the duty office, then binds with its code only", async () => {
    const { say, replies, bindings, sent, requests } = account();
    await say("绑定 李四");
    expect(replies).toEqual([M.personRequested("李四")]);
    const code = requests.requests.get("wechat:wx-1")?.code as string;
    expect(requests.requests.get("wechat:wx-1")).toEqual({ personId: "lisi", code });
    expect(sent).toEqual([
      {
        chatId: "duty",
        text: M.personDutyNotice("阿四", "李四", "白水乡", code, 30),
        idempotencyKey: `wechat-bind-wx-1-${AT.getTime()}`,
      },
    ]);
    await say(`确认码 ${code === "999999" ? "999998" : "999999"}`);
    expect(replies.at(-1)).toBe(M.personWrongCode);
    expect(bindings).toEqual([]);
    await say(`确认码 ${code}`);
    expect(bindings).toEqual([["wx-1", "lisi", "duty-code", AT]]);
    expect(replies.at(-1)).toBe(M.personBound("李四"));
    expect(sent.at(-1)).toEqual({
      chatId: "duty",
      text: M.personBoundDuty("阿四", "李四"),
      idempotencyKey: `wechat-bound-wx-1-${AT.getTime()}`,
    });
    expect(requests.requests.size).toBe(0);
  });

  it("says so when the person is bound to another account already", async () => {
    const { say, replies, requests, sent } = account({ outcome: "taken" });
    await say("绑定 李四");
    await say(`确认码 ${requests.requests.get("wechat:wx-1")?.code}`);
    expect(replies.at(-1)).toBe(M.personTaken("李四"));
    expect(sent).toHaveLength(1);
  });

  it("in a group, answers unaddressed messages only while waiting for the code", async () => {
    const { say, replies } = account();
    await say("大家好", false);
    expect(replies).toEqual([]);
    await say("绑定 李四");
    await say("大家好", false);
    expect(replies.at(-1)).toBe(M.askToBind("阿四"));
  });
});
