/**
 * The words of a deadline as leaders write them (今天, 明天, 本周五, 12月10日, 17时, 下班, 前, 个工作日),
 * as regular-expression sources whose named groups rules/deadline-phrase.ts reads.
 */

const NUM = "(?:\\d{1,4}|[零〇一二两三四五六七八九十]{1,4})";
const DAY_PART =
  `(?<rel>今天|今日|当天|明天|明日|大后天|后天)` +
  `|(?<week>本|这|下)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])` +
  `|(?<iy>\\d{4})[-/.](?<im>\\d{1,2})[-/.](?<id>\\d{1,2})日?` +
  `|(?:(?<y>\\d{4})年)?(?<m>${NUM})月(?<d>${NUM})[日号]?` +
  `|(?<od>${NUM})[日号]` +
  `|(?<end>月底|月末)`;
const TIME_PART =
  `(?<off>下班)` +
  `|(?<ap>上午|早上|中午|下午|晚上)?(?<h>${NUM})(?:[:：](?<mi>\\d{2})|[时点](?:(?<half>半)|(?<mm>${NUM})分?)?)` +
  `|(?<noon>中午)`;
const ENDING = "(?:之前|以前|前|为止|之内|以内|内)?";

/** A deadline phrase, whole (`明天12时前`, `3个工作日内`); the groups name its parts. */
export const DEADLINE_PATTERN =
  `(?:(?<n>${NUM})个?(?<unit>工作日|天)${ENDING}` + `|(?:${DAY_PART})?\\s*(?:${TIME_PART})?${ENDING})`;

/** Words that may come before a deadline: 于, 截至, 期限：. */
export const DEADLINE_PREFIX = "(?:于|在|限|截至|截止|期限[:：]?)?";
