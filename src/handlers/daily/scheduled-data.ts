/**
 * What every job started by a schedule receives besides its entry's `data`: which schedule, when
 * it was due, and the chats and roles the entry names. Jobs extend this schema with their own data.
 */
import { z } from "zod";
import { ROLES } from "../../config/org.ts";

export const scheduledDataSchema = z.object({
  scheduleId: z.string(),
  /** ISO instant the schedule was due (its local day is the day the job is for). */
  dueAt: z.iso.datetime({ offset: true }),
  chats: z.array(z.string()).optional(),
  roles: z.array(z.enum(ROLES)).optional(),
});
