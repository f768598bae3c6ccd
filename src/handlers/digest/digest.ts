/**
 * 日报 on demand (leaders, duty officers, directors; in the chat asked) and the `digest` job a
 * schedule runs (to the chats its data names), both covering what happened since the last
 * scheduled digest. A re-run job covers the same window and its sends carry the same keys.
 */
import type { Command, JobHandler } from "../../bot/core/capability.ts";
import type { Card } from "../../bot/core/message.ts";
import type { BotServices } from "../../bot/core/services.ts";
import type { OpinionPolicy } from "../../config/opinion-policy.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { incidentMessages } from "../incident/messages.ts";
import { jobTargetChats, scheduledSendSchema } from "../office/target-chats.ts";
import { shortLocalTime } from "../office/time-format.ts";
import { opinionDigestFields } from "../opinion/queries/digest-section.ts";
import { loadTaskDigestFacts } from "../supervision/queries/task-digest-facts.ts";
import { taskDigestFields } from "../supervision/queries/task-digest-fields.ts";
import { digestCard } from "./digest-card.ts";
import { loadDigestFacts } from "./digest-facts.ts";
import { digestRunOf, lastDigestAt, recordDigestRun } from "./digest-runs.ts";
import { type DigestWindow, digestWindow } from "./digest-window.ts";
import { digestMessages as M } from "./messages.ts";

export const DIGEST_JOB = "digest";

/** The digest card for a window, or null when the policy has no incident rules; `opinion`: the 舆情 rules. */
export async function buildDigest(
  services: BotServices,
  policy: IncidentPolicy | undefined,
  window: DigestWindow,
  opinion?: OpinionPolicy,
): Promise<Card | null> {
  if (!policy) return null;
  const tz = policy.timezone;
  const [facts, tasks, opinions] = await Promise.all([
    loadDigestFacts(services.database, tz, window),
    loadTaskDigestFacts(services.database, window.to, tz),
    opinion ? opinionDigestFields(services, opinion, tz, window) : [],
  ]);
  const card = digestCard(facts, { policy, directory: services.directory, now: window.to });
  // The 督办 section (今日到期, 逾期, 待确认办结) after the incident sections, then 舆情 (新增, 在办, 回应超时).
  const unitName = (id: string) => services.directory.unitName(id);
  const time = (at: Date) => shortLocalTime(at, window.to, tz);
  return {
    ...card,
    fields: [...card.fields, ...taskDigestFields(tasks, { now: window.to, unitName, time }), ...opinions],
  };
}

/** 日报 for the policy's incident rules (without them it answers that reporting is not configured). */
export const digestCommand = (policy: IncidentPolicy | undefined, opinion?: OpinionPolicy): Command => ({
  names: ["日报", "汇总", "/digest"],
  summary: M.summary,
  roles: ["leader", "duty", "director"],
  async run(ctx) {
    const { database, clock } = ctx.services;
    const window = digestWindow(await lastDigestAt(database), clock.now());
    const card = await buildDigest(ctx.services, policy, window, opinion);
    await ctx.reply(card ? { card } : incidentMessages.notConfigured);
  },
});

/** The scheduled digest for the policy's incident rules (without them it sends nothing). */
export const digestJob = (
  policy: IncidentPolicy | undefined,
  opinion?: OpinionPolicy,
): JobHandler<typeof scheduledSendSchema> => ({
  name: DIGEST_JOB,
  schema: scheduledSendSchema,
  async run(ctx, data) {
    const { database, clock, log } = ctx.services;
    // Every unit's incidents are in a digest: a unit's work group (its clerks) does not get one.
    const chatIds = jobTargetChats(ctx, data.chats, { withoutUnitGroups: true });
    const earlier = await digestRunOf(database, ctx.key);
    const window = earlier
      ? { from: earlier.windowFrom, to: earlier.sentAt }
      : digestWindow(await lastDigestAt(database), clock.now());
    const card = await buildDigest(ctx.services, policy, window, opinion);
    if (!card) {
      log.warn({ job: DIGEST_JOB, key: ctx.key }, "digest: the policy has no incident rules");
      return;
    }
    // Recorded before sending: a crash in between re-runs with the same window and the same send keys.
    await recordDigestRun(database, {
      key: ctx.key,
      chats: chatIds,
      windowFrom: window.from,
      sentAt: window.to,
    });
    for (const chatId of chatIds) await ctx.send(chatId, { card });
  },
});
