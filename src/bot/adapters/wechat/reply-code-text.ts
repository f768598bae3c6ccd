/** Reads what people type back on text platforms: a reply code (`7 已阅`, `7已阅`) or a bare number. */

export interface CodeReply {
  code: string;
  label: string;
}

/** `7 已阅` → { code: "7", label: "已阅" }; anything else → null. */
export function parseCodeReply(text: string): CodeReply | null {
  const match = /^(\d{1,6})\s*([^\d\s]{1,10})$/u.exec(text.trim());
  if (!match) return null;
  return { code: match[1] as string, label: (match[2] as string).replace(/[。.!！]$/, "") };
}

export function isBareNumber(text: string): boolean {
  return /^\d{1,6}$/.test(text.trim());
}
