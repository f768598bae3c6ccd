/** `提醒 暂停 3天` / `提醒 恢复`: a director pauses or resumes the daily reminders of the group it is said in. */
import type { Command } from "../../bot/core/capability.ts";
import { formatLocalTime } from "../office/time-format.ts";
import { reminderMessages as M } from "./messages.ts";
import { pauseChat, resumeChat } from "./pause-store.ts";
import { parsePauseDuration } from "./rules/pause-duration.ts";

/** `timezone`: the office's, in which the end of a pause is shown. */
export const pauseCommand = (timezone: string): Command => ({
  names: ["提醒"],
  summary: M.pauseSummary,
  async run(ctx, args) {
    if (!ctx.person.roles.includes("director")) return ctx.reply(M.pauseOnlyDirector);
    if (ctx.chat.kind !== "group") return ctx.reply(M.pauseOnlyInGroup);
    const { database, clock } = ctx.services;
    const now = clock.now();
    const [verb = "", ...rest] = args.trim().split(/\s+/);
    if (verb === "恢复" && rest.length === 0)
      return ctx.reply((await resumeChat(database, ctx.chat.id, now)) ? M.resumed : M.notPaused);
    const ms = verb === "暂停" ? parsePauseDuration(rest.join("")) : null;
    if (ms === null) return ctx.reply(M.pauseUsage);
    const until = new Date(now.getTime() + ms);
    await pauseChat(database, ctx.chat.id, ctx.person.id, now, until);
    await ctx.reply(M.paused(formatLocalTime(until, timezone)));
  },
});
