import { describe, expect, it } from "vitest";
import {
  type ExtractedReport,
  extractReport,
} from "../../../../../src/handlers/incident/understanding/extract-report.ts";

const SHANGHAI = "Asia/Shanghai";
const TYPES = ["自然灾害", "事故灾难", "公共卫生事件", "社会安全事件", "舆情"];
const sh = (local: string) => new Date(`${local.replace(" ", "T")}+08:00`);

interface Fixture {
  name: string;
  /** When the paragraph was sent, Shanghai time. */
  now: string;
  paragraph: string;
  expected: ExtractedReport;
}

/** Paragraphs the way county clerks write first reports in a chat, and what each should give. */
const FIXTURES: Fixture[] = [
  {
    name: "road accident (the example in the brief)",
    now: "2026-03-02 16:00",
    paragraph:
      "今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成2人死亡、3人受伤，镇长已带队赶赴现场，" +
      "伤员已送县医院救治。现场负责人：钱镇长，电话13800000042。",
    expected: {
      occurredAt: sh("2026-03-02 14:20"),
      location: "青山镇李家村村道",
      type: "事故灾难",
      summary: "青山镇李家村村道发生一起两车相撞事故",
      casualties: { deaths: 2, injured: 3, missing: 0 },
      measures: "镇长已带队赶赴现场，伤员已送县医院救治",
      contact: { name: "钱镇长", post: "镇长", phone: "13800000042" },
    },
  },
  {
    name: "landslide after rain, one missing",
    now: "2026-03-02 08:00",
    paragraph:
      "3月2日凌晨3时许，受持续强降雨影响，青山镇石门村发生山体滑坡，造成1户民房受损，1人失联。" +
      "镇村干部已组织周边23户群众紧急转移，县应急局正在调派救援力量赶赴现场。" +
      "现场负责人：镇党委副书记王强，电话13912345678。",
    expected: {
      occurredAt: sh("2026-03-02 03:00"),
      location: "青山镇石门村",
      type: "自然灾害",
      summary: "青山镇石门村发生山体滑坡",
      casualties: { deaths: 0, injured: 0, missing: 1 },
      measures: "镇村干部已组织周边23户群众紧急转移，县应急局正在调派救援力量赶赴现场",
      contact: { name: "王强", post: "镇党委副书记", phone: "13912345678" },
    },
  },
  {
    name: "house fire, put out, nobody hurt",
    now: "2026-03-02 12:00",
    paragraph:
      "今天上午10时15分左右，县城东大街88号一民房发生火灾，县消防救援大队接警后迅速出动，" +
      "火势已于10时50分被扑灭，未造成人员伤亡，具体起火原因正在调查中。联系人：东城社区书记刘芳，13700001111。",
    expected: {
      occurredAt: sh("2026-03-02 10:15"),
      location: "县城东大街88号一民房",
      type: "事故灾难",
      summary: "县城东大街88号一民房发生火灾",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "县消防救援大队接警后迅速出动，火势已于10时50分被扑灭，具体起火原因正在调查中",
      contact: { name: "刘芳", post: "东城社区书记", phone: "13700001111" },
    },
  },
  {
    name: "suspected food poisoning at a school (pupils in hospital count as injured, in their words)",
    now: "2026-03-01 22:00",
    paragraph:
      "3月1日18时左右，县第一中学部分学生在食堂晚餐后陆续出现呕吐、腹泻等症状，疑似食物中毒。" +
      "截至目前已有27名学生送县人民医院就诊，均无生命危险。县卫健局、市场监管局已派员赶赴现场调查处置，" +
      "并对留样食品进行封存送检。联系人：县卫健局副局长张伟，电话13600002222。",
    expected: {
      casualties: { deaths: 0, injured: 27, missing: 0, words: "截至目前已有27名学生送县人民医院就诊" },
      occurredAt: sh("2026-03-01 18:00"),
      location: "县第一中学",
      type: "公共卫生事件",
      summary: "县第一中学部分学生在食堂晚餐后陆续出现呕吐、腹泻等症状，疑似食物中毒",
      measures: "县卫健局、市场监管局已派员赶赴现场调查处置，并对留样食品进行封存送检",
      contact: { name: "张伟", post: "县卫健局副局长", phone: "13600002222" },
    },
  },
  {
    name: "gathering at the county government gate",
    now: "2026-03-02 11:00",
    paragraph:
      "今天上午9时许，约50名群众因征地补偿问题在县政府门口聚集，情绪较为激动。县信访局、公安局已派员到场劝导，" +
      "正在做好疏导解释工作，目前秩序平稳。联系人：县信访局副局长陈军，电话13500003333。",
    expected: {
      occurredAt: sh("2026-03-02 09:00"),
      location: "县政府门口",
      type: "社会安全事件",
      summary: "约50名群众因征地补偿问题在县政府门口聚集，情绪较为激动",
      measures: "县信访局、公安局已派员到场劝导，正在做好疏导解释工作",
      contact: { name: "陈军", post: "县信访局副局长", phone: "13500003333" },
    },
  },
  {
    name: "online rumour of a dam failure",
    now: "2026-03-02 12:00",
    paragraph:
      "今日10时许，网传“青山镇水库溃坝”视频在微信群和抖音平台传播，经核实，该视频系2020年外省旧视频，" +
      "我县各水库运行正常。县委网信办已联系平台删除相关信息，县公安局正在追查造谣者。联系人：县委网信办主任孙丽，13300004444。",
    expected: {
      occurredAt: sh("2026-03-02 10:00"),
      type: "舆情",
      summary: "网传“青山镇水库溃坝”视频在微信群和抖音平台传播",
      measures: "县委网信办已联系平台删除相关信息，县公安局正在追查造谣者",
      contact: { name: "孙丽", post: "县委网信办主任", phone: "13300004444" },
    },
  },
  {
    name: "flood with villages flooded and one person swept away",
    now: "2026-07-15 09:00",
    paragraph:
      "7月15日凌晨2时至6时，我县普降暴雨，青山镇、白水乡累计降雨量超过200毫米，白水河水位暴涨，" +
      "白水乡沿河3个村庄进水受淹，1人被洪水冲走失联。县防指已启动防汛Ⅲ级应急响应，转移群众1200余人，搜救工作正在进行。",
    expected: {
      occurredAt: sh("2026-07-15 02:00"),
      location: "我县",
      type: "自然灾害",
      summary: "我县普降暴雨，青山镇、白水乡累计降雨量超过200毫米，白水河水位暴涨，白水乡沿河3个村庄进水受淹",
      casualties: { deaths: 0, injured: 0, missing: 1, words: "1人被洪水冲走失联" },
      measures: "县防指已启动防汛Ⅲ级应急响应，转移群众1200余人，搜救工作正在进行",
    },
  },
  {
    name: "official format: when the office was told, then what happened that day",
    now: "2026-03-03 09:00",
    paragraph:
      "3月2日14时35分，县应急管理局接到青山镇报告：当日14时20分许，青山镇李家村村道发生一起两车相撞事故，" +
      "造成2人死亡、3人受伤。",
    expected: {
      occurredAt: sh("2026-03-02 14:20"),
      learnedAt: sh("2026-03-02 14:35"),
      location: "青山镇李家村村道",
      type: "事故灾难",
      summary: "青山镇李家村村道发生一起两车相撞事故",
      casualties: { deaths: 2, injured: 3, missing: 0 },
    },
  },
  {
    name: "the time is when the public reported, not when it happened",
    now: "2026-03-02 15:00",
    paragraph:
      "今天下午2点左右，有群众报告称一名男子在青山水库游泳时失踪，县消防救援大队、青山镇政府已组织力量开展搜救，目前尚未找到。",
    expected: {
      learnedAt: sh("2026-03-02 14:00"),
      location: "青山水库",
      summary: "一名男子在青山水库游泳时失踪",
      casualties: { deaths: 0, injured: 0, missing: 1, words: "有群众报告称一名男子在青山水库游泳时失踪" },
      measures: "县消防救援大队、青山镇政府已组织力量开展搜救",
    },
  },
  {
    name: "drowning, the place in a clause of its own, a landline",
    now: "2026-05-03 18:00",
    paragraph:
      "5月3日16时30分许，白水乡白水河大桥下游约200米处，3名小学生结伴戏水时1人溺水身亡。" +
      "乡党委书记已赶到现场，正在做好家属安抚工作。乡值班电话：0797-8123456。",
    expected: {
      occurredAt: sh("2026-05-03 16:30"),
      location: "白水乡白水河大桥下游约200米处",
      type: "事故灾难",
      summary: "3名小学生结伴戏水时1人溺水身亡",
      casualties: { deaths: 1, injured: 0, missing: 0, words: "3名小学生结伴戏水时1人溺水身亡" },
      measures: "乡党委书记已赶到现场，正在做好家属安抚工作",
      contact: { phone: "0797-8123456" },
    },
  },
  {
    name: "gas explosion in a shop, a breakdown in brackets",
    now: "2026-03-02 12:00",
    paragraph:
      "今天11时05分，县城锦绣花园小区5栋一楼商铺发生燃气爆炸，造成1人死亡、4人受伤（其中重伤1人），" +
      "周边部分房屋玻璃受损。县政府分管领导已带领应急、住建、消防等部门赶赴现场处置，伤员已全部送医救治，" +
      "现场已拉起警戒线，周边居民已疏散。现场负责人：县住建局局长赵刚，电话13811112222。",
    expected: {
      occurredAt: sh("2026-03-02 11:05"),
      location: "县城锦绣花园小区5栋一楼商铺",
      type: "事故灾难",
      summary: "县城锦绣花园小区5栋一楼商铺发生燃气爆炸",
      casualties: { deaths: 1, injured: 4, missing: 0, words: "造成1人死亡、4人受伤（其中重伤1人）" },
      measures:
        "县政府分管领导已带领应急、住建、消防等部门赶赴现场处置，伤员已全部送医救治，现场已拉起警戒线，周边居民已疏散",
      contact: { name: "赵刚", post: "县住建局局长", phone: "13811112222" },
    },
  },
  {
    name: "scaffold collapse on a building site",
    now: "2026-03-02 10:30",
    paragraph:
      "2026年3月2日9时40分，青山镇中心小学旁一处在建工地发生脚手架坍塌，2名工人受伤被困，已被救出送县医院救治，暂无人员死亡。",
    expected: {
      occurredAt: sh("2026-03-02 09:40"),
      location: "青山镇中心小学旁一处在建工地",
      type: "事故灾难",
      summary: "青山镇中心小学旁一处在建工地发生脚手架坍塌",
      casualties: { deaths: 0, injured: 2, missing: 0, words: "2名工人受伤被困，暂无人员死亡" },
      measures: "已被救出送县医院救治",
    },
  },
  {
    name: "collision on a national road at night, reported the next day",
    now: "2026-03-02 08:00",
    paragraph:
      "昨天晚上9时20分许，G210国道K1520+300处（白水乡路段）一辆货车与一辆面包车发生碰撞，造成面包车上3人受伤，" +
      "无人死亡。交警大队已到场处置，事故原因正在调查。",
    expected: {
      occurredAt: sh("2026-03-01 21:20"),
      location: "G210国道K1520+300处（白水乡路段）",
      type: "事故灾难",
      summary: "G210国道K1520+300处（白水乡路段）一辆货车与一辆面包车发生碰撞",
      casualties: { deaths: 0, injured: 3, missing: 0, words: "造成面包车上3人受伤，无人死亡" },
      measures: "交警大队已到场处置，事故原因正在调查",
    },
  },
  {
    name: "earthquake, no casualty reports yet, a duty room as contact",
    now: "2026-03-02 07:00",
    paragraph:
      "今天6时12分，我县青山镇发生4.2级地震，震源深度10千米，全县震感明显。目前暂未收到人员伤亡报告，" +
      "县防震减灾局正在组织排查房屋受损情况。联系人：县应急局值班室，电话0797-8000110。",
    expected: {
      occurredAt: sh("2026-03-02 06:12"),
      location: "我县青山镇",
      type: "自然灾害",
      summary: "我县青山镇发生4.2级地震，震源深度10千米，全县震感明显",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "县防震减灾局正在组织排查房屋受损情况",
      contact: { name: "县应急局值班室", phone: "0797-8000110" },
    },
  },
  {
    name: "hail on crops",
    now: "2026-06-10 18:00",
    paragraph:
      "今天下午4点左右，白水乡遭受冰雹袭击，持续约15分钟，部分农作物和大棚受损，初步统计受灾面积约800亩，" +
      "无人员伤亡。乡政府已组织人员开展灾情核查。",
    expected: {
      occurredAt: sh("2026-06-10 16:00"),
      location: "白水乡",
      type: "自然灾害",
      summary: "白水乡遭受冰雹袭击，持续约15分钟，部分农作物和大棚受损，初步统计受灾面积约800亩",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "乡政府已组织人员开展灾情核查",
    },
  },
  {
    name: "typhoon rain, a status time after 截至",
    now: "2026-08-20 15:00",
    paragraph:
      "受台风“海葵”影响，今天8时至14时全县平均降雨量达120毫米，青山镇、白水乡部分道路出现积水。" +
      "截至14时，全县共转移群众860人，未接到人员伤亡报告。县防指正在24小时值守，密切监测雨情水情。",
    expected: {
      occurredAt: sh("2026-08-20 08:00"),
      location: "青山镇、白水乡",
      type: "自然灾害",
      summary: "青山镇、白水乡部分道路出现积水",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "全县共转移群众860人，县防指正在24小时值守，密切监测雨情水情",
    },
  },
  {
    name: "fight at a barbecue restaurant after midnight",
    now: "2026-03-02 08:00",
    paragraph:
      "今天凌晨1时30分许，县城滨河路一烧烤店内两伙人因琐事发生斗殴，造成2人受伤，伤者已送医，无生命危险。" +
      "县公安局已控制涉事人员5名，案件正在进一步侦办中。",
    expected: {
      occurredAt: sh("2026-03-02 01:30"),
      location: "县城滨河路一烧烤店内",
      type: "社会安全事件",
      summary: "县城滨河路一烧烤店内两伙人因琐事发生斗殴",
      casualties: { deaths: 0, injured: 2, missing: 0 },
      measures: "伤者已送医，县公安局已控制涉事人员5名，案件正在进一步侦办中",
    },
  },
  {
    name: "unexplained fever cases: a date without an hour gives no time",
    now: "2026-03-02 09:00",
    paragraph:
      "3月1日，县人民医院报告发现3例不明原因发热病例，均来自白水乡同一自然村，县疾控中心已派出流调队伍开展流行病学调查，" +
      "并对密切接触者实施居家观察。",
    expected: {
      type: "公共卫生事件",
      summary: "县人民医院报告发现3例不明原因发热病例，均来自白水乡同一自然村",
      measures: "县疾控中心已派出流调队伍开展流行病学调查，并对密切接触者实施居家观察",
    },
  },
  {
    name: "asphyxiation in a septic tank, deaths counted after 其中",
    now: "2026-03-02 16:00",
    paragraph:
      "今天15时10分，白水乡一养殖场3名工人在清理化粪池时发生中毒窒息，其中2人经抢救无效死亡，1人受伤正在县医院救治。",
    expected: {
      occurredAt: sh("2026-03-02 15:10"),
      location: "白水乡一养殖场",
      type: "事故灾难",
      summary: "白水乡一养殖场3名工人在清理化粪池时发生中毒窒息",
      casualties: {
        deaths: 2,
        injured: 1,
        missing: 0,
        words: "其中2人经抢救无效死亡，1人受伤正在县医院救治",
      },
    },
  },
  {
    name: "road blocked by a landslip on a provincial road",
    now: "2026-03-02 09:00",
    paragraph:
      "今天7时50分许，S225省道青山镇段K36处发生山体塌方，约300立方米土石方阻断道路，无人员伤亡、无车辆被埋。" +
      "县交通运输局已调派2台挖掘机赶赴现场抢通，预计今天18时前恢复通行，已在两端设置警示标志并安排专人值守。" +
      "联系人：县公路中心主任周勇，电话15900005555。",
    expected: {
      occurredAt: sh("2026-03-02 07:50"),
      location: "S225省道青山镇段K36处",
      type: "自然灾害",
      summary: "S225省道青山镇段K36处发生山体塌方，约300立方米土石方阻断道路",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "县交通运输局已调派2台挖掘机赶赴现场抢通，已在两端设置警示标志并安排专人值守",
      contact: { name: "周勇", post: "县公路中心主任", phone: "15900005555" },
    },
  },
  {
    name: "stampede at a school, light and serious injuries added",
    now: "2026-03-02 13:00",
    paragraph:
      "今天12时10分许，白水乡中心小学放学时发生踩踏事件，造成5名学生轻伤、1名学生重伤，伤员已送乡卫生院和县医院救治。" +
      "县教育局、白水乡政府主要负责同志已赶赴现场。联系人：白水乡党委书记吴斌 13012345678",
    expected: {
      occurredAt: sh("2026-03-02 12:10"),
      location: "白水乡中心小学",
      type: "事故灾难",
      summary: "白水乡中心小学放学时发生踩踏事件",
      casualties: { deaths: 0, injured: 6, missing: 0 },
      measures: "伤员已送乡卫生院和县医院救治，县教育局、白水乡政府主要负责同志已赶赴现场",
      contact: { name: "吴斌", post: "白水乡党委书记", phone: "13012345678" },
    },
  },
  {
    name: "rumour of an epidemic: the online word comes first",
    now: "2026-03-02 10:00",
    paragraph:
      "近日，网络上流传“白水乡暴发传染病”的不实信息，引发部分群众关注。经县卫健局核实，白水乡近期未出现聚集性疫情，属谣言。" +
      "县委网信办已会同公安部门开展处置。",
    expected: {
      type: "舆情",
      summary: "网络上流传“白水乡暴发传染病”的不实信息，引发部分群众关注",
      measures: "县委网信办已会同公安部门开展处置",
    },
  },
  {
    name: "urban waterlogging: a person trapped and rescued is kept in words, not as a count",
    now: "2026-07-02 19:00",
    paragraph:
      "今天17时左右，县城遭遇短时强降雨，建设路、人民路等路段出现严重内涝，部分车辆被淹，1名行人被困后获救。" +
      "城管、消防部门已出动抢险，正在组织排水。",
    expected: {
      casualties: { words: "1名行人被困后获救" },
      occurredAt: sh("2026-07-02 17:00"),
      location: "县城",
      type: "自然灾害",
      summary: "县城遭遇短时强降雨，建设路、人民路等路段出现严重内涝，部分车辆被淹，1名行人被困后获救",
      measures: "城管、消防部门已出动抢险，正在组织排水",
    },
  },
  {
    name: "animal epidemic, a phone in brackets",
    now: "2026-03-02 12:00",
    paragraph:
      "今天上午10点，白水乡某养殖场发生非洲猪瘟疫情，已扑杀生猪120头，疫点周边3公里已封控。" +
      "联系人：乡畜牧站站长郑涛（13711112222）。",
    expected: {
      occurredAt: sh("2026-03-02 10:00"),
      location: "白水乡某养殖场",
      type: "公共卫生事件",
      summary: "白水乡某养殖场发生非洲猪瘟疫情",
      measures: "已扑杀生猪120头，疫点周边3公里已封控",
      contact: { name: "郑涛", post: "乡畜牧站站长", phone: "13711112222" },
    },
  },
  {
    name: "village house fire, the duty room told by phone",
    now: "2026-03-02 15:00",
    paragraph:
      "3月2日14时35分，县值班室接到青山镇电话报告：当日13时50分许，青山镇青山村一村民家中发生火灾，房屋烧毁3间，" +
      "无人员伤亡，起火原因正在调查。",
    expected: {
      occurredAt: sh("2026-03-02 13:50"),
      learnedAt: sh("2026-03-02 14:35"),
      location: "青山镇青山村",
      type: "事故灾难",
      summary: "青山镇青山村一村民家中发生火灾，房屋烧毁3间",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "起火原因正在调查",
    },
  },
  {
    name: "forest fire (a natural disaster, though 火灾 alone is an accident)",
    now: "2026-03-02 11:00",
    paragraph:
      "今天上午9时许，青山镇林场发生森林火灾，过火面积约20亩，镇政府已组织扑火队员200余人进行扑救，目前明火已扑灭，" +
      "无人员伤亡。现场指挥：青山镇镇长钱进，电话13900001234。",
    expected: {
      occurredAt: sh("2026-03-02 09:00"),
      location: "青山镇林场",
      type: "自然灾害",
      summary: "青山镇林场发生森林火灾，过火面积约20亩",
      casualties: { deaths: 0, injured: 0, missing: 0 },
      measures: "镇政府已组织扑火队员200余人进行扑救，目前明火已扑灭",
      contact: { name: "钱进", post: "青山镇镇长", phone: "13900001234" },
    },
  },
  {
    name: "a form filled in with labels",
    now: "2026-03-02 15:00",
    paragraph: "事发时间：今天14时20分。事发地点：青山镇李家村。事件情况：一辆农用车侧翻，驾驶员受伤。",
    expected: {
      casualties: { words: "驾驶员受伤" },
      occurredAt: sh("2026-03-02 14:20"),
      location: "青山镇李家村",
      type: "事故灾难",
      summary: "一辆农用车侧翻，驾驶员受伤",
    },
  },
  {
    name: "the same form with 接报时间",
    now: "2026-03-02 15:00",
    paragraph: "接报时间：14时35分；事发时间：14时20分；事发地点：白水乡白水村；事件情况：白水村一民房起火。",
    expected: {
      occurredAt: sh("2026-03-02 14:20"),
      learnedAt: sh("2026-03-02 14:35"),
      location: "白水乡白水村",
      type: "事故灾难",
      summary: "白水村一民房起火",
    },
  },
  {
    name: "a quick colloquial message",
    now: "2026-03-02 18:00",
    paragraph: "刚才青山镇李家村有一辆车翻到沟里了，司机受了点伤，已经打了120。",
    expected: {
      occurredAt: sh("2026-03-02 18:00"),
      location: "青山镇李家村",
      type: "事故灾难",
      summary: "青山镇李家村有一辆车翻到沟里了，司机受了点伤",
      measures: "已经打了120",
    },
  },
  {
    name: "migrant workers asking for unpaid wages",
    now: "2026-03-02 17:00",
    paragraph:
      "今天16时，县城人民广场有30余名外地务工人员聚集讨薪，情绪稳定，县人社局、公安局已派员到场处置。",
    expected: {
      occurredAt: sh("2026-03-02 16:00"),
      location: "县城人民广场",
      type: "社会安全事件",
      summary: "县城人民广场有30余名外地务工人员聚集讨薪，情绪稳定",
      measures: "县人社局、公安局已派员到场处置",
    },
  },
];

