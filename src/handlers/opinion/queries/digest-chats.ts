/**
 * The chats the 舆情日报 goes to, as its schedule entry names them: a group id (`leaders`), a group
 * name (`县领导群`), or a purpose (`leaders`, `duty`: every group with it); without names, the duty
 * and leaders' groups. Units' work groups are left out: the 舆情日报 covers every unit's items.
 */
import type { Directory, GroupPurpose } from "../../../bot/core/directory.ts";
import { alertChats } from "../../office/audience.ts";

const PURPOSES: readonly GroupPurpose[] = ["leaders", "duty"];

export interface DigestChats {
  chatIds: string[];
  /** Names that matched nothing, or named a unit's work group (for the log). */
  skipped: string[];
}

export function digestChats(directory: Directory, names: readonly string[] | undefined): DigestChats {
  if (!names || names.length === 0) return { chatIds: alertChats(directory), skipped: [] };
  const chatIds: string[] = [];
  const skipped: string[] = [];
  const add = (id: string) => {
    if (!chatIds.includes(id)) chatIds.push(id);
  };
  for (const name of names) {
    const chat = directory.chat(name);
    const purpose = PURPOSES.find((p) => p === name);
    const ids = chat ? [chat.id] : purpose ? directory.groupsWithPurpose(purpose).map((c) => c.id) : [];
    const kept = ids.filter((id) => directory.chat(id)?.group?.purpose !== "unit");
    if (kept.length === 0) skipped.push(name);
    for (const id of kept) add(id);
  }
  return { chatIds, skipped };
}
