/** Every capability the bot has, registered in one place. */
import type { Capability } from "../bot/core/capability.ts";
import type { Directory } from "../bot/core/directory.ts";
import type { OfficeConfig } from "../config/load.ts";
import { DEFAULT_OPINION_ESCALATION } from "../config/opinion-policy.ts";
import { incidentRules } from "../config/policy.ts";
import { bindingCapability } from "./binding/index.ts";
import { dailyCapability } from "./daily/index.ts";
import { deskCapability } from "./desk/index.ts";
import { digestCapability } from "./digest/index.ts";
import { helpCapability } from "./help/index.ts";
import { incidentCapability } from "./incident/index.ts";
import { instructionCapability } from "./instruction/index.ts";
import { officeOf } from "./office/office.ts";
import { opinionCapability } from "./opinion/index.ts";
import { profileCapability } from "./profile/index.ts";
import { queriesCapability } from "./queries/index.ts";
import { statisticsCapability } from "./statistics/index.ts";
import { supervisionCapability } from "./supervision/index.ts";

/**
 * The capabilities for a loaded configuration, each given the part of it it needs: the incident
 * rules, the zero-report rule, and the office's time zone and roster (people named in the roster
 * are found in `directory`).
 */
export function allCapabilities(config: OfficeConfig, directory: Directory): Capability[] {
  const { policy } = config;
  const incident = incidentRules(policy);
  const office = officeOf(config, directory);
  const capabilities = [
    incidentCapability(incident, office),
    // Right after incident: 帮助 lists 查询/进行中/我的上报 where they always stood.
    queriesCapability(incident),
    instructionCapability(incident, office.timezone),
    digestCapability(incident, policy.opinion),
    statisticsCapability(office.timezone, office.name, incident),
    profileCapability(office.timezone),
    dailyCapability({ ...office, zeroReport: config.schedules?.zeroReport }),
    supervisionCapability(policy.tasks, office, incident),
    opinionCapability({
      rules: policy.opinion,
      office,
      escalation: policy.opinion.escalation ?? policy.escalation ?? DEFAULT_OPINION_ESCALATION,
      incident,
    }),
    bindingCapability,
    deskCapability(office),
  ];
  return [...capabilities, helpCapability(capabilities)];
}
