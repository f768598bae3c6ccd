/**
 * 舆情 (online public opinion): items registered and alerted (register/), the answer — the
 * responsible unit's 签收, 核实, 口径 and 已回应 with the approvers' 同意发布 and 修改意见 (answer/) —,
 * the leaders' and the duty office's 已阅, 批示, 转突发 and 办结 (oversight/), the clocks: reminders before 核实 and 回应 and escalation after (clocks/), and
 * the lists, 查询, 日报 and 统计 figures (queries/). Its rules are the policy's `opinion:` slice.
 */
import { type Capability, joinParts } from "../../bot/core/capability.ts";
import { answerParts } from "./answer/index.ts";
import { clockParts } from "./clocks/index.ts";
import { deskParts } from "./desk/index.ts";
import { opinionMessages as M } from "./messages.ts";
import { OPINION_ACTION_PREFIX, parseOpinionAction } from "./opinion-actions.ts";
import type { OpinionButton, OpinionParts, OpinionSetting } from "./opinion-parts.ts";
import { oversightParts } from "./oversight/index.ts";
import { queryParts } from "./queries/index.ts";
import { registerParts } from "./register/index.ts";
import { sheetParts } from "./sheets/index.ts";

export function opinionCapability(setting: OpinionSetting): Capability {
  const parts: OpinionParts[] = [
    registerParts(setting),
    answerParts(setting),
    oversightParts(setting),
    clockParts(setting),
    queryParts(setting),
    deskParts(setting),
    sheetParts(setting),
  ];
  const buttons = new Map<string, OpinionButton>();
  for (const part of parts)
    for (const [action, run] of Object.entries(part.buttons ?? {})) if (run) buttons.set(action, run);
  const capability = joinParts("opinion", parts);
  return {
    ...capability,
    actions: [
      ...(capability.actions ?? []),
      {
        prefix: OPINION_ACTION_PREFIX,
        async run(ctx, value) {
          const pressed = parseOpinionAction(value);
          const run = pressed && buttons.get(pressed.action);
          if (!pressed || !run) return ctx.reply(M.staleButton);
          await run(ctx, pressed.itemId);
        },
      },
    ],
  };
}
