/**
 * A 续报 filed just before a crash — on file, but its card job never scheduled — is not lost: the
 * next app's start-up reconcile schedules the card job again (and the follow-up check the 续报 arms),
 * the card reaches 县领导群 and 总值班室 once, and a further restart sends it no more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileReport } from "../../../../src/handlers/incident/follow-up/report-filing.ts";
import type { Database } from "../../../../src/store/database.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import {
  confirmAction,
  DUTY_CHAT,
  driveToSummary,
  LEADERS_CHAT,
  REPORTER,
  UNIT_CHAT,
} from "./guided-report.ts";
import { QueueState } from "./queue-state.ts";

let database: Database;
let queues: QueueState;
const prefix = uniquePrefix("report-card-restart");
const apps: TestApp[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  queues = new QueueState(prefix);
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.app.close().catch(() => undefined);
  await queues?.close();
  await database?.close();
  await deletePrefixedKeys(prefix);
});

async function startApp(): Promise<{ app: TestApp; client: ConsoleClient }> {
  const app = await startTestApp({ database, prefix });
  apps.push(app);
  return { app, client: new ConsoleClient(app.baseUrl) };
}

const followUpCards = async (client: ConsoleClient, chat: string, number: string) =>
  (await client.botMessages(chat)).filter(
    (m) => m.card?.title.startsWith("【续报一】") && m.text.includes(number),
  );

describe("a 续报 card across a restart", () => {
  it("is sent by the next app when the crash came between filing and scheduling, and only once", {
    timeout: 120_000,
  }, async () => {
    const first = await startApp();
    const summary = await driveToSummary(first.client);
    await first.client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));
    const incident = await waitFor("the incident to be alerted", () =>
      database.prisma.incident.findFirst({ where: { alertedAt: { not: null } } }),
    );
    await first.app.app.idle();
    await first.app.app.close();

    // What submitFollowUp puts on file before it schedules anything; then the process dies.
    const at = new Date();
    const filed = await fileReport(database.prisma, {
      incidentId: incident.id,
      kind: "follow_up",
      sourceKey: "dialog-crashed-before-scheduling",
      reporterId: "zhangsan",
      at,
      content: { incidentId: incident.id, progress: "伤员已转院" },
      prepare: () => ({
        changes: {},
        late: false,
        timeline: [{ kind: "followed_up", detail: { sequence: 1 } }],
      }),
    });
    expect(filed.status).toBe("filed");
    if (filed.status !== "filed") return;
    expect(filed.report.cardSentAt).toBeNull();

    const second = await startApp();
    for (const chat of [LEADERS_CHAT, DUTY_CHAT])
      await second.client.botSays(chat, ["【续报一】", incident.number], { timeoutMs: 10_000 });
    await second.app.app.idle();
    const sent = await database.prisma.incidentReport.findUniqueOrThrow({ where: { id: filed.report.id } });
    expect(sent.cardSentAt).not.toBeNull();
    // The follow-up check the 续报 arms (较大: every 4 h after it).
    const due = at.getTime() + 4 * 3_600_000;
    expect(await queues.job(`incident-${incident.id}-followup-1-${due}`)).toBe("delayed");
    await second.app.app.close();

    const third = await startApp();
    await third.app.app.idle();
    for (const chat of [LEADERS_CHAT, DUTY_CHAT])
      expect(await followUpCards(third.client, chat, incident.number), chat).toHaveLength(1);
  });
});
