/**
 * Where something happened, as clerks write it: a run of place units from large to small, each
 * ending in a word for a kind of place ("青山镇" "李家村" "村道", "G210国道" "K1520+300处",
 * "县城" "锦绣花园小区" "5栋"). Reading units rather than guessing names keeps "县第一中学部分学生在
 * 食堂" to "县第一中学": the run stops at the first word that is not part of a place.
 */

const PLACE_END =
  "省道|国道|县道|乡道|村道|高速|大道|隧道|大桥|社区|街道|小区|门口|路口|交叉口|广场|公园|景区|码头|车站|" +
  "学校|小学|中学|大学|幼儿园|卫生院|医院|食堂|宿舍|工地|基地|园区|公司|商铺|酒店|饭店|餐馆|市场|超市|" +
  "单元|民房|仓库|车间|林场|林区|水库|下游|上游|沿线|辖区|境内|附近|一带|县城|城区|" +
  "省|市|县|区|镇|乡|村|组|屯|寨|庄|路|街|巷|弄|道|桥|河|江|湖|溪|沟|渠|山|岭|坡|段|处|口|站|厂|矿|场|" +
  "店|铺|楼|栋|室|号|房|屋|院|内|旁|城|郊|田|塘|井|湾|池";

// Words that end a place: prepositions, verbs of the event, and joins of subjects.
const NOT_PLACE =
  "在(?!建)|于|位于|发生|出现|突发|有(?!限)|因|由于|从|向|对|被|把|将|与|和|及|并|已|正在|后|时(?!代)|" +
  "造成|导致|致|据|称|遭遇|遭受|普降|聚集|流传|传播|网传|相撞|碰撞|起火|着火|失火|爆炸|坍塌|倒塌|垮塌|" +
  "溺水|落水|失踪|失联|部分|来自|均|都|名|辆|两车|群众|人员|学生|工人|男子|女子";

// 小学生, 村民, 市民: a place word followed by these is a person, not a place.
const UNIT = `(?:(?:(?!${NOT_PLACE})[^，,。；;:、！？!?“”"\\s()（）]){0,12}?(?:${PLACE_END})(?![生民亲])|[(（][^)）]{1,15}[)）])`;
const PLACE_AT_START = new RegExp(`^(?:${UNIT}(?:、(?=[^、]))?)*${UNIT}`);
const AFTER_PREPOSITION = new RegExp(`(?:在(?!建)|位于|于)((?:${UNIT}(?:、(?=[^、]))?)*${UNIT})`);

/** The place `text` starts with ("在" or "位于" before it allowed); undefined when it starts otherwise. */
export function placeAtStart(text: string): string | undefined {
  const stripped = text.replace(/^(?:在|位于|于)/, "");
  return tidy(PLACE_AT_START.exec(stripped)?.[0]);
}

/** The first place introduced by 在 / 位于 / 于 in `text` ("有群众在县政府门口聚集" → "县政府门口"). */
export function placeAfterPreposition(text: string): string | undefined {
  return tidy(AFTER_PREPOSITION.exec(text)?.[1]);
}

/** `text` when the whole of it is a place ("白水乡白水河大桥下游约200米处"). */
export function wholePlace(text: string): string | undefined {
  const place = placeAtStart(text);
  return place !== undefined && place.length >= text.replace(/^(?:在|位于|于)/, "").length
    ? place
    : undefined;
}

function tidy(place: string | undefined): string | undefined {
  const trimmed = place?.replace(/^[、]+|[、]+$/g, "").trim();
  // A lone 县 or 号 is not a place anyone can find, nor is 现场 ("在现场").
  return trimmed && trimmed.length >= 2 && trimmed !== "现场" && !/^[(（]/.test(trimmed)
    ? trimmed
    : undefined;
}
