/**
 * The shapes of the Feishu events the adapter reads, as the SDK's dispatcher hands them over
 * (header and event flattened), checked with zod: a malformed event is logged and dropped.
 */
import { z } from "zod";

const mention = z.object({
  key: z.string(),
  id: z.object({ open_id: z.string().optional(), user_id: z.string().optional() }).partial().optional(),
  name: z.string().optional(),
});

export const messageReceived = z.object({
  event_id: z.string().optional(),
  sender: z.object({
    sender_id: z.object({ open_id: z.string().optional() }).partial().optional(),
    sender_type: z.string().optional(),
  }),
  message: z.object({
    message_id: z.string(),
    chat_id: z.string(),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    mentions: z.array(mention).optional(),
    create_time: z.string().optional(),
  }),
});
export type MessageReceived = z.infer<typeof messageReceived>;

export const cardAction = z.object({
  event_id: z.string().optional(),
  operator: z.object({ open_id: z.string().optional() }).partial(),
  action: z.object({
    value: z.unknown().optional(),
    form_value: z.record(z.string(), z.unknown()).optional(),
    name: z.string().optional(),
  }),
  context: z
    .object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() })
    .partial(),
});
export type CardAction = z.infer<typeof cardAction>;

export const botAdded = z.object({
  event_id: z.string().optional(),
  chat_id: z.string(),
  name: z.string().optional(),
  operator_id: z.object({ open_id: z.string().optional() }).partial().optional(),
});
export type BotAdded = z.infer<typeof botAdded>;

/** The response to a card action: a toast, shown at once on the person's phone. */
export function toast(type: "info" | "success" | "error" | "warning", content: string) {
  return { toast: { type, content } };
}
