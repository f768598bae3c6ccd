/** Text in Feishu card markdown: people's words shown as written, never as markup. */

/** Keeps people's words from being read as markdown or tags. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([*_~`[\]])/g, "\\$1");
}