describe("extractReport on clerks' paragraphs", () => {
  it.each(FIXTURES)("$name", ({ now, paragraph, expected }) => {
    const report = extractReport(paragraph, { now: sh(now), timeZone: SHANGHAI, types: TYPES });
    expect(report).toEqual(expected);
  });

  it("has at least twenty fixtures", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(20);
  });
});

describe("extractReport with nothing to find", () => {
  it.each([
    "",
    "好的，收到",
    "收到，请各单位做好值班值守工作。",
    "请各单位做好值班值守工作，有情况及时报告。",
    "我已收到，马上处理。",
    "明天上午9时在县政府三楼会议室召开防汛工作会议。",
    "联系人：李明，电话13800000042",
    "县委书记提出两点要求，第一时间落实。",
  ])("gives {} for %j", (paragraph) => {
    expect(
      extractReport(paragraph, { now: sh("2026-03-02 15:00"), timeZone: SHANGHAI, types: TYPES }),
    ).toEqual({});
  });
});

describe("extractReport: measures of the responders", () => {
  const options = { now: sh("2026-03-02 15:00"), timeZone: SHANGHAI, types: TYPES };
  const opening = "今天14时20分，青山镇李家村村道发生一起两车相撞事故，无人员伤亡，";
  it.each([
    ["交警实施交通管制", "交警实施交通管制"],
    ["交警已封闭路段", "交警已封闭路段"],
    ["交警实施交通管制，交警已封闭路段", "交警实施交通管制，交警已封闭路段"],
    ["消防正在扑救", "消防正在扑救"],
    ["消防已到场", "消防已到场"],
    ["医护人员正在救治", "医护人员正在救治"],
    ["民警已疏散周边群众", "民警已疏散周边群众"],
    ["派出所民警立即赶到", "派出所民警立即赶到"],
    ["路段已封闭，车辆绕行", "路段已封闭，车辆绕行"],
    ["现场已实行交通管制", "现场已实行交通管制"],
  ])("%s", (written, measures) => {
    expect(extractReport(`${opening}${written}。`, options).measures).toBe(measures);
  });

  it("keeps what happened out of the measures", () => {
    const report = extractReport(`${opening}交警实施交通管制。`, options);
    expect(report.summary).toBe("青山镇李家村村道发生一起两车相撞事故");
  });
});

