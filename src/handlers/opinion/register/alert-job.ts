/**
 * `opinion.alert`: brings a newly registered 舆情 item to the duty groups and the leaders' groups
 * (已阅, 批示, 转突发) and to the responsible unit — its group mentioning its directors and
 * reporters, or one to one — (签收, 核实, 口径, 已回应, 转突发). An urgent level makes it 加急: to
 * today's duty people in the duty group, to the leaders escalation would reach first in the
 * leaders' group, and to the unit's people. Then the item is marked alerted with its timeline step.
 * Every send is keyed by the job in a fixed order, so a job run again after a crash posts once; an
 * item already alerted, closed or gone is left.
 */
import { z } from "zod";
import type { JobHandler } from "../../../bot/core/capability.ts";
import { alertLeaders } from "../../office/alert-leaders.ts";
import { dutyChats, leaderChats } from "../../office/audience.ts";
import { onDutyAt } from "../../office/on-duty.ts";
import { reachWholeUnit } from "../../office/unit-reach.ts";
import { OPINION_JOBS } from "../item-timers.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import { levelOf } from "../rules/opinion-level.ts";
import { alertCard } from "./alert-card.ts";
import { registerMessages as M } from "./messages.ts";

const schema = z.object({ itemId: z.number().int() });

export const alertJob = ({ rules, office, escalation }: OpinionSetting): JobHandler<typeof schema> => ({
  name: OPINION_JOBS.alert,
  label: M.alertJobLabel,
  schema,
  async run(ctx, { itemId }) {
    const { database, directory, clock } = ctx.services;
    const store = new OpinionStore(database);
    const item = await store.byId(itemId);
    if (item?.status !== "open" || item.closedAt || item.alertedAt) return;
    const now = clock.now();
    const { urgent } = levelOf(rules, item.levelId);
    const onDuty = onDutyAt(office, directory, now);
    const leaders = urgent ? alertLeaders(escalation, directory.people(), item.unitId, onDuty) : [];
    const tz = office.timezone;
    const oversight = alertCard(item, "oversight", rules, directory, tz);
    const unitCard = alertCard(item, "unit", rules, directory, tz);
    const sends: { chatId: string; card: typeof oversight; mentions: string[] }[] = [
      ...dutyChats(directory).map((chatId) => ({
        chatId,
        card: oversight,
        mentions: directory.membersAmong(chatId, onDuty.duty.people),
      })),
      ...leaderChats(directory).map((chatId) => ({
        chatId,
        card: oversight,
        mentions: directory.membersAmong(chatId, leaders),
      })),
      ...reachWholeUnit(directory, item.unitId).map((d) => ({ ...d, card: unitCard })),
    ];
    for (const send of sends)
      await ctx.send(send.chatId, {
        card: send.card,
        mentions: send.mentions,
        urgentTo: urgent ? send.mentions : [],
      });
    await store.updateIf(
      item.id,
      { alertedAt: null, status: "open" },
      { alertedAt: now },
      {
        kind: "alerted",
        at: now,
        actorId: null,
        detail: {
          chats: sends.map((s) => s.chatId),
          urgent,
          urgentTo: urgent ? sends.flatMap((s) => s.mentions) : [],
        },
      },
    );
  },
});
