/** A person says `text` in a console chat; resolves with the bot's first answer after it. */
import type { ConsoleMessageDto } from "../../src/bot/adapters/console/console-message.ts";
import type { TestApp } from "./app.ts";
import { waitFor } from "./wait-for.ts";

export async function firstAnswer(
  t: TestApp,
  chat: string,
  person: string,
  text: string,
): Promise<ConsoleMessageDto> {
  const { message } = await t.app.inbox.say(chat, person, text);
  await t.app.idle();
  return waitFor(`the answer to ${text}`, async () => {
    const after = await t.app.history.list(message.chat, message.id);
    return after.find((m) => m.sender === null);
  });
}

/** The value of the answer card's field `label`, if it has one. */
export function cardField(message: ConsoleMessageDto, label: string): string | undefined {
  return message.card?.fields.find((f) => f.label === label)?.value;
}
