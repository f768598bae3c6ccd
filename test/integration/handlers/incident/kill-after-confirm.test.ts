/**
 * The real bot, killed with SIGKILL the moment the 确认上报 call has returned — the incident is on
 * file, its alert job is running or about to — and started again on the same data folder and queues:
 * the alert reaches 县领导群 and 总值班室 exactly once, and there is exactly one incident.
 *
 * Where the kill lands is read from Redis and logged. When the killed bot was running the alert job,
 * BullMQ only hands it to the new bot once its lock has expired and a stalled check has seen it
 * (up to about a minute): this test waits for that.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmAction, driveToSummary, REPORTER, UNIT_CHAT } from "./guided-report.ts";
import {
  expectAlertedOnce,
  expectOneIncidentPerPlace,
  KillableBot,
  STALLED_RECOVERY_MS,
  settleReceipt,
} from "./kill-support.ts";

let bot: KillableBot;

beforeAll(async () => {
  bot = await KillableBot.create("kill-after-confirm");
});

afterAll(async () => {
  await bot?.dispose();
});

describe("kill -9 right after 确认上报 returns", () => {
  it("the alert goes out exactly once after the restart", { timeout: 240_000 }, async () => {
    const place = "青山镇李家村村道";
    const summary = await driveToSummary(bot.client, { place });
    const eventId = `confirm-${summary.id}`;
    await bot.noteAlertJobs();
    await bot.client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), eventId);
    await bot.kill();

    const alertJob = await bot.newAlertJob();
    // The confirm returned, so the incident was filed and its alert job scheduled.
    expect(alertJob).toMatch(/^incident-\d+-alert$/);
    const stateAtKill = await bot.alertJobState(alertJob);
    console.info(`[kill after confirm] alert job ${alertJob} was ${stateAtKill} at the kill`);

    await bot.start();
    const restartedAt = Date.now();
    const { number } = await settleReceipt(bot, summary, eventId, STALLED_RECOVERY_MS);
    const alertedAt = await expectAlertedOnce(bot, place, number, STALLED_RECOVERY_MS);
    console.info(
      `[kill after confirm] alert card stored ${alertedAt.getTime() - restartedAt} ms after the restarted bot was up (negative: while it started)`,
    );
    expect(await bot.alertJobState(alertJob)).toBe("completed");

    await bot.kill();
    await expectOneIncidentPerPlace(bot, [place]);
  });
});
