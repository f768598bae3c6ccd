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
  /** The most bytes one file people send (a scene photo, a short video) may have; default 20 MiB. */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /**
   * An S3-compatible store for people's files instead of DATA_DIR/files, path-style:
   * `http://minio:9000/bucket` (a path after the bucket is a key prefix).
   */
  S3_URL: optionalText.pipe(
    z
      .url({
        protocol: /^https?$/,
        message: "S3_URL 应为 http:// 或 https:// 开头的网址，例如 http://minio:9000/bucket",
      })
      .optional(),
  ),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_REGION: z.string().default("us-east-1"),
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
  /** Feishu/Lark: the adapter starts when both the app id and secret are set. */
  FEISHU_APP_ID: optionalText,
  FEISHU_APP_SECRET: optionalText,
  /** `ws` (long connection, no public URL needed) or `webhook`. */
  FEISHU_MODE: z.enum(["ws", "webhook"]).default("ws"),
  /** `feishu`, `lark` or a base URL. */
  FEISHU_DOMAIN: optionalText,
  FEISHU_ENCRYPT_KEY: optionalText,
  FEISHU_VERIFICATION_TOKEN: optionalText,
  FEISHU_WEBHOOK_PATH: z.string().startsWith("/").default("/feishu/events"),
  /**
   * Serve the webhook (every platform's) on this port, on a server of its own that serves nothing
   * else; the console's port then does not serve it. Unset: the webhook is on the console's port.
   */
  FEISHU_WEBHOOK_PORT: optionalText.pipe(
    z.coerce.number<string | undefined>().int().min(1).max(65535).optional(),
  ),
  /** Address of the webhook port; unset: HOST. */
  FEISHU_WEBHOOK_HOST: optionalText,
  /** Sends per second per chat and per person. */
  FEISHU_RATE_PER_SECOND: z.coerce.number().int().min(1).max(100).default(5),
  /** Sends per second for the whole app. */
  FEISHU_APP_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(50),
  /** How often read receipts are polled; 0 turns polling off. */
  FEISHU_READ_POLL_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Lease of the long-connection holder: a standby takes over within about this long. */
  FEISHU_HOLDER_LEASE_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  /**
   * The web console: `demo` (speak as anyone; loopback HOST only), `signin` (every page and API needs a
   * signed-in person) or `off`. Unset: demo when no platform is configured and HOST is loopback, else signin.
   */
  CONSOLE: z.enum(["demo", "signin", "off"]).optional(),
  /** The console's address as people open it (https://kuaibao.example.gov.cn); its host is accepted, https makes cookies Secure. */
  PUBLIC_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, message: "PUBLIC_URL 应为 http:// 或 https:// 开头的网址" }).optional(),
  ),
  /** Signs the console's session cookie (32 characters or more); unset: generated once and kept in the database. */
  SESSION_SECRET: optionalText.pipe(z.string().min(32, "SESSION_SECRET 至少 32 个字符").optional()),
  /**
   * DingTalk / 政务钉钉: the adapter starts when the client id, secret and robot code are set;
   * DINGTALK_BASE_URL points at a government deployment's OpenAPI (default api.dingtalk.com).
   */
  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  DINGTALK_ROBOT_CODE: optionalText,
  DINGTALK_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: "DINGTALK_BASE_URL 应为 http:// 或 https:// 开头的网址" })
      .optional(),
  ),
  /** The old OpenAPI (contacts by phone): default oapi.dingtalk.com; a 政务钉钉 deployment has its own. */
  DINGTALK_OAPI_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, message: "DINGTALK_OAPI_URL 应为 http:// 或 https:// 开头的网址" })
      .optional(),
  ),
  /** The interactive card template (卡片平台) that draws cards with buttons; unset: cards go as markdown. */
  DINGTALK_CARD_TEMPLATE_ID: optionalText,
  /** OpenAPI calls per second for the whole app (DingTalk's default per API: 20). */
  DINGTALK_APP_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
  /** Robot messages per minute into one group or to one person. */
  DINGTALK_CHAT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(20),
  /** How often read status of alerts in DingTalk groups is polled (已读 n/m); 0 turns it off. */
  DINGTALK_READ_POLL_SECONDS: z.coerce.number().int().min(0).default(60),
  /**
   * WeCom / 政务微信: the adapter starts when the corp id, agent id and secret are set; its callback
   * (token and AES key from 接收消息 → API 接收) is served on WECOM_CALLBACK_PORT. WECOM_BASE_URL points
   * at a 政务微信 deployment (default qyapi.weixin.qq.com).
   */
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText,
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_AES_KEY: optionalText,
  WECOM_BASE_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, message: "WECOM_BASE_URL 应为 http:// 或 https:// 开头的网址" }).optional(),
  ),
  /**
   * Serve WeCom's callback on this port, on a server of its own that serves nothing else (publish
   * only it); unset: on the webhook port (FEISHU_WEBHOOK_PORT) or else the console's port.
   */
  WECOM_CALLBACK_PORT: optionalText.pipe(
    z.coerce.number<string | undefined>().int().min(1).max(65535).optional(),
  ),
  /** Address of the callback port; unset: HOST. */
  WECOM_CALLBACK_HOST: optionalText,
  /** The path set as the app's 接收消息 URL. */
  WECOM_CALLBACK_PATH: z.string().startsWith("/").default("/wecom/callback"),
  /** App messages a minute to one person (WeCom drops more than 30 without an error). */
  WECOM_RATE_PER_PERSON_PER_MINUTE: z.coerce.number().int().min(1).max(30).default(30),
  /** Group message recipients a minute for the whole corp (WeCom: 20 000; a 100-member group counts 100). */
  WECOM_GROUP_RECIPIENTS_PER_MINUTE: z.coerce.number().int().min(1).max(20_000).default(20_000),
  /** Other API calls a minute (WeCom: 10 000 per API and corp). */
  WECOM_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10_000),
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
  const dingtalk = [env.DINGTALK_CLIENT_ID, env.DINGTALK_CLIENT_SECRET, env.DINGTALK_ROBOT_CODE];
  if (dingtalk.some(Boolean) && !dingtalk.every(Boolean))
    ctx.addIssue({
      code: "custom",
      path: ["DINGTALK_ROBOT_CODE"],
      message:
        "钉钉需要同时设置 DINGTALK_CLIENT_ID、DINGTALK_CLIENT_SECRET 和 DINGTALK_ROBOT_CODE（开发者后台 → 应用 → 凭证与基础信息、机器人）",
    });
  const wecom = [env.WECOM_CORP_ID, env.WECOM_AGENT_ID, env.WECOM_SECRET, env.WECOM_TOKEN, env.WECOM_AES_KEY];
  if (wecom.some(Boolean) && !wecom.every(Boolean))
    ctx.addIssue({
      code: "custom",
      path: ["WECOM_AES_KEY"],
      message:
        "企业微信需要同时设置 WECOM_CORP_ID、WECOM_AGENT_ID、WECOM_SECRET、WECOM_TOKEN 和 WECOM_AES_KEY（管理后台 → 应用管理 → 自建应用 → 接收消息）",
    });
  if (Boolean(env.FEISHU_APP_ID) !== Boolean(env.FEISHU_APP_SECRET))
    ctx.addIssue({
      code: "custom",
      path: ["FEISHU_APP_SECRET"],
      message: "飞书需要同时设置 FEISHU_APP_ID 和 FEISHU_APP_SECRET",
    });
  if (
    env.FEISHU_APP_ID &&
    env.FEISHU_MODE === "webhook" &&
    (!env.FEISHU_ENCRYPT_KEY || !env.FEISHU_VERIFICATION_TOKEN)
  )
    ctx.addIssue({
      code: "custom",
      path: ["FEISHU_ENCRYPT_KEY"],
      message:
        "webhook 模式必须设置 FEISHU_ENCRYPT_KEY 和 FEISHU_VERIFICATION_TOKEN（开发者后台 → 事件与回调 → 加密策略）",
    });
  if (env.FEISHU_WEBHOOK_PORT !== undefined && env.FEISHU_WEBHOOK_PORT === env.PORT)
    ctx.addIssue({
      code: "custom",
      path: ["FEISHU_WEBHOOK_PORT"],
      message: "FEISHU_WEBHOOK_PORT 不能与 PORT（控制台端口）相同：webhook 要单独一个端口，才能只公开它",
    });
  if (
    env.WECOM_CALLBACK_PORT !== undefined &&
    (env.WECOM_CALLBACK_PORT === env.PORT || env.WECOM_CALLBACK_PORT === env.FEISHU_WEBHOOK_PORT)
  )
    ctx.addIssue({
      code: "custom",
      path: ["WECOM_CALLBACK_PORT"],
      message: "WECOM_CALLBACK_PORT 不能与 PORT 或 FEISHU_WEBHOOK_PORT 相同：企业微信回调要单独一个端口",
    });
  if (env.WECOM_AES_KEY && !/^[A-Za-z0-9]{43}$/.test(env.WECOM_AES_KEY))
    ctx.addIssue({
      code: "custom",
      path: ["WECOM_AES_KEY"],
      message: "WECOM_AES_KEY 应为 43 位字母或数字（应用 → 接收消息 → EncodingAESKey）",
    });
  if (env.WECOM_AGENT_ID && !/^\d+$/.test(env.WECOM_AGENT_ID))
    ctx.addIssue({
      code: "custom",
      path: ["WECOM_AGENT_ID"],
      message: "WECOM_AGENT_ID 应为数字（应用管理 → 自建应用 → AgentId）",
    });
  if (env.WECHAT_PUPPET === "service" && !env.WECHATY_PUPPET_SERVICE_TOKEN)
    ctx.addIssue({
      code: "custom",
      path: ["WECHATY_PUPPET_SERVICE_TOKEN"],
      message: "WECHAT_PUPPET=service 需要同时设置 WECHATY_PUPPET_SERVICE_TOKEN",
    });
});

export type Env = z.infer<typeof envSchema>;

/** The webhook server's address, when the webhooks have a port of their own. */
/** Feishu runs when both its app credentials are set (the schema refuses one without the other). */
export function dingtalkConfigured(env: Env): boolean {
  return Boolean(env.DINGTALK_CLIENT_ID && env.DINGTALK_CLIENT_SECRET && env.DINGTALK_ROBOT_CODE);
}

export function wecomConfigured(env: Env): boolean {
  return Boolean(
    env.WECOM_CORP_ID && env.WECOM_AGENT_ID && env.WECOM_SECRET && env.WECOM_TOKEN && env.WECOM_AES_KEY,
  );
}

export function feishuConfigured(env: Env): boolean {
  return Boolean(env.FEISHU_APP_ID && env.FEISHU_APP_SECRET);
}

export function webhookAddress(env: Env): { host: string; port: number } | undefined {
  if (env.FEISHU_WEBHOOK_PORT === undefined) return undefined;
  return { host: env.FEISHU_WEBHOOK_HOST ?? env.HOST, port: env.FEISHU_WEBHOOK_PORT };
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${i.path.join(".")}：${i.message}`).join("\n");
  throw new Error(`环境变量有误：\n${problems}`);
}
