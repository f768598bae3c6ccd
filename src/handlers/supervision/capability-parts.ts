import type { Capability } from "../../bot/core/capability.ts";

/** What each sub-folder of the 督查督办 capability contributes (commands, actions, dialogs, jobs, timers). */
export type CapabilityParts = Omit<Capability, "name">;
