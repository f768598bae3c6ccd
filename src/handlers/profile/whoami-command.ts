/** 我是谁: what the office holds about the person asking. */
import type { Command } from "../../bot/core/capability.ts";
import { formatLocalTime } from "../office/time-format.ts";
import { profileMessages as M, ROLE_NAMES } from "./messages.ts";

/** `timezone`: the office's, in which the time of the last 登记 is shown. */
export const whoamiCommand = (timezone: string): Command => ({
  names: ["我是谁", "/whoami", "/我是谁"],
  summary: M.whoamiSummary,
  async run(ctx) {
    const { person, services } = ctx;
    const profile = await services.database.personProfile.findUnique({ where: { personId: person.id } });
    await ctx.reply({
      card: {
        title: M.whoamiTitle,
        fields: [
          { label: M.nameLabel, value: person.name },
          { label: M.unitLabel, value: services.directory.unitName(person.unit) },
          { label: M.titleLabel, value: profile?.title ?? person.title ?? "—" },
          { label: M.rolesLabel, value: person.roles.map((r) => ROLE_NAMES[r]).join("、") },
          { label: M.phoneLabel, value: profile?.phone ?? person.phone ?? "—" },
          {
            label: M.confirmedLabel,
            value: profile
              ? M.confirmedAt(
                  formatLocalTime(profile.confirmedAt, timezone),
                  profile.nightUrgent ? M.yes : M.no,
                )
              : M.notConfirmed,
          },
        ],
        buttons: [],
      },
    });
  },
});
