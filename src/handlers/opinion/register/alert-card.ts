/**
 * THE ALERT CARD of a 舆情 item: 【舆情】Y2026-0001（重大） with 来源, 链接 (as text), 内容, 责任单位,
 * 发现时间, 传播, 核实时限, 回应时限 and 登记人. The duty office and the leaders get 已阅, 批示 and
 * 转突发; the responsible unit gets 签收, 核实, 口径, 已回应 and 转突发. Pure: everything is an input.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import type { Card, CardField } from "../../../bot/core/message.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { opinionMessages as O } from "../messages.ts";
import { type OpinionAction, opinionActionValue } from "../opinion-actions.ts";
import type { OpinionItem } from "../opinion-types.ts";
import { levelOf } from "../rules/opinion-level.ts";
import { registerMessages as M } from "./messages.ts";

/** Who the card is for: the duty office and the leaders, or the responsible unit. */
export type AlertAudience = "oversight" | "unit";

export const ALERT_ACTIONS: Record<AlertAudience, readonly OpinionAction[]> = {
  oversight: ["read", "instruct", "convert"],
  unit: ["sign", "verify", "draft", "respond", "convert"],
};

const TONES = ["red", "orange", "yellow", "blue"] as const;

/** `孙值班（值班员）` */
export function personLabel(directory: Directory, personId: string): string {
  const person = directory.person(personId);
  if (!person) return personId;
  return person.title ? `${person.name}（${person.title}）` : person.name;
}

/** The item's facts as the alert shows them. */
export function alertFields(item: OpinionItem, directory: Directory, timeZone: string): CardField[] {
  const reach = M.reachText({ reads: item.reads, reposts: item.reposts, comments: item.comments });
  return [
    { label: M.cardSource, value: item.source },
    ...(item.link ? [{ label: M.cardLink, value: item.link }] : []),
    { label: M.cardContent, value: item.content },
    { label: M.cardUnit, value: directory.unitName(item.unitId) },
    { label: M.cardFound, value: deadlineText(item.foundAt, timeZone) },
    ...(reach ? [{ label: M.cardReach, value: reach }] : []),
    { label: M.cardVerifyDue, value: deadlineText(item.verifyDueAt, timeZone) },
    { label: M.cardRespondDue, value: deadlineText(item.respondDueAt, timeZone) },
    { label: M.cardRegistrant, value: personLabel(directory, item.registeredBy) },
  ];
}

export function alertCard(
  item: OpinionItem,
  audience: AlertAudience,
  rules: OpinionPolicy,
  directory: Directory,
  timeZone: string,
): Card {
  const level = levelOf(rules, item.levelId);
  const rank = Math.max(0, rules.levels.indexOf(level));
  const unit = audience === "unit";
  return {
    title: M.alertTitle(O.heading(item.number), level.name),
    tone: level.urgent ? "red" : (TONES[Math.min(rank + 1, TONES.length - 1)] ?? "blue"),
    fields: alertFields(item, directory, timeZone),
    buttons: ALERT_ACTIONS[audience].map((action) => ({
      label: O.buttons[action as keyof typeof O.buttons],
      action: opinionActionValue(action, item.id),
    })),
    note: unit
      ? M.cardUnitNote(deadlineText(item.verifyDueAt, timeZone), deadlineText(item.respondDueAt, timeZone))
      : M.cardOversightNote,
    ...(unit ? { typedReplies: M.cardUnitTyped(item.number) } : {}),
  };
}
