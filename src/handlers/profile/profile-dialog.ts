/** The 登记 dialog: a person checks the phone number and title the office holds, and the night 加急 wish. */
import { z } from "zod";
import { defineDialog } from "../../bot/core/dialog/definition.ts";
import { profileMessages as M } from "./messages.ts";
import { normalizePhone } from "./phone-number.ts";

export const PROFILE_DIALOG = "profile";

export interface ProfileData extends Record<string, unknown> {
  phone: string | null;
  title: string | null;
  nightUrgent: "yes" | "no";
}

export const profileDialog = defineDialog<ProfileData>({
  id: PROFILE_DIALOG,
  version: 1,
  title: M.dialogTitle,
  confirmLabel: M.confirmLabel,
  steps: [
    {
      id: "phone",
      field: "phone",
      label: M.phoneLabel,
      prompt: (_data, ctx) => M.phonePrompt(ctx.person.phone),
      help: M.phoneHelp,
      optional: true,
      onSkip: (ctx) => ctx.person.phone ?? null,
      parse: normalizePhone,
      schema: z.string().regex(/^1\d{10}$/, M.phoneInvalid),
      format: (value) => String(value),
    },
    {
      id: "title",
      field: "title",
      label: M.titleLabel,
      prompt: (_data, ctx) => M.titlePrompt(ctx.person.title),
      optional: true,
      onSkip: (ctx) => ctx.person.title ?? null,
      schema: z.string().min(1, M.titleInvalid).max(20, M.titleInvalid),
    },
    {
      id: "night",
      field: "nightUrgent",
      label: M.nightLabel,
      prompt: M.nightPrompt,
      choices: [
        { value: "yes", label: M.yes },
        { value: "no", label: M.no },
      ],
    },
  ],
  async complete(ctx, data) {
    const { database, clock } = ctx.services;
    const profile = {
      phone: data.phone,
      title: data.title,
      nightUrgent: data.nightUrgent === "yes",
      confirmedAt: clock.now(),
    };
    await database.personProfile.upsert({
      where: { personId: ctx.person.id },
      create: { personId: ctx.person.id, ...profile },
      update: profile,
    });
    await ctx.reply(M.saved(ctx.person.name));
  },
});