describe("extractReport: casualties in the clerk's words", () => {
  const options = { now: sh("2026-03-02 15:00"), timeZone: SHANGHAI, types: TYPES };
  const opening = "今天14时20分，青山镇中心小学发生一起疑似食物中毒事件，";
  it.each([
    ["造成2人死亡、3人受伤，伤员已送县医院救治", { deaths: 2, injured: 3, missing: 0 }],
    [
      "死亡1人，受伤4人（其中2人重伤）",
      { deaths: 1, injured: 4, missing: 0, words: "死亡1人，受伤4人（其中2人重伤）" },
    ],
    ["无死亡，12名学生送医观察", { deaths: 0, injured: 12, missing: 0, words: "无死亡，12名学生送医观察" }],
    ["无人员伤亡，多名学生送医观察", { words: "无人员伤亡，多名学生送医观察" }],
    ["暂无人员死亡，2人被困", { deaths: 0, injured: 0, missing: 0, words: "暂无人员死亡，2人被困" }],
    ["无人员伤亡，正在搜救失联人员", { words: "无人员伤亡，正在搜救失联人员" }],
    ["无人员伤亡，原因正在核实", { deaths: 0, injured: 0, missing: 0 }],
  ])("%s", (written, casualties) => {
    expect(extractReport(`${opening}${written}。`, options).casualties).toEqual(casualties);
  });
});

