/**
 * Pending escalation jobs survive a restart: with a policy whose ack_within is 2 s, an incident is
 * alerted, the app is closed before anyone acknowledges and before the first check is due, and a
 * new app on the same database and queue prefix sends the 第 2 级提醒 as soon as it is up. After
 * 已阅, the next check still fires (on the new app) and sends nothing.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadOfficeConfig, type OfficeConfig } from "../../../../src/config/load.ts";
import type { Database } from "../../../../src/store/database.ts";
import { ROOT, startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { openTestDatabase } from "../../../support/database.ts";
import { deletePrefixedKeys, uniquePrefix } from "../../../support/redis.ts";
import { waitFor } from "../../../support/wait-for.ts";
import {
  alertCards,
  confirmAction,
  DUTY_CHAT,
  driveToSummary,
  LEADERS_CHAT,
  REPORTER,
  UNIT_CHAT,
} from "./guided-report.ts";
import { QueueState } from "./queue-state.ts";

const ACK_WITHIN_MS = 2_000;

let dir: string;
let config: OfficeConfig;
let database: Database;
let queues: QueueState;
const prefix = uniquePrefix("escalation-restart");
const apps: TestApp[] = [];

/** The sample policy with every grade's ack_within cut to 2 s. */
async function shortAckConfig(): Promise<OfficeConfig> {
  const doc = parseDocument(await readFile(join(ROOT, "config/policy.yaml"), "utf8"));
  const grades = doc.get("grades") as { items: unknown[] };
  for (let i = 0; i < grades.items.length; i++)
    doc.setIn(["grades", i, "ack_within"], `${ACK_WITHIN_MS / 1000}s`);
  const policyFile = join(dir, "policy.yaml");
  await writeFile(policyFile, doc.toString());
  return loadOfficeConfig(join(ROOT, "config/org.yaml"), policyFile);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kuaibao-escalation-"));
  config = await shortAckConfig();
  database = await openTestDatabase();
  queues = new QueueState(prefix);
});

afterAll(async () => {
  for (const app of apps) await app.app.close().catch(() => undefined);
  await queues?.close();
  await database?.close();
  await deletePrefixedKeys(prefix);
  await rm(dir, { recursive: true, force: true });
});

async function startApp(): Promise<ConsoleClient> {
  const app = await startTestApp({ config, database, prefix });
  apps.push(app);
  return new ConsoleClient(app.baseUrl);
}

const escalations = async (client: ConsoleClient, chat: string) =>
  (await client.botMessages(chat)).filter((m) => m.text.includes("未阅"));

describe("escalation across a restart", () => {
  it("a check due while the app was down fires after the restart, and 已阅 stops the next one", async () => {
    expect(config.policy.grades?.every((g) => g.ack_within === ACK_WITHIN_MS)).toBe(true);

    // First app: the report is filed and alerted; it is closed (gracefully) before ack_within.
    const first = await startApp();
    const summary = await driveToSummary(first);
    await first.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));
    const incident = await waitFor("the incident to be alerted", () =>
      database.prisma.incident.findFirst({ where: { alertedAt: { not: null } } }),
    );
    await first.botSays(LEADERS_CHAT, incident.number);
    await (apps.at(-1) as TestApp).app.close();
    const alertedAt = (incident.alertedAt as Date).getTime();
    const closedAfterMs = Date.now() - alertedAt;
    // Nothing escalated while the first app ran: the check is still pending in Redis.
    expect(closedAfterMs, "the first app took too long to close").toBeLessThan(ACK_WITHIN_MS);
    expect(await queues.job(`incident-${incident.id}-ack-1`)).toBe("delayed");
    expect(await database.prisma.consoleMessage.count({ where: { text: { contains: "未阅" } } })).toBe(0);

    // The check comes due while no app is running.
    await new Promise((resolve) => setTimeout(resolve, alertedAt + ACK_WITHIN_MS + 300 - Date.now()));

    // Second app on the same database and prefix: the overdue check fires at once.
    const second = await startApp();
    const startedAt = Date.now();
    const escalation = await second.botSays(LEADERS_CHAT, ["第 2 级提醒", incident.number], {
      timeoutMs: 5_000,
    });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(escalation.urgent).toBe(true);
    expect(escalation.mentions).toContain("吴主任");
    await second.botSays("私聊 钱镇长", ["第 2 级提醒", incident.number], { timeoutMs: 5_000 });
    expect(await queues.job(`incident-${incident.id}-ack-2`)).toBe("delayed");

    // 李书记 acknowledges before the next level is due.
    await second.press(LEADERS_CHAT, "李书记", escalation.id, "已阅");
    await second.botSays(LEADERS_CHAT, ["李书记", "停止提醒"]);
    const acknowledged = await database.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(acknowledged.acknowledgedAt).not.toBeNull();

    // The level-3 check still fires (it is the new app's job now) and does nothing.
    await waitFor(
      "the level-3 check to fire",
      async () => (await queues.job(`incident-${incident.id}-ack-2`)) === "completed",
      { timeoutMs: ACK_WITHIN_MS + 5_000 },
    );
    await (apps.at(-1) as TestApp).app.idle();
    expect(await queues.job(`incident-${incident.id}-ack-3`)).toBe("unknown");
    // No level 3 anywhere; the alert and the one level-2 escalation were each updated in place to
    // the acknowledged alert (as Feishu edits them), so no card says 未阅 any more.
    for (const chat of [LEADERS_CHAT, DUTY_CHAT, "私聊 钱镇长"]) {
      const messages = await second.botMessages(chat);
      expect(
        messages.filter((m) => m.text.includes("第 3 级")),
        chat,
      ).toEqual([]);
      expect(await escalations(second, chat), chat).toEqual([]);
    }
    for (const chat of [LEADERS_CHAT, DUTY_CHAT]) {
      const cards = alertCards(await second.botMessages(chat), incident.number);
      expect(cards, chat).toHaveLength(2);
      for (const card of cards) expect(card.text, chat).toContain("已阅：李书记");
    }
    const after = await database.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after.escalationLevel).toBe(1);
    const kinds = await database.prisma.timelineEntry.findMany({
      where: { incidentId: incident.id },
      orderBy: { id: "asc" },
    });
    expect(kinds.map((e) => e.kind)).toEqual(["reported", "alerted", "escalated", "acknowledged"]);
  });
});
