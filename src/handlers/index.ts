/** Every capability the bot has, registered in one place. */
import type { Capability } from "../bot/core/capability.ts";
import { reminderCapability } from "./daily/index.ts";
import { dailyReportCapability } from "./daily/zero-report-capability.ts";
import { digestCapability } from "./digest/index.ts";
import { helpCapability } from "./help/index.ts";
import { incidentCapability } from "./incident/index.ts";
import { instructionCapability } from "./instruction/index.ts";
import { profileCapability } from "./profile/index.ts";
import { statisticsCapability } from "./statistics/index.ts";

export function allCapabilities(): Capability[] {
  const capabilities = [
    incidentCapability,
    instructionCapability,
    digestCapability,
    statisticsCapability,
    profileCapability,
    reminderCapability,
    dailyReportCapability,
  ];
  return [...capabilities, helpCapability(capabilities)];
}
