/**
 * 加急 for a sent message: in-app for the people concerned, plus SMS/phone when the message asks
 * for them (the policy decides; they spend the tenant's quota). A failure is logged and reported
 * to the duty officer, never undoing or blocking the message itself.
 */
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import type { OutboundMessage } from "../../../core/message.ts";
import type { FeishuApi, InSlot } from "../client/feishu-api.ts";
import type { FeishuIdentity } from "../feishu-identity.ts";
import type { UrgentChannel } from "../feishu-settings.ts";
import { feishuTexts as T } from "../feishu-texts.ts";

export interface UrgentDeps {
  api: Pick<FeishuApi, "urgent">;
  /** Where each urgent call runs: a slot under the app's limit (it reaches people, not a chat). */
  inSlot: InSlot;
  identity: FeishuIdentity;
  directory: Directory;
  log: Logger;
  report: (text: string, key: string) => Promise<void>;
}

export async function sendUrgent(
  deps: UrgentDeps,
  message: OutboundMessage,
  messageId: string,
): Promise<void> {
  const { identity, directory, log } = deps;
  const people = message.urgentTo ?? [];
  const withAccount = people.filter((id) => identity.openIdOf(id));
  const problems: { names: string[]; reason: string }[] = [];
  const noAccount = people.filter((id) => !identity.openIdOf(id));
  if (noAccount.length > 0) problems.push({ names: noAccount, reason: "没有飞书账号" });
  const channels: UrgentChannel[] = ["app", ...(message.urgentChannels ?? []).filter((c) => c !== "app")];
  if (withAccount.length > 0)
    for (const channel of channels) {
      const openIds = withAccount.map((id) => identity.openIdOf(id) as string);
      try {
        const refused = await deps.api.urgent(channel, messageId, openIds, deps.inSlot);
        if (refused.length > 0)
          problems.push({
            names: withAccount.filter((id) => refused.includes(identity.openIdOf(id) as string)),
            reason: `${channelName(channel)}被拒（不在群内或已达上限）`,
          });
      } catch (error) {
        log.warn({ err: error, channel, message: messageId }, "feishu urgent failed");
        problems.push({
          names: withAccount,
          reason: `${channelName(channel)}失败：${(error as Error).message.slice(0, 80)}`,
        });
      }
    }
  for (const [index, problem] of problems.entries()) {
    const names = problem.names.map((id) => directory.personName(id)).join("、");
    log.warn({ chat: message.chatId, people: problem.names, reason: problem.reason }, "urgent not delivered");
    await deps
      .report(
        T.urgentFailed(directory.chatName(message.chatId), names, problem.reason),
        `${message.idempotencyKey}-${index}`,
      )
      .catch((error) => log.error({ err: error }, "could not report the urgent failure"));
  }
}

function channelName(channel: UrgentChannel): string {
  return { app: "应用内加急", sms: "短信加急", phone: "电话加急" }[channel];
}
