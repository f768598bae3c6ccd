/**
 * The words that mark what a clause of a report is about: the event itself, how the office learnt of
 * it, what has been done, or who to call. Shared by the extractor's rules so each list lives once.
 */

/** Verbs that say something happened ("…发生一起…", "…出现呕吐…", "…聚集"). */
export const EVENT_VERB =
  /发生|突发|出现|暴发|爆发|起火|着火|失火|坍塌|倒塌|垮塌|塌方|聚集|流传|传播|网传|相撞|碰撞|追尾|侧翻|翻车|落水|溺水|泄漏|爆炸|中毒|滑坡|普降|遭受|遭遇|受灾|冲毁|围堵|斗殴|失踪|失联|走失|决口|溃坝|漫堤|受淹|撞上|撞倒|翻到|翻入|翻下|坠落|坠入|掉进|掉入/;

/** Words saying the office was told ("接到报告", "接警", "群众报警称"). */
export const LEARNT = /接报|接到|接警|获悉|收到|得知|报告称|报称|反映称|报警|来电/;

/** How a clause introduces what someone reported: "有群众报告称", "县值班室接报". */
export const LEAD_IN = /^[^，,]*?(?:报告称|报称|反映称|报警称|来电称|接报|获悉|得知)[:,，]?/;

/**
 * Verbs of response: a clause with one is a measure taken ("镇长已带队赶赴现场", "交警实施交通管制",
 * "交警已封闭路段"); so is a responder doing something now ("消防正在扑救", "民警已到场").
 */
export const MEASURE =
  /(?:交警|消防|民警|公安|派出所|医护|急救|救护车|120|武警|救援队|应急|干部|工作人员)[^，,。；;]{0,4}?(?:已经?|正在|立即|迅速|随即|实施)|管制|封闭|封路|断交|绕行|扑救|灭火|救火|赶赴|赶到|到场|到达|带队|组织|疏散|转移|救治|送医|送往|送至|抢救|救援|搜救|抢险|抢通|处置|封控|封锁|管控|控制|警戒|排查|调查|核查|侦办|劝导|疏导|安抚|安置|启动|成立|部署|调派|派出|派员|出动|扑灭|撤离|设置|安排|监测|值守|删除|追查|封存|送检|隔离|观察|救出|稳控|协调|开展|拨打|打了?1[12][09]|扑杀|消毒|无害化/;

/** Labels before a contact person ("现场负责人：钱镇长"). */
export const CONTACT_LABEL =
  /(?:现场负责人|现场指挥长|现场指挥|带班领导|负责人|联系人|联系方式|联系电话|值班电话)\s*:?\s*/;

/** An 11-digit mainland mobile number, not inside a longer number. */
export const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** A landline with its area code (0797-8123456). */
export const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/;

/** Posts a contact may hold, ending a post ("县住建局局长") or following a surname ("钱镇长"). */
export const TITLE =
  /(?:副?(?:书记|镇长|乡长|县长|市长|区长|村长|主任|局长|科长|股长|所长|站长|队长|大队长|中队长|院长|校长|经理|厂长|组长|社长|部长|处长|主席|馆长|指挥长)|委员|干部|支书|秘书|助理|负责人|同志|值班员|网格员|民警|医生|主管)$/;
