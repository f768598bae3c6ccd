/**
 * `专报 2026-0042` on the real app and database: the 信息专报 goes to the asker's one-to-one chat as
 * a .docx in 公文 form (版头 with the office's name and 第N期, 签发人 from the roster, the title in
 * 小标宋 二号, the body in 仿宋_GB2312 三号, headings in 黑体, page numbers); an incident keeps its
 * issue; a director gets only their unit's; a reporter and an unknown number are answered in Chinese.
 */

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOfficeConfig } from "../../../../src/config/load.ts";
import { ROOT, startTestApp, type TestApp } from "../../../support/app.ts";
import { firstAnswer } from "../../../support/first-answer.ts";
import { insertIncident } from "../digest/reporting-fixture.ts";
import { askForDocument, docxPart, textOf } from "../office/documents-support.ts";

/** 2026-12-03 10:00 in Shanghai: the roster names 李书记 带班领导 (12-01..12-06). */
const NOW = new Date("2026-12-03T02:00:00Z");
let t: TestApp;

beforeAll(async () => {
  const config = await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"), {
    rosterFile: join(ROOT, "config/roster.yaml"),
  });
  t = await startTestApp({ config, clock: { now: () => NOW } });
  const prisma = t.database.prisma;
  const id = await insertIncident(prisma, {
    number: "2026-0042",
    unitId: "qingshan",
    reportedAt: new Date("2026-12-03T01:00:00Z"),
    status: "open",
  });
  await prisma.incident.update({
    where: { id },
    data: { location: "石门村", summary: "山体滑坡，冲毁村道约50米。", deaths: 0, injured: 2, missing: 0 },
  });
  await prisma.incidentReport.create({
    data: {
      incidentId: id,
      kind: "follow_up",
      sequence: 1,
      sourceKey: "fixture-follow-up-1",
      reporterId: "zhangsan",
      receivedAt: new Date("2026-12-03T01:40:00Z"),
      content: { progress: "道路已抢通一半。", newMeasures: "调派挖掘机2台。" },
    },
  });
  await insertIncident(prisma, {
    number: "2026-0043",
    unitId: "baishui",
    reportedAt: new Date("2026-12-03T01:30:00Z"),
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const say = (text: string) => `@快报助手 ${text}`;

describe("专报", () => {
  it("sends the duty officer the 信息专报 as a .docx in 公文 form, one-to-one", {
    timeout: 30_000,
  }, async () => {
    const sent = await askForDocument(t, "总值班室", "sun-zhiban", say("专报 2026-0042"));
    expect(sent.answer.text).toContain("《信息专报-2026-0042.docx》已单独发给您");
    expect(sent.direct.files.map((f) => f.name)).toEqual(["信息专报-2026-0042.docx"]);
    expect(sent.direct.text).toContain("第1期");

    const xml = await docxPart(sent.bytes, "word/document.xml");
    const text = textOf(xml);
    expect(text).toContain("清河县人民政府总值班室");
    expect(text).toContain("值班信息专报");
    expect(text).toContain("第1期");
    expect(text).toContain("2026年12月3日");
    expect(text).toContain("签发人：李书记");
    expect(text).toContain("关于青山镇石门村事故灾难的信息专报");
    expect(text).toContain("事件编号 2026-0042");
    expect(text).toContain("山体滑坡，冲毁村道约50米。");
    expect(text).toContain("续报一（2026年12月3日9时40分）：道路已抢通一半。");
    expect(text).toContain("受伤 2 人");
    expect(text).toContain("调派挖掘机2台。");
    expect(text).toContain("（请值班员填写下一步工作安排。）");
    expect(text).toContain("报送单位：青山镇");
    for (const heading of ["一、事件基本情况", "二、伤亡情况", "三、已采取措施", "四、下一步工作"])
      expect(text).toContain(heading);

    // The title in 方正小标宋简体 二号 (44 half-points); the body in 仿宋_GB2312 三号 (32); headings 黑体 三号.
    expect(xml).toMatch(
      /<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="44"\/>(?:(?!<\/w:r>).)*关于青山镇石门村事故灾难的信息专报/s,
    );
    expect(xml).toMatch(
      /<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="32"\/>/s,
    );
    expect(xml).toMatch(
      /<w:rFonts [^>]*w:eastAsia="黑体"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:sz w:val="32"\/>(?:(?!<\/w:r>).)*一、事件基本情况/s,
    );
    // A4, margins 上37 下35 左28 右26 mm.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);

    const footer = await docxPart(sent.bytes, "word/footer1.xml");
    expect(footer).toContain("PAGE");
    expect(textOf(footer)).toBe("— " + " —");
  });

  it("keeps an incident's issue; the next incident's 专报 takes the next one", {
    timeout: 30_000,
  }, async () => {
    const again = await askForDocument(t, "县领导群", "li-shuji", say("专报 2026-0042"));
    expect(textOf(await docxPart(again.bytes, "word/document.xml"))).toContain("第1期");
    const next = await askForDocument(t, "县领导群", "li-shuji", say("专报 2026-0043"));
    expect(next.direct.files.map((f) => f.name)).toEqual(["信息专报-2026-0043.docx"]);
    expect(textOf(await docxPart(next.bytes, "word/document.xml"))).toContain("第2期");
  });

  it("gives a unit's director their own unit's 专报 and refuses another unit's", {
    timeout: 30_000,
  }, async () => {
    const own = await askForDocument(t, "白水乡工作群", "he-xiangzhang", say("专报 2026-0043"));
    expect(own.direct.files.map((f) => f.name)).toEqual(["信息专报-2026-0043.docx"]);
    const other = await firstAnswer(t, "白水乡工作群", "he-xiangzhang", say("专报 2026-0042"));
    expect(other.text).toContain("您没有 2026-0042 的信息专报权限");
  });

  it("refuses a reporter, and names an unknown number or a missing one", { timeout: 30_000 }, async () => {
    const reporter = await firstAnswer(t, "白水乡工作群", "lisi", say("专报 2026-0043"));
    expect(reporter.text).toContain("您没有这项操作的权限");
    const unknown = await firstAnswer(t, "总值班室", "sun-zhiban", say("专报 2026-0999"));
    expect(unknown.text).toContain("没有找到编号为「2026-0999」的事件");
    const bare = await firstAnswer(t, "总值班室", "sun-zhiban", say("专报"));
    expect(bare.text).toContain("请写明事件编号");
  });
});
