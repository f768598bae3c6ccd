/**
 * 舆情 (online public opinion): items registered (register/), the responsible unit's 签收, 核实,
 * 口径 and 已回应 (unit/), the leaders' and the duty office's 已阅, 批示, 同意发布, 修改意见, 办结 and
 * 转突发 (review/), the clocks: reminders before 核实 and 回应 and escalation after (clocks/), and
 * the lists, 查询, 日报 and 统计 figures (queries/). Its rules are the policy's `opinion:` slice.
 */
import { type Capability, joinParts } from "../../bot/core/capability.ts";
import { clockParts } from "./clocks/index.ts";
import { opinionMessages as M } from "./messages.ts";
import { OPINION_ACTION_PREFIX, parseOpinionAction } from "./opinion-actions.ts";
import type { OpinionButton, OpinionParts, OpinionSetting } from "./opinion-parts.ts";
import { queryParts } from "./queries/index.ts";
import { registerParts } from "./register/index.ts";
import { reviewParts } from "./review/index.ts";
import { unitParts } from "./unit/index.ts";

export function opinionCapability(setting: OpinionSetting): Capability {
  const parts: OpinionParts[] = [
    registerParts(setting),
    unitParts(setting),
    reviewParts(setting),
    clockParts(setting),
    queryParts(setting),
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
