/** What an expectation is matched against, and how a fragment matches (TRANSCRIPTS.md, "Matching"). */
import type { ConsoleMessageDto } from "../bot/adapters/console/console-message.ts";

/** Text, or a card's title, field labels and values, note and button labels, one per line; mentions read `@NAME`. */
export function matchingText(message: ConsoleMessageDto): string {
  const mentions = message.mentions.map((name) => `@${name}`);
  const body = message.card
    ? [
        message.card.title,
        ...message.card.fields.flatMap((f) => [f.label, f.value]),
        ...(message.card.note ? [message.card.note] : []),
        ...message.card.buttons.map((b) => b.label),
      ]
    : [message.text];
  return [...mentions, ...body].join("\n");
}

/** Case-insensitive substring, or a JavaScript regular expression written `/.../`. */
export function matchesFragment(text: string, fragment: string): boolean {
  const regex = /^\/(.+)\/([dgimsuvy]*)$/s.exec(fragment);
  if (regex) {
    try {
      return new RegExp(regex[1] as string, regex[2]).test(text);
    } catch {
      // Not a valid expression: read it as plain text.
    }
  }
  return text.toLowerCase().includes(fragment.toLowerCase());
}
