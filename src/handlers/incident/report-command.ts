/** 上报 / /report: starts the 首报 dialog, guided or from a paragraph written after the command. */
import type { Command } from "../../bot/core/capability.ts";
import { FIRST_REPORT_DIALOG } from "./first-report/first-report-dialog.ts";
import { incidentMessages as M } from "./messages.ts";

export const reportCommand: Command = {
  names: ["上报", "/report", "/上报", "首报"],
  summary: M.reportSummary,
  async run(ctx, args) {
    const group = ctx.chat.group;
    if (group && group.purpose === "unit" && group.unit !== ctx.person.unit) return ctx.reply(M.unknownChat);
    await ctx.startDialog(FIRST_REPORT_DIALOG, args);
  },
};
