/**
 * Which kind of 突发事件 a paragraph describes, from the words clerks use for it. The four kinds of
 * the national overall plan plus 舆情 (online public opinion, which offices track as its own kind).
 * An office configures the names it uses; only those are ever returned.
 */

/** The kind names the keyword table knows. */
export const INCIDENT_KINDS = ["自然灾害", "事故灾难", "公共卫生事件", "社会安全事件", "舆情"] as const;

/** One of `INCIDENT_KINDS`. */
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * Words and the kind they point to. Where words overlap, the one that starts first in the text wins
 * and, at the same start, the longer one: 森林火灾 is a natural disaster though 火灾 is an accident,
 * 聚集性疫情 is public health though 聚集 is public security, and "网传…火灾" is 舆情.
 */
const KEYWORDS: ReadonlyArray<readonly [RegExp, IncidentKind]> = [
  [/森林火灾|草原火灾|山火|林火/g, "自然灾害"],
  [
    /暴雨|强降雨|降雨|洪水|洪涝|山洪|内涝|滑坡|泥石流|地震|冰雹|台风|塌方|崩塌|地面塌陷|干旱|旱情|雪灾|寒潮|大风|龙卷风|雷击|风暴潮/g,
    "自然灾害",
  ],
  [
    /煤气中毒|一氧化碳中毒|车祸|相撞|碰撞|追尾|侧翻|翻车|交通事故|火灾|起火|着火|失火|火情|爆炸|燃气泄漏|泄漏|坍塌|倒塌|垮塌|溺水|溺亡|触电|中毒窒息|窒息|踩踏|透水|冒顶|撞上|撞倒|翻到|翻入|翻下|坠落|坠入|掉进|掉入|事故/g,
    "事故灾难",
  ],
  [
    /食物中毒|聚集性疫情|疫情|传染病|聚集性病例|病例|不明原因疾病|不明原因发热|发热|流感|霍乱|禽流感|猪瘟|中毒/g,
    "公共卫生事件",
  ],
  [
    /群体性|聚集|上访|信访|斗殴|打架|刑事|命案|持刀|伤人|围堵|堵路|冲突|抢劫|盗窃|纠纷|讨薪|恐怖/g,
    "社会安全事件",
  ],
  [
    /舆情|网传|热搜|网络(?!中断|故障|瘫痪|信号)|网上|网民|网友|谣言|微博|抖音|朋友圈|自媒体|视频号|炒作/g,
    "舆情",
  ],
];

/**
 * The kind `text` describes, as one of `types` (the office's configured names); undefined when no
 * word points to one of them. A configured name written in the text (森林火灾, 交通事故) wins over
 * the keyword table, so offices with finer kinds than the table's five still get theirs.
 */
export function classifyIncidentType(text: string, types: readonly string[]): string | undefined {
  const named = [...types]
    .filter((t) => t !== "")
    .map((t) => ({ type: t, index: text.indexOf(t) }))
    .filter((t) => t.index >= 0)
    .sort((a, b) => a.index - b.index || b.type.length - a.type.length)[0];
  if (named) return named.type;

  let best: { index: number; length: number; kind: IncidentKind } | undefined;
  for (const [pattern, kind] of KEYWORDS) {
    if (!types.includes(kind)) continue;
    for (const match of text.matchAll(pattern)) {
      const candidate = { index: match.index, length: match[0].length, kind };
      if (
        !best ||
        candidate.index < best.index ||
        (candidate.index === best.index && candidate.length > best.length)
      ) {
        best = candidate;
      }
    }
  }
  return best?.kind;
}
