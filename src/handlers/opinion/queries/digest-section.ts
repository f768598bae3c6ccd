/**
 * The 舆情 section as the 日报 and the 舆情日报 show it, read and written for a window: 新增 in the
 * window, 在办 and 回应超时 as of its end. Reporting (digest/) reads it one way.
 */
import type { CardField } from "../../../bot/core/message.ts";
import type { BotServices } from "../../../bot/core/services.ts";
import type { OpinionPolicy } from "../../../config/opinion-policy.ts";
import { deadlineText } from "../../office/deadline-text.ts";
import { shortLocalTime } from "../../office/time-format.ts";
import { levelOf } from "../rules/opinion-level.ts";
import { loadItemDigestFacts } from "./item-digest-facts.ts";
import { itemDigestFields } from "./item-digest-fields.ts";

export async function opinionDigestFields(
  services: Pick<BotServices, "database" | "directory">,
  rules: OpinionPolicy,
  timezone: string,
  window: { from: Date; to: Date },
): Promise<CardField[]> {
  const facts = await loadItemDigestFacts(services.database, window);
  return itemDigestFields(facts, {
    now: window.to,
    unitName: (id) => services.directory.unitName(id),
    levelName: (id) => levelOf(rules, id).name,
    time: (at) => shortLocalTime(at, window.to, timezone),
    deadline: (at) => deadlineText(at, timezone),
  });
}
