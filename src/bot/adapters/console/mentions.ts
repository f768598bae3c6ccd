/** Finds `@姓名` mentions in console text: org people by name, and the bot by its name or `@bot`. */
import type { Directory } from "../../core/directory.ts";

export function findMentions(text: string, directory: Directory): string[] {
  if (!text.includes("@")) return [];
  const names = [
    { id: "bot", name: directory.botName },
    ...directory.people().map((p) => ({ id: p.id, name: p.name })),
  ].sort((a, b) => b.name.length - a.name.length);
  const mentioned = new Set<string>();
  let rest = text.replace(/@bot(?![\w])/gi, () => {
    mentioned.add("bot");
    return " ";
  });
  // Longest names first, each match removed: "@张三丰" is not a mention of 张三.
  for (const { id, name } of names) {
    const marker = `@${name}`;
    if (!rest.includes(marker)) continue;
    mentioned.add(id);
    rest = rest.split(marker).join(" ");
  }
  return ["bot", ...directory.people().map((p) => p.id)].filter((id) => mentioned.has(id));
}
