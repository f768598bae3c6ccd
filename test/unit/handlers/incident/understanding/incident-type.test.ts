import { describe, expect, it } from "vitest";
import {
  classifyIncidentType,
  INCIDENT_KINDS,
} from "../../../../../src/handlers/incident/understanding/incident-type.ts";

const TYPES = [...INCIDENT_KINDS];

describe("classifyIncidentType: keywords", () => {
  it.each([
    ["青山镇发生一起车祸", "事故灾难"],
    ["两车相撞", "事故灾难"],
    ["发生交通事故", "事故灾难"],
    ["货车与面包车发生碰撞", "事故灾难"],
    ["一辆大货车侧翻", "事故灾难"],
    ["一民房发生火灾", "事故灾难"],
    ["仓库起火", "事故灾难"],
    ["商铺发生燃气爆炸", "事故灾难"],
    ["脚手架坍塌", "事故灾难"],
    ["老旧房屋倒塌", "事故灾难"],
    ["1名儿童溺水", "事故灾难"],
    ["化粪池中毒窒息", "事故灾难"],
    ["一家三口煤气中毒", "事故灾难"],
    ["放学时发生踩踏", "事故灾难"],
    ["一辆车翻到沟里", "事故灾难"],
    ["普降暴雨", "自然灾害"],
    ["遭遇短时强降雨", "自然灾害"],
    ["白水河发生洪水", "自然灾害"],
    ["突发山洪", "自然灾害"],
    ["发生山体滑坡", "自然灾害"],
    ["暴发泥石流", "自然灾害"],
    ["发生4.2级地震", "自然灾害"],
    ["遭受冰雹袭击", "自然灾害"],
    ["受台风影响", "自然灾害"],
    ["省道发生山体塌方", "自然灾害"],
    ["城区出现严重内涝", "自然灾害"],
    ["林场发生森林火灾", "自然灾害"],
    ["后山发生山火", "自然灾害"],
    ["疑似食物中毒", "公共卫生事件"],
    ["发现新冠疫情", "公共卫生事件"],
    ["出现传染病病例", "公共卫生事件"],
    ["3例不明原因发热病例", "公共卫生事件"],
    ["养殖场发生非洲猪瘟疫情", "公共卫生事件"],
    ["白水乡出现聚集性疫情", "公共卫生事件"],
    ["发生群体性事件", "社会安全事件"],
    ["约50名群众在县政府门口聚集", "社会安全事件"],
    ["多名群众到市上访", "社会安全事件"],
    ["两伙人发生斗殴", "社会安全事件"],
    ["发生一起刑事案件", "社会安全事件"],
    ["有人持刀伤人", "社会安全事件"],
    ["务工人员讨薪", "社会安全事件"],
    ["一条舆情引发关注", "舆情"],
    ["网传青山镇水库溃坝", "舆情"],
    ["该话题登上热搜", "舆情"],
    ["网络上流传不实信息", "舆情"],
    ["有网民发帖", "舆情"],
    ["抖音上出现相关视频", "舆情"],
    ["朋友圈流传谣言", "舆情"],
  ])("%s → %s", (text, type) => {
    expect(classifyIncidentType(text, TYPES)).toBe(type);
  });
});

describe("classifyIncidentType: overlapping words", () => {
  it.each([
    // The word that comes first names the kind: the cause before its effect, the rumour before its subject.
    ["受暴雨影响，房屋倒塌", "自然灾害"],
    ["网传青山镇发生火灾", "舆情"],
    ["网络上流传“白水乡暴发传染病”", "舆情"],
    ["火灾现场群众聚集围观", "事故灾难"],
    // At the same start the longer word wins.
    ["森林火灾", "自然灾害"],
    ["聚集性病例", "公共卫生事件"],
    ["煤气中毒", "事故灾难"],
    ["食物中毒", "公共卫生事件"],
    // 网络 as in a broken network is not public opinion.
    ["通信网络中断，白水乡发生山洪", "自然灾害"],
  ])("%s → %s", (text, type) => {
    expect(classifyIncidentType(text, TYPES)).toBe(type);
  });
});

describe("classifyIncidentType: the office's own names", () => {
  it("returns only configured names", () => {
    expect(classifyIncidentType("两车相撞", ["自然灾害", "舆情"])).toBeUndefined();
    expect(classifyIncidentType("两车相撞", [])).toBeUndefined();
    expect(classifyIncidentType("受暴雨影响，房屋倒塌", ["事故灾难"])).toBe("事故灾难");
  });

  it("prefers a configured name written in the text", () => {
    const types = [...TYPES, "交通事故", "森林火灾"];
    expect(classifyIncidentType("发生一起交通事故", types)).toBe("交通事故");
    expect(classifyIncidentType("林场发生森林火灾", types)).toBe("森林火灾");
  });

  it("ignores an empty configured name", () => {
    expect(classifyIncidentType("两车相撞", ["", "事故灾难"])).toBe("事故灾难");
  });

  it.each(["好的，收到", "请做好值班值守工作", "明天开会", ""])("finds nothing in %j", (text) => {
    expect(classifyIncidentType(text, TYPES)).toBeUndefined();
  });
});
