/**
 * 查询 Y2026-0001: the item card with its timeline and the approved 口径. It shares the word 查询
 * with the incidents' 查询 2026-0042 and 督办's 查询 D2026-0001, and takes only the uses whose
 * number looks like a 舆情 one.
 */
import type { Command } from "../../../bot/core/capability.ts";
import { formatLocalTime, shortLocalTime } from "../../office/time-format.ts";
import { canViewItem } from "../item-access.ts";
import { opinionMessages as O } from "../messages.ts";
import type { OpinionSetting } from "../opinion-parts.ts";
import { OpinionStore } from "../opinion-store.ts";
import { looksLikeOpinionNumber, parseOpinionNumber } from "../rules/opinion-number.ts";
import { itemCard } from "./item-card.ts";
import { opinionQueryMessages as M } from "./messages.ts";

function firstWord(args: string): string {
  return args.trim().split(/\s+/)[0] ?? "";
}

export function itemQueryCommand({ rules, office }: OpinionSetting): Command {
  return {
    names: ["查询", "/query"],
    summary: M.querySummary,
    owns: (_ctx, args) => looksLikeOpinionNumber(firstWord(args)),
    async run(ctx, args) {
      const { database, directory, clock } = ctx.services;
      const typed = firstWord(args);
      const number = parseOpinionNumber(typed);
      const store = new OpinionStore(database);
      const item = number ? await store.byNumber(number) : null;
      if (!item) return ctx.reply(O.unknownNumber(typed));
      if (!canViewItem(ctx.person, item)) return ctx.reply(M.notAllowed(item.number));
      const now = clock.now();
      const unitName = (id: string) => directory.unitName(id);
      const card = itemCard(item, await store.timeline(item.id), {
        now,
        unitName,
        personName: (id) => directory.personName(id),
        // The responsible unit's people are named with their unit (the others by name only).
        unitOf: (id) => (directory.person(id)?.unit === item.unitId ? unitName(item.unitId) : undefined),
        levelName: (id) => rules.levels.find((l) => l.id === id)?.name,
        fullTime: (at) => formatLocalTime(at, office.timezone),
        time: (at) => shortLocalTime(at, now, office.timezone),
      });
      await ctx.reply({ card });
    },
  };
}
