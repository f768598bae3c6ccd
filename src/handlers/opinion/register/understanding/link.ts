/**
 * Links to posts as people paste them: the first http(s) address in a text, checked with `new URL`
 * and kept as written (never fetched). Pure.
 */

/** An http(s) address up to a space or Chinese punctuation. */
const URL_IN_TEXT = /https?:\/\/[^\s\p{Script=Han}，。；、！？）」【】《》"'<>]+/iu;
/** Punctuation a sentence puts after an address, not part of it. */
const TRAILING = /[.,;:!?)\]]+$/;

/** The address as written when it is a valid http(s) URL with a host, else null. */
export function validLink(text: string): string | null {
  const written = text.trim().replace(TRAILING, "");
  try {
    const url = new URL(written);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    return written;
  } catch {
    return null;
  }
}

/** The first valid http(s) address in `text`, where it stands, and its host. */
export function findLink(text: string): { url: string; host: string; index: number; length: number } | null {
  const match = URL_IN_TEXT.exec(text);
  if (!match) return null;
  const url = validLink(match[0]);
  if (!url) return null;
  return { url, host: new URL(url).hostname, index: match.index, length: url.length };
}

/** Words that say "link" before an address: 链接, 原帖, 网址, 地址. */
export const LINK_LABEL = /(?:原帖|帖子|视频)?(?:链接|网址|地址)\s*[:：]?\s*$/;
