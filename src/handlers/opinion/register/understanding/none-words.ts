/** Replies that mean "there is none" to an optional question (链接, 传播情况). Pure. */
const NONE = /^(?:无|没有|暂无|没|无链接|没有链接|不清楚|不知道|跳过|-)$/;

export function isNone(text: string): boolean {
  return NONE.test(text.trim().replace(/[。.！!]$/, ""));
}
