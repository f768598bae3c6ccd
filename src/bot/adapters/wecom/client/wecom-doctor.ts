/**
 * `npm run wecom:doctor`: checks the self-built app's credentials, its visible range (group chats
 * need the root department), who in the org file has a WeCom account, and whether each group has an
 * app group chat — and says in Chinese what to click in the WeCom admin console (管理后台) to fix each
 * problem. With `createGroups` it creates the missing app groups (members from the org file) and
 * prints the chatid to write into org.yaml; nothing else is changed.
 */
import { createHash } from "node:crypto";
import type { Directory } from "../../../core/directory.ts";
import type { WecomApi } from "./wecom-api.ts";
import { WecomApiError } from "./wecom-errors.ts";

export interface DoctorReport {
  ok: boolean;
  lines: string[];
}

/** WeCom's root department id. */
const ROOT_PARTY = 1;

/** A chatid for an org group (letters and digits, ≤ 32): the same group, the same id. */
export function groupChatId(groupId: string): string {
  return `kb${createHash("sha256").update(groupId).digest("hex").slice(0, 24)}`;
}

/** What a failed call's errcode means for the person setting the app up. */
function hint(error: unknown): string {
  const code =
    error instanceof WecomApiError && error.failure.kind === "fatal" ? error.failure.code : undefined;
  switch (code) {
    case 40013:
      return "企业ID不对：管理后台 → 我的企业 → 企业信息 → 企业ID，填入 WECOM_CORP_ID。";
    case 40001:
      return "Secret 不对：管理后台 → 应用管理 → 自建 → 快报 → Secret「查看」（发送到企业微信里查收），填入 WECOM_SECRET。";
    case 60020:
      return "本机 IP 不在企业可信IP里：管理后台 → 应用管理 → 快报 → 开发者接口 → 企业可信IP，添加本服务器的出口 IP。";
    case 40056:
      return "AgentId 不对：管理后台 → 应用管理 → 快报，复制 AgentId 填入 WECOM_AGENT_ID。";
    case 60011:
      return "应用看不到这些成员：管理后台 → 应用管理 → 快报 → 可见范围，加入这些人所在的部门（建议根部门）。";
    default:
      return "核对 WECOM_CORP_ID、WECOM_SECRET、WECOM_AGENT_ID；政务微信请把 WECOM_BASE_URL 设为本地部署的接口地址。";
  }
}

export async function runWecomDoctor(input: {
  api: Pick<WecomApi, "checkCredentials" | "agent" | "userIdByMobile" | "groupMembers" | "createGroup">;
  directory: Directory;
  /** Create the app groups the org file's groups are missing. */
  createGroups?: boolean;
}): Promise<DoctorReport> {
  const { api, directory } = input;
  const lines: string[] = [];
  let ok = true;
  const problem = (text: string, fix: string) => {
    ok = false;
    lines.push(`✗ ${text}`, `  处理：${fix}`);
  };

  try {
    await api.checkCredentials();
  } catch (error) {
    problem(`无法获取 access_token（${(error as Error).message.slice(0, 120)}）`, hint(error));
    return { ok: false, lines };
  }
  try {
    const agent = await api.agent();
    lines.push(`✓ 凭证有效，应用「${agent.name ?? "未命名"}」`);
    if (!(agent.allow_partys?.partyid ?? []).includes(ROOT_PARTY))
      problem(
        "应用的可见范围不是根部门：应用建群、发群消息都要求可见范围为根部门",
        "管理后台 → 应用管理 → 快报 → 可见范围 → 添加，选最上层的企业（根部门）。",
      );
  } catch (error) {
    problem(`无法读取应用信息（${(error as Error).message.slice(0, 120)}）`, hint(error));
  }

  const userIds = new Map<string, string>();
  const missing: string[] = [];
  for (const person of directory.people()) {
    const configured = person.wecom?.userid;
    if (configured) {
      userIds.set(person.id, configured);
      continue;
    }
    if (!person.phone) {
      missing.push(`${person.name}（无手机号）`);
      continue;
    }
    try {
      const found = await api.userIdByMobile(person.phone);
      if (found) userIds.set(person.id, found);
      else missing.push(`${person.name}（${person.phone} 未找到）`);
    } catch (error) {
      problem(`按手机号查找成员失败（${(error as Error).message.slice(0, 120)}）`, hint(error));
      break;
    }
  }
  if (missing.length === 0) lines.push(`✓ 名单里 ${userIds.size} 人都找到了企业微信账号`);
  else
    problem(
      `这些人找不到企业微信账号：${missing.join("、")}`,
      "在 org.yaml 给他们写 wecom: { userid: 账号 }（管理后台 → 通讯录 → 成员详情 → 账号），或核对手机号；并确认他们在应用可见范围内。",
    );

  for (const chat of directory.groups()) {
    const chatId = chat.group?.wecom?.chatid;
    if (chatId) {
      const members = await api.groupMembers(chatId).catch(() => undefined);
      if (members) lines.push(`✓ 「${chat.name}」有应用群（${members.length} 人）`);
      else
        problem(
          `「${chat.name}」的 chatid ${chatId} 不是本应用建的群（或已解散）`,
          "应用只能给自己建的群发消息：删去这个 chatid，运行 npm run wecom:doctor -- --create-groups 重新建群。",
        );
      continue;
    }
    const members = chat.members.flatMap((id) => userIds.get(id) ?? []);
    if (!input.createGroups) {
      problem(
        `「${chat.name}」还没有企业微信群`,
        "运行 npm run wecom:doctor -- --create-groups，由应用按 org.yaml 的成员建群，再把打印的 chatid 写进 org.yaml。",
      );
      continue;
    }
    if (members.length < 2) {
      problem(`「${chat.name}」找得到账号的成员不足 2 人，无法建群`, "先补齐成员的企业微信账号。");
      continue;
    }
    try {
      const created = await api.createGroup({
        name: chat.name,
        userIds: members,
        chatId: groupChatId(chat.id),
      });
      lines.push(
        `✓ 已为「${chat.name}」建群，chatid ${created}`,
        `  请写进 org.yaml：该群加 wecom: { chatid: ${created} }`,
      );
    } catch (error) {
      problem(`为「${chat.name}」建群失败（${(error as Error).message.slice(0, 120)}）`, hint(error));
    }
  }
  lines.push(
    "· 回调（接收消息）无法从这里检查：管理后台 → 应用管理 → 快报 → 接收消息 → 设置API接收，URL 填公网可达的 https://<域名>/wecom/callback（WECOM_CALLBACK_PATH），Token、EncodingAESKey 与 WECOM_TOKEN、WECOM_AES_KEY 一致；保存时企业微信会发验证请求，机器人须已在运行。",
  );
  return { ok, lines };
}
