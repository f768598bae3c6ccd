/** The steps of the 舆情 登记 dialog, declared as data for the dialog engine. */
import { z } from "zod";
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { DialogStep } from "../../../bot/core/dialog/definition.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import { parseEventTime } from "../../incident/understanding/parse-event-time.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { namesOfUnits, offeredUnitList, offeredUnits } from "../../office/unit-choice.ts";
import { readUnitList } from "../../office/unit-names.ts";
import { opinionMessages as O } from "../messages.ts";
import { registerMessages as M } from "./messages.ts";
import type { RegisterData } from "./register-data.ts";
import { findLink, validLink } from "./understanding/link.ts";
import { isNone } from "./understanding/none-words.ts";
import { NO_REACH, parseReach, type Reach } from "./understanding/reach.ts";

/** How far ahead of the clock a found time may be (phones' clocks differ a little). */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_CONTENT = 2000;
const MAX_LINK = 2000;

export const contentSchema = z.string().trim().min(4, M.contentTooShort).max(MAX_CONTENT, M.contentTooLong);

/** A reply to 链接: 无, or an http(s) address (alone, or the first one in the text). */
export function parseLinkReply(text: string): { url: string | null } {
  if (isNone(text)) return { url: null };
  const url = validLink(text) ?? findLink(text)?.url ?? null;
  if (!url || url.length > MAX_LINK) throw new Error(M.linkInvalid);
  return { url };
}

/** A reply to 责任单位: one unit by number (into the offered list) or by name. */
export function parseUnitReply(text: string, ctx: ConversationContext): string {
  const { directory } = ctx.services;
  const offered = offeredUnits(directory);
  const { unitIds, unknown } = readUnitList(text, offered, namesOfUnits(directory));
  if (unknown.length > 0) throw new Error(M.unitUnknown(unknown.join("、"), offered.length));
  if (unitIds.length === 0) throw new Error(M.unitEmpty);
  if (unitIds.length > 1) throw new Error(M.unitOnlyOne);
  return unitIds[0] as string;
}

/** A reply to 发现时间: a time no later than now (ISO). */
export function parseFoundReply(text: string, ctx: ConversationContext, timeZone: string): string {
  const now = ctx.services.clock.now();
  const written = text.trim();
  const result = parseEventTime(written, now, timeZone);
  if (!result.ok) throw new Error(M.foundUnknown(written));
  if (result.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new Error(M.foundFuture(written));
  return result.at.toISOString();
}

/** A reply to 传播情况: 无, or counts. */
export function parseReachReply(text: string): Reach {
  if (isNone(text)) return { ...NO_REACH };
  const reach = parseReach(text);
  if (!reach) throw new Error(M.reachUnknown);
  return reach;
}

export function reachDisplay(reach: Reach | null | undefined): string {
  return (reach && M.reachText(reach)) || M.reachNone;
}

export const registerSteps = (rules: OpinionPolicy, timeZone: string): DialogStep<RegisterData>[] => [
  {
    id: "source",
    field: "source",
    label: M.sourceLabel,
    prompt: M.sourcePrompt,
    help: M.sourceHelp,
    choices: () => O.sources.map((s) => ({ value: s, label: s })),
  },
  {
    id: "link",
    field: "link",
    label: M.linkLabel,
    prompt: M.linkPrompt,
    help: M.linkHelp,
    optional: true,
    onSkip: () => ({ url: null }),
    parse: parseLinkReply,
    format: (value) => (value as RegisterData["link"]).url ?? M.noLink,
  },
  {
    id: "content",
    field: "content",
    label: M.contentLabel,
    prompt: M.contentPrompt,
    help: M.contentHelp,
    schema: contentSchema,
  },
  {
    id: "unit",
    field: "unitId",
    label: M.unitLabel,
    prompt: (_data, ctx) => M.unitPrompt(offeredUnitList(ctx.services.directory)),
    help: M.unitHelp,
    parse: parseUnitReply,
    format: (value, _data, ctx) => ctx.services.directory.unitName(String(value)),
  },
  {
    id: "found",
    field: "foundAt",
    label: M.foundLabel,
    prompt: M.foundPrompt,
    help: M.foundHelp,
    parse: (text, ctx) => parseFoundReply(text, ctx, timeZone),
    format: (value) => deadlineText(new Date(String(value)), timeZone),
  },
  {
    id: "reach",
    field: "reach",
    label: M.reachLabel,
    prompt: M.reachPrompt,
    help: M.reachHelp,
    optional: true,
    onSkip: () => ({ ...NO_REACH }),
    parse: parseReachReply,
    format: (value) => reachDisplay(value as Reach),
  },
  {
    id: "level",
    field: "levelId",
    label: M.levelLabel,
    prompt: M.levelPrompt,
    help: M.levelHelp,
    choices: () => rules.levels.map((l) => ({ value: l.id, label: l.name })),
  },
];
