/**
 * The 续报 dialog: 补报 of the elements the incident still lacks first, then 进展情况 (required),
 * 目前伤亡 and 新采取的措施 (optional); a summary to confirm; confirming files 续报一, 二 ….
 */
import { defineDialog } from "../../../bot/core/dialog/definition.ts";
import type { CardField } from "../../../bot/core/message.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { formatDurationZh, formatLocalTime } from "../../office/time-format.ts";
import { gradeOf } from "../incident-schedule.ts";
import { ELEMENT_NAMES } from "../messages.ts";
import { nextFollowUpDue } from "../rules/timing.ts";
import type { FollowUpData } from "./follow-up-data.ts";
import { followUpSteps } from "./follow-up-steps.ts";
import { incidentRef, loadIncident, missingElementsOf } from "./incident-ref.ts";
import { followUpMessages as M, reportCardMessages as R } from "./messages.ts";
import { followUpTitle } from "./ordinal.ts";
import { submitFollowUp } from "./submit-follow-up.ts";

export const FOLLOW_UP_DIALOG = "incident.follow-up";

/** The 续报 dialog under the incident rules (follow-up intervals, required elements, time zone). */
export const followUpDialog = (rules: IncidentPolicy) =>
  defineDialog<FollowUpData>({
    id: FOLLOW_UP_DIALOG,
    version: 1,
    title: M.followUpTitle,
    confirmLabel: M.confirmFollowUp,
    steps: followUpSteps(rules),
    async initial(ctx, args) {
      const { incident, text } = await loadIncident(ctx, args);
      const due = nextFollowUpDue(incident.lastReportAt, gradeOf(rules, incident.gradeId));
      return {
        ...incidentRef(incident, ctx),
        missingAtStart: missingElementsOf(incident, rules),
        sequence: incident.followUpCount + 1,
        dueAt: due?.toISOString() ?? null,
        ...(text ? { progress: text } : {}),
      };
    },
    intro(data) {
      const missing = (data.missingAtStart ?? []).map((e) => ELEMENT_NAMES[e]);
      return {
        text: M.followUpIntro(followUpTitle(data.sequence ?? 1), data.number ?? "", data.what ?? "", missing),
      };
    },
    summaryFields(data, ctx) {
      const fields: CardField[] = [
        { label: R.incidentLabel, value: `${data.number ?? ""} ${data.what ?? ""}` },
        { label: R.thisReportLabel, value: followUpTitle(data.sequence ?? 1) },
      ];
      if (data.dueAt) {
        const due = new Date(data.dueAt);
        const late = ctx.services.clock.now().getTime() - due.getTime();
        const dueText = formatLocalTime(due, rules.timezone);
        fields.push({
          label: M.dueField,
          value: late > 0 ? M.dueLate(dueText, formatDurationZh(late)) : M.dueOnTime(dueText),
        });
      }
      return fields;
    },
    complete: (ctx, data, submission) => submitFollowUp(ctx, data, submission, rules),
  });
