/** Types of the incident capability shared by its rules, dialogs and jobs. */
import type { z } from "zod";
import type { gradeSchema } from "../../config/incident-policy.ts";

export type Grade = z.output<typeof gradeSchema>;
