/**
 * The office's own facts, the same for every capability: its name on documents, the time zone its
 * days and clocks are read in (the policy file's `timezone`) and who is on duty on which day (the roster). Built once
 * in `allCapabilities`; a capability that reads either is handed it through its factory.
 */
import type { Directory } from "../../bot/core/directory.ts";
import type { OfficeConfig } from "../../config/load.ts";
import { DutyRoster } from "../../config/roster.ts";
import { officialDocumentMessages } from "./messages.ts";

export interface Office {
  timezone: string;
  /** How its documents name it (发文机关): the policy's `office_name`, or a plain default. */
  name: string;
  /** Who is on duty on which day (empty when the office keeps no roster file). */
  roster: DutyRoster;
}

/** The office of a loaded configuration; people the roster names are found in `directory`. */
export function officeOf(config: Pick<OfficeConfig, "policy" | "roster">, directory: Directory): Office {
  return {
    timezone: config.policy.timezone,
    name: config.policy.office_name ?? officialDocumentMessages.defaultOfficeName,
    roster: new DutyRoster(config.roster ?? [], (ref) => directory.person(ref)?.id),
  };
}
