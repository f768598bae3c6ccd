/** 我是谁: what the office holds about the person asking. */
import type { Command } from "../../bot/core/capability.ts";
import { formatLocalTime } from "../office/time-format.ts";
import { profileMessages as M, ROLE_NAMES } from "./messages.ts";

export const whoamiCommand: Command = {
  names: ["我是谁", "/whoami", "/我是谁"],
  summary: M.whoamiSummary,
  async run(ctx) {
    const { person, services } = ctx;
    const profile = await services.prisma.personProfile.findUnique({ where: { personId: person.id } });
    await ctx.reply({
      card: {
        title: M.whoamiTitle,
        fields: [
          { label: "姓名", value: person.name },
          { label: "单位", value: services.directory.unitName(person.unit) },
          { label: "职务", value: profile?.title ?? person.title ?? "—" },
          { label: "角色", value: person.roles.map((r) => ROLE_NAMES[r]).join("、") },
          { label: "手机号", value: profile?.phone ?? person.phone ?? "—" },
          {
            label: "登记",
            value: profile
              ? `${formatLocalTime(profile.confirmedAt, services.policy.timezone)}（夜间加急：${profile.nightUrgent ? M.yes : M.no}）`
              : M.notConfirmed,
          },
        ],
        buttons: [],
      },
    });
  },
};
