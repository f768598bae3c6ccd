/** What the 舆情 登记 dialog collects (dialog state is JSON: times are ISO strings). */
import type { DialogData } from "../../../bot/core/dialog/definition.ts";
import type { Reach } from "./understanding/reach.ts";

export interface RegisterData extends DialogData {
  /** One of `sources` (../messages.ts). */
  source: string;
  /** The post's address as written, or none (an object, so that "no link" is an answer, not a gap). */
  link: { url: string | null };
  content: string;
  unitId: string;
  /** When it was found (ISO). */
  foundAt: string;
  reach: Reach;
  /** The policy's level id. */
  levelId: string;
  /** The paragraph the dialog was started from, as written. */
  paragraph?: string;
  /** What the paragraph said that could not be taken, for the 识别 card. */
  notes?: { label: string; value: string }[];
}
