/**
 * The alert job marks the incident alerted and writes its "alerted" timeline entry in one
 * transaction. Here the database refuses the entry the first time (a trigger, counted by a sequence,
 * which a rollback does not undo): the job's retry files exactly one entry and the leaders get one
 * alert card. Before, the mark stayed while the entry failed, the retry saw the mark and stopped,
 * and the incident had no "alerted" entry at all (the kill -9 test caught it once).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../support/app.ts";
import { ConsoleClient } from "../../../support/console-client.ts";
import { waitFor } from "../../../support/wait-for.ts";
import {
  alertCards,
  confirmAction,
  driveToSummary,
  LEADERS_CHAT,
  REPORTER,
  UNIT_CHAT,
} from "./guided-report.ts";

let test: TestApp;
let client: ConsoleClient;

const REFUSE_FIRST_ALERTED_ENTRY = [
  "CREATE SEQUENCE alerted_entry_tries",
  `CREATE FUNCTION refuse_first_alerted_entry() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.kind = 'alerted' AND nextval('alerted_entry_tries') = 1 THEN
       RAISE EXCEPTION 'refused for the test';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER refuse_first_alerted_entry BEFORE INSERT ON timeline_entry
   FOR EACH ROW EXECUTE FUNCTION refuse_first_alerted_entry()`,
];

beforeAll(async () => {
  test = await startTestApp();
  for (const sql of REFUSE_FIRST_ALERTED_ENTRY) await test.database.prisma.$executeRawUnsafe(sql);
  client = new ConsoleClient(test.baseUrl);
}, 60_000);

afterAll(async () => {
  await test?.close();
});

describe("the alert's mark and timeline entry", () => {
  it("are written together: a failed entry is retried with the mark, not left out", {
    timeout: 60_000,
  }, async () => {
    const { prisma } = test.database;
    const summary = await driveToSummary(client);
    await client.press(UNIT_CHAT, REPORTER, summary.id, confirmAction(summary));
    const alerted = await waitFor(
      "the incident to be alerted with its timeline entry",
      async () => {
        const found = await prisma.incident.findFirst({ include: { timeline: true } });
        return found?.timeline.some((e) => e.kind === "alerted") && found;
      },
      { timeoutMs: 30_000 },
    );
    await test.app.idle();
    // Read again: Prisma reads the incident and its timeline in two queries, and the alert's one
    // statement may have committed between them.
    const incident = await prisma.incident.findUniqueOrThrow({ where: { id: alerted.id } });

    const [row] = await prisma.$queryRawUnsafe<{ tries: bigint }[]>(
      "SELECT last_value AS tries FROM alerted_entry_tries",
    );
    expect(Number(row?.tries), "the first entry was refused and written again").toBe(2);
    const entries = await prisma.timelineEntry.count({ where: { incidentId: incident.id, kind: "alerted" } });
    expect(entries).toBe(1);
    expect(incident.alertedAt).not.toBeNull();
    expect(alertCards(await client.botMessages(LEADERS_CHAT), incident.number)).toHaveLength(1);
  });
});
