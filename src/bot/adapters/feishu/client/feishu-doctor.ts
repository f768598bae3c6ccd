/**
 * `npm run feishu:doctor`: checks the app's credentials, the permission scopes the bot needs, and
 * whether the bot is in each configured group — and says in Chinese what to click in the Feishu
 * developer console (开发者后台) to fix each problem.
 */
import type { Directory } from "../../../core/directory.ts";
import type { FeishuApi } from "./feishu-api.ts";

/** A scope the bot uses, what for, and whether it can run without it. */
export interface NeededScope {
  scope: string;
  what: string;
  optional?: boolean;
}

export const NEEDED_SCOPES: NeededScope[] = [
  { scope: "im:message:send_as_bot", what: "以应用身份发消息（提醒、回复、卡片）" },
  { scope: "im:message.group_at_msg:readonly", what: "接收群里 @机器人 的消息" },
  { scope: "im:message.p2p_msg:readonly", what: "接收用户发给机器人的单聊消息" },
  { scope: "im:message:readonly", what: "查看消息已读情况（已读 3/5）" },
  { scope: "im:resource", what: "下载和上传消息里的图片、视频、文件（现场图片）" },
  { scope: "im:message.urgent", what: "应用内加急" },
  { scope: "im:message.urgent:sms", what: "短信加急（消耗企业额度，按需）", optional: true },
  { scope: "im:message.urgent:phone", what: "电话加急（消耗企业额度，按需）", optional: true },
  { scope: "contact:user.id:readonly", what: "按手机号找到人员（通讯录只写了手机号时）" },
  { scope: "im:chat:readonly", what: "检查机器人是否在群里" },
];

export interface DoctorReport {
  ok: boolean;
  lines: string[];
}

export async function runFeishuDoctor(input: {
  appId: string;
  api: Pick<FeishuApi, "checkCredentials" | "botInfo" | "grantedScopes" | "isInChat">;
  directory: Directory;
}): Promise<DoctorReport> {
  const lines: string[] = [];
  let ok = true;
  const problem = (text: string, fix: string) => {
    ok = false;
    lines.push(`✗ ${text}`, `  处理：${fix}`);
  };

  if (!/^cli_[0-9a-fA-F]{16}$/.test(input.appId))
    problem(
      `App ID「${input.appId}」格式不对，长连接不会启动`,
      "开发者后台 → 凭证与基础信息，复制 App ID（cli_ 开头）填入 FEISHU_APP_ID。",
    );

  try {
    await input.api.checkCredentials();
    const bot = await input.api.botInfo();
    lines.push(`✓ 凭证有效，机器人「${bot.name ?? "未命名"}」`);
  } catch (error) {
    problem(
      `无法用 App ID / App Secret 获取访问凭证（${(error as Error).message.slice(0, 120)}）`,
      "开发者后台 → 凭证与基础信息，核对 App ID 和 App Secret；并在 应用能力 → 机器人 中启用机器人，发布版本后生效。",
    );
    return { ok: false, lines };
  }

  try {
    const granted = new Set(await input.api.grantedScopes());
    const missing = NEEDED_SCOPES.filter((s) => !granted.has(s.scope));
    if (missing.length === 0) lines.push("✓ 权限齐全");
    for (const scope of missing) {
      if (scope.optional) {
        lines.push(`· 未开通（可选）：${scope.scope} — ${scope.what}`);
        continue;
      }
      problem(
        `缺少权限 ${scope.scope}：${scope.what}`,
        `开发者后台 → 权限管理 → 搜索「${scope.scope}」→ 开通权限，然后 版本管理与发布 → 创建版本并发布。`,
      );
    }
  } catch (error) {
    problem(
      `无法查询应用权限（${(error as Error).message.slice(0, 120)}）`,
      "开发者后台 → 权限管理，逐项核对上面列出的权限。",
    );
  }

  for (const chat of input.directory.groups()) {
    const chatId = chat.group?.feishu?.chat_id;
    if (!chatId) {
      lines.push(`· 「${chat.name}」没有配置飞书群（可在群里 @机器人 发送「绑定 ${chat.name}」）`);
      continue;
    }
    try {
      if (await input.api.isInChat(chatId)) lines.push(`✓ 机器人在「${chat.name}」里`);
      else
        problem(
          `机器人不在「${chat.name}」（${chatId}）里`,
          "在飞书打开该群 → 设置 → 群机器人 → 添加机器人，选择本应用。",
        );
    } catch (error) {
      problem(
        `无法检查「${chat.name}」（${(error as Error).message.slice(0, 120)}）`,
        "核对 org.yaml 里该群的 feishu.chat_id，并确认已开通 im:chat:readonly 权限。",
      );
    }
  }
  lines.push(
    "提醒：长连接模式需在 开发者后台 → 事件与回调 → 订阅方式 选「使用长连接接收事件」，并添加事件 im.message.receive_v1、im.chat.member.bot.added_v1 和回调 card.action.trigger。",
  );
  return { ok, lines };
}
