/**
 * `npm run dingtalk:doctor`: checks the app's credentials, its Stream connection, the permissions
 * the bot needs, and whether the robot is in each configured group — and says in Chinese what to
 * click in the DingTalk developer console (开发者后台, open-dev.dingtalk.com) to fix each problem.
 * Every check is a call that changes nothing (see `dingtalk-probe.ts`).
 */
import type { Directory } from "../../../core/directory.ts";
import type { DingtalkProbe, PermissionProbe } from "./dingtalk-probe.ts";

/** A permission the bot uses, what for, a call that needs it, and whether the bot runs without it. */
export interface NeededPermission {
  scope: string;
  what: string;
  probe: (robotCode: string) => PermissionProbe;
  optional?: boolean;
}

const PROBE_ID = "kuaibao-doctor-probe";

export const NEEDED_PERMISSIONS: NeededPermission[] = [
  {
    scope: "qyapi_robot_sendmsg",
    what: "机器人发群消息、单聊消息，查询已读（已读 3/5）",
    probe: (robotCode) => ({
      method: "POST",
      path: "/v1.0/robot/groupMessages/query",
      body: { robotCode, openConversationId: PROBE_ID, processQueryKey: PROBE_ID },
    }),
  },
  {
    scope: "Card.Instance.Write",
    what: "发送互动卡片并在按下按钮后更新卡片",
    probe: () => ({
      method: "PUT",
      path: "/v1.0/im/interactiveCards",
      body: { outTrackId: PROBE_ID, cardData: { cardParamMap: {} } },
    }),
  },
  {
    scope: "Premium.Ding.Write",
    what: "紧急消息发 DING（应用内、短信、电话；钉钉专业版/专属版才有）",
    probe: (robotCode) => ({
      method: "POST",
      path: "/v1.0/robot/ding/send",
      body: { robotCode, remindType: 1, receiverUserIdList: [], content: "" },
    }),
    optional: true,
  },
  {
    scope: "qyapi_get_member_by_mobile",
    what: "按手机号找到人员（通讯录只写了手机号时）",
    probe: () => ({
      method: "POST",
      path: "/topapi/v2/user/getbymobile",
      body: { mobile: "10000000000" },
      old: true,
    }),
  },
  {
    scope: "qyapi_chat_manage",
    what: "检查机器人是否在群里（仅本自检使用）",
    probe: () => ({
      method: "POST",
      path: "/v1.0/robot/groups/robots/query",
      body: { openConversationId: PROBE_ID },
    }),
    optional: true,
  },
];

export interface DoctorReport {
  ok: boolean;
  lines: string[];
}

const CONSOLE = "钉钉开发者后台（open-dev.dingtalk.com）→ 应用开发 → 企业内部应用 → 本应用";
const short = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 120);

export async function runDingtalkDoctor(input: {
  robotCode: string;
  cardTemplateId?: string;
  probe: Pick<DingtalkProbe, "checkCredentials" | "checkStreamGateway" | "missingScopes" | "robotsInGroup">;
  directory: Directory;
}): Promise<DoctorReport> {
  const { probe, directory, robotCode } = input;
  const lines: string[] = [];
  let ok = true;
  const problem = (text: string, fix: string) => {
    ok = false;
    lines.push(`✗ ${text}`, `  处理：${fix}`);
  };

  try {
    await probe.checkCredentials();
    lines.push("✓ 凭证有效（Client ID / Client Secret）");
  } catch (error) {
    problem(
      `无法用 Client ID / Client Secret 获取访问凭证（${short(error)}）`,
      `${CONSOLE} → 基础信息 → 凭证与基础信息，复制 Client ID 和 Client Secret 填入 DINGTALK_CLIENT_ID、DINGTALK_CLIENT_SECRET；政务钉钉另设 DINGTALK_BASE_URL。`,
    );
    return { ok: false, lines };
  }

  try {
    await probe.checkStreamGateway();
    lines.push("✓ Stream 连接可建立（无需公网地址）");
  } catch (error) {
    problem(
      `Stream 网关拒绝连接（${short(error)}）`,
      `${CONSOLE} → 应用能力 → 添加应用能力 → 机器人，消息接收模式选「Stream 模式」，然后 版本管理与发布 → 发布。`,
    );
  }

  const permissions = NEEDED_PERMISSIONS.filter(
    (p) => p.scope !== "Card.Instance.Write" || input.cardTemplateId,
  );
  if (!input.cardTemplateId)
    lines.push(
      "· 未设置 DINGTALK_CARD_TEMPLATE_ID：卡片以 Markdown 发送，没有按钮（在 卡片平台 新建模板后填入模板 ID）",
    );
  let groupsCheckable = true;
  let allGranted = true;
  for (const permission of permissions) {
    let missing: string[] | undefined;
    try {
      missing = await probe.missingScopes(permission.probe(robotCode));
    } catch (error) {
      problem(
        `无法检查权限 ${permission.scope}（${short(error)}）`,
        `${CONSOLE} → 开发配置 → 权限管理，逐项核对 README 钉钉一节列出的权限。`,
      );
      continue;
    }
    if (missing === undefined) continue;
    allGranted = false;
    const names = missing.length > 0 ? missing.join("、") : permission.scope;
    if (permission.scope === "qyapi_chat_manage") groupsCheckable = false;
    if (permission.optional) {
      lines.push(`· 未开通（可选）：${names} — ${permission.what}`);
      continue;
    }
    problem(
      `缺少权限 ${names}：${permission.what}`,
      `${CONSOLE} → 开发配置 → 权限管理 → 搜索「${names}」→ 申请权限，然后 版本管理与发布 → 发布。`,
    );
  }
  if (allGranted) lines.push("✓ 权限齐全");

  for (const chat of directory.groups()) {
    const conversation = chat.group?.dingtalk?.open_conversation_id;
    if (!conversation) {
      lines.push(`· 「${chat.name}」没有配置钉钉群（可在群里 @机器人 发送「绑定 ${chat.name}」）`);
      continue;
    }
    if (!groupsCheckable) {
      lines.push(`· 「${chat.name}」未检查（需要 qyapi_chat_manage 权限）`);
      continue;
    }
    try {
      if ((await probe.robotsInGroup(conversation)).includes(robotCode))
        lines.push(`✓ 机器人在「${chat.name}」里`);
      else
        problem(
          `机器人不在「${chat.name}」（${conversation}）里`,
          "在钉钉打开该群 → 群设置 → 机器人 → 添加机器人，选择本应用的机器人。",
        );
    } catch (error) {
      problem(
        `无法检查「${chat.name}」（${short(error)}）`,
        "核对 org.yaml 里该群的 dingtalk.open_conversation_id（群里 @机器人 发「绑定」可自动记下）。",
      );
    }
  }
  lines.push(
    `提醒：${CONSOLE} → 机器人 的消息接收模式须为「Stream 模式」；互动卡片的按钮须为「回传请求」，回调走 Stream（卡片平台 → 模板 → 回调设置）。`,
  );
  return { ok, lines };
}
