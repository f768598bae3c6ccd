/**
 * Where a post appeared, read from its link's host or from words in the text. Pure; the names are
 * the register dialog's choices (../../messages.ts `sources`).
 */

const BY_HOST: { host: RegExp; source: string }[] = [
  { host: /(?:^|\.)weibo\.(?:com|cn)$/i, source: "微博" },
  { host: /(?:^|\.)(?:douyin|iesdouyin)\.com$/i, source: "抖音" },
  { host: /^(?:mp|channels)\.weixin\.qq\.com$/i, source: "微信公众号/视频号" },
  { host: /(?:^|\.)toutiao\.com$/i, source: "今日头条" },
];

const BY_WORD: { word: RegExp; source: string }[] = [
  { word: /微博/, source: "微博" },
  { word: /抖音/, source: "抖音" },
  { word: /公众号|视频号|微信/, source: "微信公众号/视频号" },
  { word: /头条/, source: "今日头条" },
  { word: /论坛|贴吧/, source: "本地论坛" },
  { word: /(?<!\d)12345(?!\d)/, source: "12345热线" },
  { word: /留言板/, source: "领导留言板" },
];

/** The source a link's host names, if it is one of the known platforms. */
export function sourceOfHost(host: string): string | null {
  return BY_HOST.find((h) => h.host.test(host))?.source ?? null;
}

/** The source named earliest in the text. */
export function sourceOfWords(text: string): string | null {
  let best: { at: number; source: string } | null = null;
  for (const { word, source } of BY_WORD) {
    const match = word.exec(text);
    if (match && (!best || match.index < best.at)) best = { at: match.index, source };
  }
  return best?.source ?? null;
}
