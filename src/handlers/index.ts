/** Every capability the bot has, registered in one place. */
import type { Capability } from "../bot/core/capability.ts";
import { incidentRules, type Policy } from "../config/policy.ts";
import { bindingCapability } from "./binding/index.ts";
import { dailyCapability } from "./daily/index.ts";
import { digestCapability } from "./digest/index.ts";
import { helpCapability } from "./help/index.ts";
import { incidentCapability } from "./incident/index.ts";
import { instructionCapability } from "./instruction/index.ts";
import { profileCapability } from "./profile/index.ts";
import { queriesCapability } from "./queries/index.ts";
import { statisticsCapability } from "./statistics/index.ts";

/** The capabilities for a loaded policy, each given the part of it it needs. */
export function allCapabilities(policy: Policy): Capability[] {
  const incident = incidentRules(policy);
  const capabilities = [
    incidentCapability(incident),
    // Right after incident: 帮助 lists 查询/进行中/我的上报 where they always stood.
    queriesCapability(incident),
    instructionCapability(incident),
    digestCapability(incident),
    statisticsCapability,
    profileCapability,
    dailyCapability,
    bindingCapability,
  ];
  return [...capabilities, helpCapability(capabilities)];
}
