/** Settings from the environment (and `.env`): where things are, never the office's rules. */
import { z } from "zod";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

export const envSchema = z.object({
  DATABASE_URL: optionalText,
  REDIS_URL: optionalText,
  DATA_DIR: z.string().default("./data"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ORG_FILE: z.string().default("config/org.yaml"),
  POLICY_FILE: z.string().default("config/policy.yaml"),
  /** Recurring reminders; unset: config/schedules.yaml when it exists, else none. */
  SCHEDULES_FILE: optionalText,
  /** Duty roster (值班表); unset: config/roster.yaml when it exists, else none. */
  ROSTER_FILE: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** `pretty` lines or `json` lines; unset: pretty in a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(["pretty", "json"]).optional(),
  /** BullMQ prefix; by default derived from the database, so two bots on one Redis never share queues. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  /** WeChat: `wechat4u` (web protocol), `service` (needs WECHATY_PUPPET_SERVICE_TOKEN) or `mock` (trying out); unset = no WeChat. */
  WECHAT_PUPPET: z.enum(["wechat4u", "service", "mock"]).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  /** Name of the login session file under DATA_DIR/wechat/. */
  WECHAT_SESSION: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("kuaibao"),
});

/** Settings that only make sense together. */
const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  if (env.WECHAT_PUPPET === "service" && !env.WECHATY_PUPPET_SERVICE_TOKEN)
    ctx.addIssue({
      code: "custom",
      path: ["WECHATY_PUPPET_SERVICE_TOKEN"],
      message: "WECHAT_PUPPET=service 需要同时设置 WECHATY_PUPPET_SERVICE_TOKEN",
    });
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${i.path.join(".")}：${i.message}`).join("\n");
  throw new Error(`环境变量有误：\n${problems}`);
}
