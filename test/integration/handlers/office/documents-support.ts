/**
 * For tests of documents sent in chat: ask in a console chat, then find the file the bot sent to
 * the asker's one-to-one chat, fetch it as the console serves it, and read the .docx's parts.
 */
import JSZip from "jszip";
import type { ConsoleMessageDto } from "../../../../src/bot/adapters/console/console-message.ts";
import type { TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { waitFor } from "../../../support/wait-for.ts";

export interface SentDocument {
  /** The bot's answer where it was asked. */
  answer: ConsoleMessageDto;
  /** The one-to-one message carrying the file. */
  direct: ConsoleMessageDto;
  bytes: Uint8Array;
}

/** `person` (id) says `text` in `chat`; the file sent to them one-to-one after it. */
export async function askForDocument(
  t: TestApp,
  chat: string,
  person: string,
  text: string,
): Promise<SentDocument> {
  const directChat = `dm:${person}`;
  const before = (await t.app.history.list(directChat)).at(-1)?.id ?? 0;
  const answer = await firstAnswer(t, chat, person, text);
  const direct = await waitFor("the file in the one-to-one chat", async () =>
    (await t.app.history.list(directChat, before)).find((m) => m.sender === null && m.files.length > 0),
  );
  const url = direct.files[0]?.url ?? "";
  const served = await fetch(`${t.baseUrl}${url}`);
  if (!served.ok) throw new Error(`file ${url}: ${served.status}`);
  return { answer, direct, bytes: new Uint8Array(await served.arrayBuffer()) };
}

/** The text of one part of a .docx (`word/document.xml`, `word/footer1.xml` …). */
export async function docxPart(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the .docx`);
  return file.async("string");
}

/** Every part's name in the .docx. */
export async function docxParts(bytes: Uint8Array): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

/** The text a person reads in a part: the `w:t` runs joined. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}
