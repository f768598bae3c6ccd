/**
 * A confirm delivered more than once files one incident and alerts once: the same console event id
 * for the 确认上报 press twice (a platform's redelivery), two different event ids pressing 确认上报
 * at the same moment (a double click), and two app instances on one database and Redis each taking
 * a press of the same summary card.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../../../src/store/database.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, uniquePrefix } from "../../../support/redis.ts";
import {
  alertCards,
  confirmAction,
  DUTY_CHAT,
  driveToSummary,
  LEADERS_CHAT,
  REPORTER,
  UNIT_CHAT,
} from "./guided-report.ts";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openDatabase(): Promise<Database> {
  const database = await openTestDatabase();
  cleanups.push(() => database.close());
  return database;
}

async function startApp(database: Database, prefix: string, sharedDatabase?: boolean): Promise<TestApp> {
  const app = await startTestApp({ database, prefix, sharedDatabase });
  cleanups.push(() => app.close());
  return app;
}

function newPrefix(name: string): string {
  const prefix = uniquePrefix(name);
  cleanups.push(() => deletePrefixedKeys(prefix));
  return prefix;
}

/** Waits until the apps have nothing left to do, then checks one incident, one receipt, one alert per group. */
async function expectFiledOnce(apps: TestApp[], client: ConsoleClient, database: Database) {
  const { number } = await database.prisma.incident.findFirstOrThrow();
  await client.botSays(LEADERS_CHAT, number);
  await client.botSays(DUTY_CHAT, number);
  for (const { app } of apps) await app.idle();
  expect(await database.prisma.incident.count()).toBe(1);
  expect(await database.prisma.incidentReport.count()).toBe(1);
  for (const chat of [LEADERS_CHAT, DUTY_CHAT])
    expect(alertCards(await client.botMessages(chat), number), chat).toHaveLength(1);
  const timeline = await database.prisma.timelineEntry.findMany({
    where: { kind: { in: ["reported", "alerted"] } },
  });
  expect(timeline.map((e) => e.kind).sort()).toEqual(["alerted", "reported"]);
  return number;
}

describe("a confirm delivered twice", () => {
  it("the same event id twice files one incident and sends one alert", async () => {
    const database = await openDatabase();
    const test = await startApp(database, newPrefix("confirm-same-event"));
    const client = new ConsoleClient(test.baseUrl);
    const summary = await driveToSummary(client);
    const eventId = `confirm-${summary.id}`;
    await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), eventId);
    await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), eventId);

    const number = await expectFiledOnce([test], client, database);
    // The redelivery is not handled at all: the receipt is the bot's only answer.
    const answers = await client.botMessages(UNIT_CHAT, summary.id);
    expect(answers.map((m) => m.text)).toEqual([expect.stringContaining(`已上报，编号 ${number}`)]);
  });

  it("two presses with different event ids at once file one incident and send one alert", async () => {
    const database = await openDatabase();
    const test = await startApp(database, newPrefix("confirm-double-click"));
    const client = new ConsoleClient(test.baseUrl);
    const summary = await driveToSummary(client);
    await Promise.all([
      client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), `click-a-${summary.id}`),
      client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), `click-b-${summary.id}`),
      client.say(UNIT_CHAT, REPORTER, "确认", `text-${summary.id}`),
    ]);

    const number = await expectFiledOnce([test], client, database);
    const receipts = (await client.botMessages(UNIT_CHAT, summary.id)).filter((m) =>
      m.text.includes("已上报"),
    );
    expect(receipts.map((m) => m.text)).toEqual([expect.stringContaining(number)]);
  });

  it("two app instances on one database and Redis each taking a press file one incident and alert once", async () => {
    const database = await openDatabase();
    const prefix = newPrefix("confirm-two-instances");
    // Two apps on one database: as two processes sharing PostgreSQL would run.
    const first = await startApp(database, prefix, true);
    const second = await startApp(database, prefix, true);
    const client = new ConsoleClient(first.baseUrl);
    const summary = await driveToSummary(client);
    await Promise.all([
      client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary), `instance-a-${summary.id}`),
      new ConsoleClient(second.baseUrl).press(
        UNIT_CHAT,
        REPORTER,
        summary.id,
        confirmAction(summary),
        `instance-b-${summary.id}`,
      ),
    ]);

    const number = await expectFiledOnce([first, second], client, database);
    // Each instance may answer its own press; every receipt names the one incident.
    const receipts = (await client.botMessages(UNIT_CHAT, summary.id)).filter((m) =>
      m.text.includes("已上报"),
    );
    expect(receipts.length).toBeGreaterThanOrEqual(1);
    for (const receipt of receipts) expect(receipt.text).toContain(number);
  });
});
