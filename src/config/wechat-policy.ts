/**
 * The WeChat part of the policy file (`wechat:` in config/policy.yaml): how fast the bot may post
 * (WeChat punishes bursts), how urgent messages are repeated, and which words in a group reach the
 * bot without an @-mention. Every key has a default, so the section may be left out.
 */
import { z } from "zod";
import { durationSchema, parseDuration } from "./duration.ts";
import type { Policy } from "./policy.ts";

/** A gap may be switched off with `0s`; durations are otherwise positive. */
const gapSchema = z.string().transform((text, ctx) => {
  if (/^0[smhd]?$/.test(text.trim())) return 0;
  const ms = parseDuration(text);
  if (ms !== null) return ms;
  ctx.addIssue({ code: "custom", message: `时长格式不对：「${text}」，应写成 0s、3s、1m 这样` });
  return z.NEVER;
});

export const wechatPolicySchema = z
  .object({
    pace: z
      .object({
        /** Minimum gap between two posts in one room (or one-to-one chat). */
        room_gap: gapSchema.prefault("3s"),
        /** Minimum gap between any two posts of the account. */
        overall_gap: gapSchema.prefault("1s"),
        /** A random extra wait up to this much, so posts do not come like a metronome. */
        jitter: gapSchema.prefault("1s"),
      })
      .strict()
      .prefault({}),
    urgent: z
      .object({
        /** Repeat an urgent message to those who have not replied after this long. */
        repeat_every: durationSchema.prefault("10m"),
        /** How many times at most; 0 turns repetition off. */
        repeat_limit: z.number().int().min(0).max(10).default(2),
      })
      .strict()
      .prefault({}),
    /** Longest text in one WeChat message; longer texts are split between lines. */
    max_message_chars: z.number().int().min(200).max(5000).default(1500),
    /** Group messages starting with these words reach the bot without @ (confirmations). */
    group_words: z.array(z.string().min(1)).default(["收到", "已收到", "已阅"]),
  })
  .strict();

export type WechatPolicy = z.infer<typeof wechatPolicySchema>;

/** The WeChat settings of a loaded policy, or a Chinese error naming the wrong key. */
export function wechatPolicy(policy: Policy): WechatPolicy {
  const raw = (policy as Record<string, unknown>).wechat ?? {};
  const result = wechatPolicySchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - wechat.${i.path.join(".")}：${i.message}`).join("\n");
  throw new Error(`策略文件的微信设置有误：\n${problems}`);
}
