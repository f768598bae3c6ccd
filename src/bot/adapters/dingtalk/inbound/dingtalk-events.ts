/**
 * The shapes of what DingTalk pushes over the Stream connection, checked with zod (a malformed push
 * is logged and acknowledged). Each push's `data` is a JSON string; its headers carry the topic and
 * `messageId`, the same on a redelivery.
 */
import { z } from "zod";

/** Topic of messages said to the robot (group @-messages and one-to-one messages). */
export const TOPIC_ROBOT = "/v1.0/im/bot/messages/get";
/** Topic of interactive card callbacks (a button pressed). */
export const TOPIC_CARD = "/v1.0/card/instances/callback";

/** A robot message (`/v1.0/im/bot/messages/get`). `conversationType` "1" one-to-one, "2" group. */
export const robotMessage = z.object({
  msgId: z.string().min(1),
  msgtype: z.string(),
  conversationId: z.string().min(1),
  conversationType: z.enum(["1", "2"]),
  conversationTitle: z.string().optional(),
  senderStaffId: z.string().optional(),
  senderNick: z.string().optional(),
  chatbotUserId: z.string().optional(),
  isInAtList: z.boolean().optional(),
  atUsers: z
    .array(z.object({ dingtalkId: z.string().optional(), staffId: z.string().optional() }))
    .optional(),
  text: z.object({ content: z.string() }).optional(),
  createAt: z.number().optional(),
  robotCode: z.string().optional(),
});
export type RobotMessage = z.infer<typeof robotMessage>;

/** A card callback (`/v1.0/card/instances/callback`): `content` is a JSON string with the pressed button's params. */
export const cardCallback = z.object({
  outTrackId: z.string().min(1),
  userId: z.string().optional(),
  content: z.string(),
  corpId: z.string().optional(),
  type: z.string().optional(),
});
export type CardCallback = z.infer<typeof cardCallback>;

export const cardContent = z.object({
  cardPrivateData: z.object({
    actionIds: z.array(z.string()).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});
