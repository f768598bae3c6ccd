/** The office's org file (config/org.yaml): units, people, roles and groups. */
import { z } from "zod";

export const ROLES = ["reporter", "duty", "director", "leader", "admin"] as const;
export type Role = (typeof ROLES)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "只能用小写字母、数字、- 和 _");

export const unitSchema = z.object({ id, name: z.string().min(1) }).strict();

export const personSchema = z
  .object({
    id,
    name: z.string().min(1),
    unit: id,
    title: z.string().optional(),
    roles: z.array(z.enum(ROLES)).min(1),
    phone: z
      .string()
      .regex(/^1\d{10}$/, "手机号应为 11 位数字")
      .optional(),
    feishu: z.object({ open_id: z.string().optional(), user_id: z.string().optional() }).strict().optional(),
    wechat: z.object({ name: z.string().optional(), alias: z.string().optional() }).strict().optional(),
    /** DingTalk / 政务钉钉: the person's userId (staffId) or unionId; else found by phone through the contacts API. */
    dingtalk: z
      .object({ user_id: z.string().optional(), union_id: z.string().optional() })
      .strict()
      .optional(),
    /** WeCom / 政务微信: the person's userid; else found by phone. */
    wecom: z.object({ userid: z.string().optional() }).strict().optional(),
  })
  .strict();

export const groupSchema = z
  .object({
    id,
    name: z.string().min(1),
    unit: id.optional(),
    purpose: z.enum(["unit", "leaders", "duty"]),
    members: z.array(id).default([]),
    feishu: z.object({ chat_id: z.string() }).strict().optional(),
    wechat: z.object({ topic: z.string().optional(), room_id: z.string().optional() }).strict().optional(),
    /** DingTalk: the group's openConversationId (or bound with 绑定). */
    dingtalk: z.object({ open_conversation_id: z.string() }).strict().optional(),
    /** WeCom: the chatid of a group chat the app created (appchat), or bound with 绑定. */
    wecom: z.object({ chatid: z.string() }).strict().optional(),
  })
  .strict();

export const orgSchema = z
  .object({
    bot: z.object({ name: z.string().min(1) }).strict(),
    units: z.array(unitSchema).min(1),
    people: z.array(personSchema).min(1),
    groups: z.array(groupSchema).default([]),
  })
  .strict()
  .superRefine((org, ctx) => {
    const unitIds = new Set(org.units.map((u) => u.id));
    const personIds = new Set<string>();
    const names = new Set<string>();
    org.people.forEach((p, i) => {
      if (personIds.has(p.id))
        ctx.addIssue({ code: "custom", path: ["people", i, "id"], message: `人员 id 重复：${p.id}` });
      if (names.has(p.name))
        ctx.addIssue({ code: "custom", path: ["people", i, "name"], message: `人员姓名重复：${p.name}` });
      personIds.add(p.id);
      names.add(p.name);
      if (!unitIds.has(p.unit))
        ctx.addIssue({ code: "custom", path: ["people", i, "unit"], message: `没有这个单位：${p.unit}` });
    });
    const groupKeys = new Set<string>();
    org.groups.forEach((g, i) => {
      for (const key of [g.id, g.name]) {
        if (groupKeys.has(key))
          ctx.addIssue({ code: "custom", path: ["groups", i], message: `群 id 或名称重复：${key}` });
        groupKeys.add(key);
      }
      if (g.unit && !unitIds.has(g.unit))
        ctx.addIssue({ code: "custom", path: ["groups", i, "unit"], message: `没有这个单位：${g.unit}` });
      if (g.purpose === "unit" && !g.unit)
        ctx.addIssue({
          code: "custom",
          path: ["groups", i, "unit"],
          message: "单位工作群必须写明所属单位 unit",
        });
      g.members.forEach((m, j) => {
        if (!personIds.has(m))
          ctx.addIssue({ code: "custom", path: ["groups", i, "members", j], message: `没有这个人员：${m}` });
      });
    });
  });

export type Org = z.infer<typeof orgSchema>;
export type Person = Org["people"][number];
export type Unit = Org["units"][number];
export type Group = Org["groups"][number];
