/**
 * `通报文件` on the real app and database: the 通报 of February 2026 (the fixture of the 通报 test:
 * 青山镇 late twice and missing a follow-up and a zero report, 白水乡 on time) as a .docx in 公文
 * form, sent to the asker one-to-one; a director, a reporter and a month still ahead are answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { insertDaily, insertIncident, insertMissedFollowUp, MINUTE } from "../digest/reporting-fixture.ts";
import { askForDocument, docxPart, textOf } from "../office/documents-support.ts";

/** 2026-03-04 09:00 in Shanghai: the month before is February. */
const NOW = new Date("2026-03-04T01:00:00Z");
const feb = (day: number, hour = 10) => new Date(Date.UTC(2026, 1, day, hour - 8));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  const prisma = t.database.prisma;
  const missed = await insertIncident(prisma, {
    number: "2026-0002",
    unitId: "qingshan",
    reportedAt: feb(9),
    lateByMs: 20 * MINUTE,
  });
  await insertMissedFollowUp(prisma, missed, feb(10));
  await insertIncident(prisma, { number: "2026-0004", unitId: "baishui", reportedAt: feb(1, 9) });
  await insertDaily(prisma, [
    { unitId: "qingshan", day: "2026-02-11", status: "missed", at: feb(11, 17) },
    { unitId: "baishui", day: "2026-02-10", status: "on_time", at: feb(10, 15) },
  ]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const say = (text: string) => `@快报助手 ${text}`;

describe("通报文件", () => {
  it("sends last month's 通报 as a .docx in 公文 form, with a table of late and missed reports", {
    timeout: 30_000,
  }, async () => {
    const sent = await askForDocument(t, "总值班室", "sun-zhiban", say("通报文件"));
    expect(sent.answer.text).toContain("《月度通报-2026-02.docx》已单独发给您");
    expect(sent.direct.files.map((f) => f.name)).toEqual(["月度通报-2026-02.docx"]);

    const xml = await docxPart(sent.bytes, "word/document.xml");
    const text = textOf(xml);
    expect(text).toContain("清河县人民政府总值班室");
    expect(text).toContain("情况通报");
    expect(text).toContain("第2期");
    expect(text).toContain("2026年3月4日");
    expect(text).not.toContain("签发人");
    expect(text).toContain("关于2026年2月突发事件信息报送情况的通报");
    expect(text).toContain("一、总体情况本月共迟报 1 次、漏报 2 次。");
    expect(text).toContain("二、迟报情况青山镇：首报迟报 1 起（2026-0002 迟 20 分钟）");
    expect(text).toContain("四、按时报送单位情况白水乡");
    expect(text).toContain("五、督办逾期情况");
    // The table: a header row, then 青山镇 with its late and missed reports.
    expect(xml).toContain("<w:tbl>");
    expect(text).toContain(
      "单位迟报漏报青山镇首报迟报 1 起（2026-0002 迟 20 分钟）漏报续报 1 次（2026-0002）零报告漏报 1 次（02-11）",
    );
    expect(xml).toMatch(
      /<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="44"\/>(?:(?!<\/w:r>).)*关于2026年2月突发事件信息报送情况的通报/s,
    );
    expect(xml).toMatch(
      /<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="32"\/>/s,
    );
    expect(await docxPart(sent.bytes, "word/footer1.xml")).toContain("PAGE");
  });

  it("reads the month as 通报 does, and refuses a month still ahead", { timeout: 30_000 }, async () => {
    const sent = await askForDocument(t, "县领导群", "li-shuji", say("通报文件 2026年1月"));
    expect(sent.direct.files.map((f) => f.name)).toEqual(["月度通报-2026-01.docx"]);
    expect(textOf(await docxPart(sent.bytes, "word/document.xml"))).toContain("第1期");
    const ahead = await firstAnswer(t, "总值班室", "sun-zhiban", say("通报文件 2026年5月"));
    expect(ahead.text).toContain("这个月还没到");
    const week = await firstAnswer(t, "总值班室", "sun-zhiban", say("通报文件 本周"));
    expect(week.text).toContain("通报文件 2026年11月");
  });

  it("refuses a unit's reporter and director", { timeout: 30_000 }, async () => {
    for (const person of ["lisi", "he-xiangzhang"]) {
      const answer = await firstAnswer(t, "白水乡工作群", person, say("通报文件"));
      expect(answer.text).toContain("您没有这项操作的权限");
    }
  });
});
