/** Binding an unknown platform group: who may, the usage, the target looked up, bound or taken, "not bound". */
import { describe, expect, it } from "vitest";
import type { BindOutcome, UnboundChatEvent } from "../../../../src/bot/core/unbound.ts";
import { bindingCapability } from "../../../../src/handlers/binding/index.ts";
import { bindingMessages as M } from "../../../../src/handlers/binding/messages.ts";
import { bindingServices } from "./binding-services.ts";

const ADMIN = "zhao-mishuzhang";

/** Runs the capability on one message in the Feishu group `oc_new`; what it answered and bound. */
async function unboundGroup(
  text: string,
  options: { personId?: string; addressed?: boolean; outcome?: BindOutcome } = {},
) {
  const replies: { text: string; key: string }[] = [];
  const bindings: [string, string, string][] = [];
  const event: UnboundChatEvent = {
    platform: "feishu",
    eventId: "msg-1",
    unknown: "chat",
    externalChatId: "oc_new",
    ...(options.personId ? { personId: options.personId } : {}),
    text,
    addressed: options.addressed ?? true,
    reply: async (say, key) => void replies.push({ text: say, key }),
    binder: {
      bindGroup: async (chat, group, by) => {
        bindings.push([chat, group, by]);
        return options.outcome ?? "bound";
      },
    },
  };
  await bindingCapability.unbound?.run(bindingServices().services, event);
  return { replies, bindings };
}

describe("binding an unknown group", () => {
  it.each([
    ["a reporter may not bind", "@快报助手 绑定 青山镇工作群", "zhangsan", M.groupNotAllowed],
    ["nobody known may not bind", "@快报助手 绑定 青山镇工作群", undefined, M.groupNotAllowed],
    ["no group named: the usage", "@快报助手 绑定", ADMIN, M.groupUsage],
    ["a group nobody has", "@快报助手 绑定 不存在的群", ADMIN, M.groupUnknownTarget("不存在的群")],
  ])("%s", async (_case, text, personId, answer) => {
    const { replies, bindings } = await unboundGroup(text, personId ? { personId } : {});
    expect(replies).toEqual([{ text: answer, key: "bind" }]);
    expect(bindings).toEqual([]);
  });

  it.each([
    ["by name, an admin", "@快报助手 绑定 青山镇工作群", ADMIN, "qingshan-work", "青山镇工作群"],
    ["by id", "绑定 duty", ADMIN, "duty", "总值班室"],
    [
      "by its unit's name, a director",
      "@快报助手 绑定 白水乡",
      "he-xiangzhang",
      "baishui-work",
      "白水乡工作群",
    ],
  ])("binds %s", async (_case, text, personId, groupId, groupName) => {
    const { replies, bindings } = await unboundGroup(text, { personId });
    expect(bindings).toEqual([["oc_new", groupId, personId]]);
    expect(replies).toEqual([{ text: M.groupBound(groupName), key: "bind" }]);
  });

  it("says so when the group is bound to another chat already", async () => {
    const { replies } = await unboundGroup("@快报助手 绑定 青山镇工作群", {
      personId: ADMIN,
      outcome: "taken",
    });
    expect(replies).toEqual([{ text: M.groupTaken("青山镇工作群"), key: "bind" }]);
  });

  it.each([
    ["@-addressed: the group is not bound", true, [{ text: M.groupNotBound, key: "not-bound" }]],
    ["chatter: nothing", false, []],
  ])("anything else, %s", async (_case, addressed, expected) => {
    const { replies, bindings } = await unboundGroup("帮助", { personId: ADMIN, addressed });
    expect(replies).toEqual(expected);
    expect(bindings).toEqual([]);
  });
});
