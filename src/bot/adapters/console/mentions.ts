/** Finds `@姓名` mentions in console text: org people by name, and the bot by its name or `@bot`. */
import type { Directory } from "../../core/directory.ts";

export function findMentions(text: string, directory: Directory): string[] {
  const mentioned: string[] = [];
  if (text.includes(`@${directory.botName}`) || /@bot(?![\w])/i.test(text)) mentioned.push("bot");
  for (const person of directory.people()) if (text.includes(`@${person.name}`)) mentioned.push(person.id);
  return mentioned;
}
