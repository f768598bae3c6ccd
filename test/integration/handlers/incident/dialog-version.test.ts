/**
 * A deploy never breaks a 首报 in progress: a session stored in the shape before dialogs carried a
 * version (no `@version` in its data, as the previous release left it) resumes at its step, keeps
 * the answers given before, is stored again with the current version, and files the report.
 */
import { afterEach, describe, expect, it } from "vitest";
import { VERSION_KEY } from "../../../../src/bot/core/dialog/session-store.ts";
import { incidentRules } from "../../../../src/config/policy.ts";
import { firstReportDialog } from "../../../../src/handlers/incident/first-report/first-report-dialog.ts";
import { sampleConfig, startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { confirmAction, REPORTER, UNIT_CHAT } from "./guided-report.ts";

let test: TestApp | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe("a 首报 stored before dialogs carried a version", () => {
  it("resumes at its step and files the report", { timeout: 120_000 }, async () => {
    // Sessions read from the database on every message, as processes sharing PostgreSQL do: the row
    // rewritten below is what the next answer finds.
    const rules = incidentRules((await sampleConfig()).policy);
    if (!rules) throw new Error("the sample policy has no incident rules");
    const firstReport = firstReportDialog(rules);
    test = await startTestApp({ sharedDatabase: true });
    const { prisma } = test.database;
    const client = new ConsoleClient(test.baseUrl);
    const say = (text: string) => client.say(UNIT_CHAT, REPORTER, text);

    const start = await client.lastId(UNIT_CHAT);
    await say("@bot 上报");
    await say("2"); // 事故灾难
    await say("刚才");
    await say("青山镇李家村村道");
    const summaryPrompt = await client.botSays(UNIT_CHAT, "发生了什么", { after: start });

    const row = await prisma.dialogSession.findFirstOrThrow();
    expect(row).toMatchObject({ dialogId: firstReport.id, stepId: "summary" });
    const { [VERSION_KEY]: version, ...previousShape } = row.data as Record<string, unknown>;
    expect(version).toBe(firstReport.version);
    expect(previousShape).toMatchObject({ type: "事故灾难", location: "青山镇李家村村道" });
    // As the previous release stored it.
    await prisma.dialogSession.update({ where: { id: row.id }, data: { data: previousShape as object } });

    await say("两车相撞，一车侧翻");
    await client.botSays(UNIT_CHAT, "伤亡情况", { after: summaryPrompt.id });
    const resumed = await prisma.dialogSession.findUniqueOrThrow({ where: { id: row.id } });
    expect(resumed.stepId).toBe("casualties");
    expect(resumed.data).toEqual({
      ...previousShape,
      summary: "两车相撞，一车侧翻",
      [VERSION_KEY]: firstReport.version,
    });

    await say("3死5伤");
    const gradeCard = await client.botSays(UNIT_CHAT, "较大（建议）", { after: summaryPrompt.id });
    const suggested = gradeCard.card?.buttons.find((b) => b.label.includes("较大（建议）"));
    if (!suggested) throw new Error(`no 较大（建议） button: ${gradeCard.text}`);
    await client.press(UNIT_CHAT, REPORTER, gradeCard.id, suggested.action);
    await say("镇长已带队赶赴现场，伤员已送县医院");
    await say("钱镇长 13800000042");
    const summary = await client.botSays(UNIT_CHAT, ["请核对", "确认上报"], { after: gradeCard.id });
    // The answers given before the deploy are on the summary.
    expect(summary.text).toContain("青山镇李家村村道");
    expect(summary.text).toContain("事故灾难");
    await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));

    const receipt = await client.botSays(UNIT_CHAT, "已上报，编号", { after: summary.id });
    const incident = await prisma.incident.findFirstOrThrow();
    expect(receipt.text).toContain(incident.number);
    expect(incident).toMatchObject({
      type: "事故灾难",
      location: "青山镇李家村村道",
      summary: "两车相撞，一车侧翻",
      deaths: 3,
      injured: 5,
    });
    expect(await prisma.dialogSession.count()).toBe(0);
  });
});
