/**
 * The 批示 dialog, started by the 批示 button on an alert card (or `批示 2026-0042` without text):
 * one step for the text, then the usual summary with 确认批示 / 修改 / 取消. Confirming files the
 * instruction once per submission, however often it is confirmed.
 */
import { defineDialog } from "../../bot/core/dialog/definition.ts";
import type { IncidentPolicy } from "../../config/policy.ts";
import { IncidentStore } from "../incident/incident-store.ts";
import { submitInstruction } from "./give-instruction.ts";
import { namesOf, relayTargets } from "./instruction-audience.ts";
import { incidentSubject } from "./instruction-card.ts";
import { instructionMessages as M } from "./messages.ts";
import { instructionTextSchema } from "./rules/instruction-text.ts";
import { receiptPeople } from "./rules/receipt-people.ts";

/** Dialog id; started with the incident id as its argument. */
export const INSTRUCTION_DIALOG = "instruction.give";

/** The incident (filled from its id at start) and the text the leader types. */
export interface InstructionData extends Record<string, unknown> {
  incidentId: number;
  number: string;
  subject: string;
  unitId: string;
  reporterId: string;
  chatId: string;
  text: string;
}

/** The dialog under the policy's incident rules (without them it has no incident to show, and confirming says so). */
export const instructionDialog = (rules: IncidentPolicy | undefined) =>
  defineDialog<InstructionData>({
    id: INSTRUCTION_DIALOG,
    version: 1,
    title: M.dialogTitle,
    confirmLabel: M.confirmLabel,
    async initial(ctx, args) {
      const { database, directory } = ctx.services;
      const incident = await new IncidentStore(database).byId(Number(args));
      if (!incident || !rules) return {};
      return {
        incidentId: incident.id,
        number: incident.number,
        subject: incidentSubject(incident, rules, directory),
        unitId: incident.unitId,
        reporterId: incident.reporterId,
        chatId: incident.chatId,
      };
    },
    steps: [
      {
        id: "text",
        field: "text",
        label: M.textLabel,
        prompt: (data) => M.textPrompt(data.number ?? "", data.subject ?? ""),
        help: M.textHelp,
        schema: instructionTextSchema,
      },
    ],
    summaryFields(data, ctx) {
      if (data.unitId === undefined || data.reporterId === undefined || data.chatId === undefined) return [];
      const { directory } = ctx.services;
      const incident = { unitId: data.unitId, reporterId: data.reporterId, chatId: data.chatId };
      const chats = relayTargets(directory, incident).map((t) => directory.chatName(t.chatId));
      return [
        { label: M.incidentLabel, value: `${data.number} ${data.subject}` },
        { label: M.relayLabel, value: chats.join("、") },
        {
          label: M.askLabel,
          value: namesOf(directory, receiptPeople(incident, directory.people(), ctx.person.id)) || M.nobody,
        },
      ];
    },
    complete: (ctx, data, submission) =>
      submitInstruction(ctx, rules, {
        incidentId: data.incidentId,
        text: data.text,
        sourceKey: `dialog-${submission.id}`,
      }),
  });
