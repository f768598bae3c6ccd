/**
 * The schedule tick in the real app on real BullMQ: at start the sample schedules become job
 * schedulers; a tick due on a workday runs its job through the queue (the morning reminder with
 * today's duty people reaches the console history), a tick due on a Saturday runs nothing, and a
 * retried tick does not run the job twice.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { loadOfficeConfig } from "../../../../src/config/load.ts";
import { recurringSchedulerId } from "../../../../src/queue/bullmq-recurring.ts";
import type { BullmqScheduler } from "../../../../src/queue/bullmq-scheduler.ts";
import { safeJobId } from "../../../../src/queue/queue-names.ts";
import { ROOT, startTestApp, type TestApp } from "../../../support/app.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { waitFor } from "../../../support/wait-for.ts";

let test: TestApp;

beforeAll(async () => {
  const config = await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"), {
    schedulesFile: join(ROOT, "config/schedules.yaml"),
    rosterFile: join(ROOT, "config/roster.yaml"),
  });
  test = await startTestApp({ config, http: undefined });
}, 60_000);

afterAll(async () => {
  await test?.close();
});

const tick = (dueAt: string) => ({
  name: "schedule-tick",
  data: { scheduleId: "morning", job: "morning-reminder", days: ["workdays"], dueAt },
});

async function morningTexts(): Promise<string[]> {
  const messages = await test.app.history.list("duty", 0, 1000);
  return messages.filter((m) => m.sender === null && m.text?.includes("今日提醒")).map((m) => m.text ?? "");
}

describe("schedule ticks on BullMQ", () => {
  it("an app whose schedules name an unknown job does not start, and says which entry", async () => {
    const config = await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"));
    const schedules = {
      file: "schedules.yaml",
      entries: [
        {
          id: "evening",
          at: [{ hour: 18, minute: 0 }],
          days: { kinds: [], ranges: [], source: ["daily"] },
          job: "digets",
        },
      ],
    };
    const database = await openTestDatabase();
    onTestFinished(() => database.close());
    await expect(startTestApp({ config: { ...config, schedules }, database })).rejects.toThrow(
      /schedules\.yaml[\s\S]*\[0\]\.job：提醒「evening」的任务「digets」不存在/,
    );
  });

  it("the sample schedules are job schedulers after start", async () => {
    const queue = (test.app.services.scheduler as BullmqScheduler).queue;
    const keys = (await queue.getJobSchedulers(0, -1)).map((s) => s.key).sort();
    expect(keys).toEqual(
      ["morning", "digest-0800", "digest-1800", "monthly-notice", "zero-report-cutoff", "zero-report-remind"]
        .map((id) => recurringSchedulerId(id))
        .sort(),
    );
  });

  it("runs the job on a workday, once even when the tick runs twice, and nothing on a Saturday", async () => {
    const { app } = test;
    // 2026-12-05 is a Saturday; 2026-12-07 a Monday with 周值班 and 王县长 on the roster.
    await app.jobs.run(app.services, "daily-morning-sat", tick("2026-12-05T00:00:00.000Z"));
    await app.jobs.run(app.services, "daily-morning-mon", tick("2026-12-07T00:00:00.000Z"));
    await app.jobs.run(app.services, "daily-morning-mon", tick("2026-12-07T00:00:00.000Z"));

    await waitFor("the morning reminder", async () => (await morningTexts()).length > 0, {
      timeoutMs: 20_000,
    });
    await app.idle();
    const texts = await morningTexts();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("12月7日（星期一）");
    expect(texts[0]).toContain("值班员：周值班");
    expect(texts[0]).toContain("带班领导：王县长");
    const queue = (app.services.scheduler as BullmqScheduler).queue;
    expect(await queue.getJob(safeJobId("daily-morning-sat-run"))).toBeUndefined();
    expect(await queue.getJob(safeJobId("daily-morning-mon-run"))).toBeDefined();
  }, 60_000);
});