describe("extractReport options", () => {
  const paragraph = "今天14时20分，青山镇李家村村道发生一起两车相撞事故，造成2人死亡、3人受伤。";
  const options = { now: sh("2026-03-02 15:00"), timeZone: SHANGHAI, types: TYPES };

  it("returns only a type the office has configured", () => {
    expect(extractReport(paragraph, { ...options, types: ["自然灾害", "舆情"] }).type).toBeUndefined();
    expect(extractReport(paragraph, { ...options, types: [] }).type).toBeUndefined();
  });

  it("prefers an office's own finer type when its name is written", () => {
    const types = [...TYPES, "交通事故"];
    expect(extractReport("今天14时20分，青山镇发生一起交通事故。", { ...options, types }).type).toBe(
      "交通事故",
    );
  });

  it("leaves out casualty counts above the maximum", () => {
    expect(extractReport(paragraph, { ...options, maxCasualties: 2 }).casualties).toBeUndefined();
    expect(extractReport(paragraph, { ...options, maxCasualties: 3 }).casualties).toEqual({
      deaths: 2,
      injured: 3,
      missing: 0,
    });
  });

  it("reads times in the zone given", () => {
    const report = extractReport(paragraph, {
      ...options,
      now: new Date("2026-03-02T15:00:00Z"),
      timeZone: "UTC",
    });
    expect(report.occurredAt).toEqual(new Date("2026-03-02T14:20:00Z"));
  });

  it("leaves casualties out while they are being checked", () => {
    const text = "今天14时20分，青山镇发生火灾，伤亡情况正在核实。";
    expect(extractReport(text, options).casualties).toBeUndefined();
  });

  it("does not take the time of the response for the time of the event", () => {
    const text = "3月1日，青山镇发生山体滑坡。15时10分，县应急局工作人员赶到现场，已于16时完成人员转移。";
    const report = extractReport(text, options);
    expect(report.occurredAt).toBeUndefined();
    expect(report.measures).toBe("县应急局工作人员赶到现场，已于16时完成人员转移");
  });

  it("reads the first account of a very long message the same way", () => {
    expect(extractReport(paragraph.repeat(60), options)).toMatchObject({
      occurredAt: sh("2026-03-02 14:20"),
      location: "青山镇李家村村道",
      type: "事故灾难",
    });
  });

  it("reads full-width digits and colons", () => {
    const text = "今天１４：２０，青山镇李家村发生火灾，联系人：王强，电话１３８００００００４２";
    expect(extractReport(text, options)).toMatchObject({
      occurredAt: sh("2026-03-02 14:20"),
      contact: { name: "王强", phone: "13800000042" },
    });
  });
});
