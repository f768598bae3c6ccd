import { describe, expect, it } from "vitest";
import { findContact } from "../../../../../src/handlers/incident/understanding/contact.ts";

describe("findContact", () => {
  it.each([
    ["现场负责人：钱镇长，电话13800000042", { name: "钱镇长", post: "镇长", phone: "13800000042" }],
    ["现场负责人:钱镇长,电话13800000042", { name: "钱镇长", post: "镇长", phone: "13800000042" }],
    ["联系人：县住建局局长赵刚，13811112222", { name: "赵刚", post: "县住建局局长", phone: "13811112222" }],
    [
      "联系人：镇党委副书记王强，电话13912345678",
      { name: "王强", post: "镇党委副书记", phone: "13912345678" },
    ],
    [
      "联系人：李明（镇应急办主任），0797-8123456",
      { name: "李明", post: "镇应急办主任", phone: "0797-8123456" },
    ],
    ["联系人：乡畜牧站站长郑涛（13711112222）", { name: "郑涛", post: "乡畜牧站站长", phone: "13711112222" }],
    [
      "联系人：白水乡党委书记吴斌 13012345678",
      { name: "吴斌", post: "白水乡党委书记", phone: "13012345678" },
    ],
    ["现场指挥：青山镇镇长钱进，电话13900001234", { name: "钱进", post: "青山镇镇长", phone: "13900001234" }],
    ["带班领导：张副县长", { name: "张副县长", post: "副县长" }],
    ["联系人：县应急局值班室，电话0797-8000110", { name: "县应急局值班室", phone: "0797-8000110" }],
    ["联系人：县应急局副局长", { post: "县应急局副局长" }],
    ["联系人：王强", { name: "王强" }],
    ["联系人：王强 手机：13800000042", { name: "王强", phone: "13800000042" }],
    ["联系电话：13800000042", { phone: "13800000042" }],
    ["乡值班电话：0797-8123456", { phone: "0797-8123456" }],
    ["有事打13800000042", { phone: "13800000042" }],
    ["负责人：东城社区书记刘芳", { name: "刘芳", post: "东城社区书记" }],
    // Unlabelled: the person right before the number in its clause, when it reads as a person.
    ["镇长已带队赶赴现场，钱镇长 13800000042", { name: "钱镇长", post: "镇长", phone: "13800000042" }],
    ["，钱镇长电话13800000042", { name: "钱镇长", post: "镇长", phone: "13800000042" }],
    ["，联系副镇长王强13800000042", { name: "王强", post: "副镇长", phone: "13800000042" }],
    ["，伤员已送医 13800000042", { phone: "13800000042" }],
  ])("%s", (text, contact) => {
    expect(findContact(text)).toEqual(contact);
  });

  it.each([
    "镇长已带队赶赴现场",
    "电话打不通",
    "G210国道K1520+300处",
    "编号138000000421",
    "转移群众1200余人",
    "",
  ])("finds no contact in %j", (text) => {
    expect(findContact(text)).toBeUndefined();
  });

  it("takes a mobile number before a landline", () => {
    expect(findContact("座机0797-8123456，手机13800000042")?.phone).toBe("13800000042");
  });
});
