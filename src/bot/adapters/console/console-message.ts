/** The console's message as its page and JSON API see it. */

import type { Directory } from "../../core/directory.ts";
import type { Card, OutboundFile } from "../../core/message.ts";
import { stringList } from "../../core/string-list.ts";

export interface ConsoleMessageDto {
  id: number;
  chat: string;
  chatName: string;
  /** Person id; null for the bot. */
  sender: string | null;
  senderName: string;
  kind: "text" | "card";
  text: string;
  card: Card | null;
  /** Names of the people mentioned. */
  mentions: string[];
  urgent: boolean;
  /** Names of the people the message was sent to as urgent. */
  urgentTo: string[];
  /** Photos and files with the message; `url` serves the bytes to whoever may read the chat. */
  files: ConsoleFileDto[];
  time: string;
}

export interface ConsoleFileDto {
  kind: OutboundFile["kind"];
  name: string;
  mimeType: string;
  url: string;
}

export interface ConsoleMessageRow {
  id: number;
  chatId: string;
  senderId: string | null;
  kind: string;
  text: string;
  card: unknown;
  mentions: unknown;
  urgentTo: unknown;
  files: unknown;
  createdAt: Date;
}

/** The files stored with a console message (its `files` column), as far as they are well formed. */
export function storedFiles(value: unknown): OutboundFile[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is OutboundFile =>
      typeof f === "object" &&
      f !== null &&
      typeof (f as OutboundFile).fileKey === "string" &&
      typeof (f as OutboundFile).name === "string",
  );
}

export function toDto(row: ConsoleMessageRow, directory: Directory): ConsoleMessageDto {
  const names = (ids: unknown) => stringList(ids).map((id) => directory.personName(id));
  const urgentTo = names(row.urgentTo);
  return {
    id: row.id,
    chat: row.chatId,
    chatName: directory.chatName(row.chatId),
    sender: row.senderId,
    senderName: row.senderId ? directory.personName(row.senderId) : directory.botName,
    kind: row.kind === "card" ? "card" : "text",
    text: row.text,
    card: (row.card as Card | null) ?? null,
    mentions: names(row.mentions),
    urgent: urgentTo.length > 0,
    urgentTo,
    files: storedFiles(row.files).map((f, i) => ({
      kind: f.kind,
      name: f.name,
      mimeType: f.mimeType,
      url: `/api/console/messages/${row.id}/files/${i}`,
    })),
    time: row.createdAt.toISOString(),
  };
}

/** Plain text of a card, one line per title, field and button (what transcripts match against). */
export function cardText(card: Card): string {
  return [
    card.title,
    ...card.fields.map((f) => `${f.label}：${f.value}`),
    ...(card.note ? [card.note] : []),
    ...card.buttons.map((b) => `[${b.label}]`),
  ].join("\n");
}
