/** Pushes as DingTalk sends them over the Stream connection (the shapes of test/fixtures/dingtalk/). */
import { randomUUID } from "node:crypto";
import { FAKE_BOT_USER_ID, FAKE_ROBOT_CODE } from "./fake-dingtalk-server.ts";

export function robotMessage(options: {
  conversationId: string;
  direct: boolean;
  senderUserId: string;
  senderNick?: string;
  text: string;
  /** userIds of people @-mentioned besides the robot. */
  atUserIds?: string[];
  msgId?: string;
}) {
  return {
    conversationId: options.conversationId,
    atUsers: options.direct
      ? undefined
      : [
          { dingtalkId: FAKE_BOT_USER_ID },
          ...(options.atUserIds ?? []).map((staffId) => ({ dingtalkId: `$:${staffId}`, staffId })),
        ],
    chatbotCorpId: "dingfakecorp",
    chatbotUserId: FAKE_BOT_USER_ID,
    msgId: options.msgId ?? `msg${randomUUID().replace(/-/g, "")}`,
    senderNick: options.senderNick ?? options.senderUserId,
    isAdmin: false,
    senderStaffId: options.senderUserId,
    sessionWebhookExpiredTime: Date.now() + 5_400_000,
    createAt: Date.now(),
    senderCorpId: "dingfakecorp",
    conversationType: options.direct ? "1" : "2",
    senderId: `$:LWCP_v1:$${options.senderUserId}`,
    isInAtList: !options.direct,
    sessionWebhook: "https://oapi.dingtalk.com/robot/sendBySession?session=fake",
    text: { content: options.text },
    robotCode: FAKE_ROBOT_CODE,
    msgtype: "text",
  };
}

export function cardCallback(options: {
  outTrackId: string;
  userId: string;
  value: string;
  spaceId?: string;
}) {
  return {
    extension: "{}",
    corpId: "dingfakecorp",
    type: "actionCallback",
    userId: options.userId,
    content: JSON.stringify({ cardPrivateData: { actionIds: ["button"], params: { value: options.value } } }),
    outTrackId: options.outTrackId,
    spaceType: "IM",
    spaceId: options.spaceId ?? "",
    userIdType: 1,
  };
}
