/**
 * The real bot killed with SIGKILL at two more points of a 首报 and started again on the same data
 * folder and queues; each time the report ends up as exactly one incident, alerted exactly once in
 * 县领导群 and 总值班室:
 * - while the 确认上报 press is being handled (the moment the incident is filed and its alert job
 *   scheduled, before the receipt: the press, redelivered after the restart, files nothing twice);
 * - after the alert has reached both groups.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../../support/wait-for.ts";
import {
  confirmAction,
  DUTY_CHAT,
  driveToSummary,
  LEADERS_CHAT,
  REPORTER,
  UNIT_CHAT,
} from "./guided-report.ts";
import {
  expectAlertedOnce,
  expectOneIncidentPerPlace,
  KillableBot,
  STALLED_RECOVERY_MS,
  settleReceipt,
} from "./kill-support.ts";

let bot: KillableBot;
const places: string[] = [];

beforeAll(async () => {
  bot = await KillableBot.create("kill-during-confirm");
});

afterAll(async () => {
  await bot?.dispose();
});

describe("kill -9 around 确认上报", () => {
  it("while the confirm is being handled: filed and alerted once after the restart", {
    timeout: 240_000,
  }, async () => {
    const place = "青山镇李家村一组村道";
    places.push(place);
    const summary = await driveToSummary(bot.client, { place });
    const eventId = `confirm-${summary.id}`;
    await bot.noteAlertJobs();
    const press = bot.client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), eventId).then(
      () => "returned",
      () => "cut off",
    );
    await waitFor("the confirm to file the incident", () => bot.newAlertJob(), { intervalMs: 1 });
    await bot.kill();
    const alertJob = await bot.newAlertJob();
    console.info(
      `[kill in flight] the call ${await press}; alert job ${alertJob ?? "(none)"} ${await bot.alertJobState(alertJob)}`,
    );

    await bot.start();
    const { number, redelivered } = await settleReceipt(bot, summary, eventId, STALLED_RECOVERY_MS);
    console.info(`[kill in flight] redelivery of the same event after the restart: ${redelivered}`);
    await expectAlertedOnce(bot, place, number, STALLED_RECOVERY_MS);
  });

  it("after the alert reached both groups: no second alert after the restart", {
    timeout: 240_000,
  }, async () => {
    const place = "青山镇李家村二组村道";
    places.push(place);
    const summary = await driveToSummary(bot.client, { place });
    const eventId = `confirm-${summary.id}`;
    await bot.noteAlertJobs();
    await bot.client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), eventId);
    for (const chat of [LEADERS_CHAT, DUTY_CHAT]) await bot.client.botSays(chat, place);
    const alertJob = await bot.newAlertJob();
    await waitFor("the alert job to complete and every send to be delivered", async () => {
      const { jobs, sends } = await bot.queues.unfinished();
      return (await bot.alertJobState(alertJob)) === "completed" && jobs === 0 && sends === 0;
    });
    await bot.kill();

    await bot.start();
    const { number } = await settleReceipt(bot, summary, eventId, STALLED_RECOVERY_MS);
    await expectAlertedOnce(bot, place, number, STALLED_RECOVERY_MS);
  });

  it("the database holds exactly one incident per report, each alerted once", {
    timeout: 60_000,
  }, async () => {
    expect(places).toHaveLength(2);
    await bot.kill();
    await expectOneIncidentPerPlace(bot, places);
  });
});
