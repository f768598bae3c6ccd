/**
 * 已读 3/5: how many of the people in each chat have read the incident's alert and the relayed
 * instructions, from `SentMessage` (filled on platforms with read receipts — Feishu; empty on
 * the others, and then 查询 shows nothing about reads).
 */

import type { BotServices } from "../../bot/core/services.ts";
import { sentUnder } from "../incident/alert-sends.ts";
import { alertJobKey } from "../incident/incident-schedule.ts";
import type { Incident } from "../incident/incident-store.ts";
import { relayKey } from "../instruction/instruction-schedule.ts";
import { queryMessages as M } from "./messages.ts";

export async function readCountLines(
  services: Pick<BotServices, "database" | "directory">,
  incident: Pick<Incident, "id">,
  instructionIds: readonly number[],
): Promise<string[]> {
  const sources = [
    { label: M.readAlert, prefix: `${alertJobKey(incident)}-` },
    ...instructionIds.map((id) => ({ label: M.readInstruction, prefix: `${relayKey(id)}-` })),
  ];
  // One query for the alert and every instruction; lines keep the sources' order.
  const all = await sentUnder(
    services.database,
    sources.map((s) => s.prefix),
  );
  const lines: string[] = [];
  for (const source of sources) {
    const rows = all.filter((row) => row.idempotencyKey.startsWith(source.prefix));
    for (const { chatId, readBy, recipients } of rows) {
      if (recipients.length === 0) continue;
      lines.push(
        M.readLine(source.label, services.directory.chatName(chatId), readBy.length, recipients.length),
      );
    }
  }
  return lines;
}
