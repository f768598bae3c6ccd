/**
 * 转突发 under a policy without incident rules (no grades, types or escalation): the item stays as
 * it is and the person is told that incident reporting is not configured.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadOfficeConfig } from "../../../../../src/config/load.ts";
import { OpinionStore } from "../../../../../src/handlers/opinion/opinion-store.ts";
import { oversightMessages as M } from "../../../../../src/handlers/opinion/oversight/messages.ts";
import { levelOf, opinionDues } from "../../../../../src/handlers/opinion/rules/opinion-level.ts";
import { ROOT, startTestApp, type TestApp } from "../../../../support/app.ts";
import { ConsoleClient } from "../../../../support/console-client.ts";

let test: TestApp;

beforeAll(async () => {
  const doc = parseDocument(await readFile(join(ROOT, "config/policy.yaml"), "utf8"));
  for (const key of ["grades", "types", "escalation"]) doc.delete(key);
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-no-incidents-"));
  try {
    const file = join(dir, "policy.yaml");
    await writeFile(file, doc.toString());
    test = await startTestApp({ config: await loadOfficeConfig(join(ROOT, "config/org.yaml"), file) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);

afterAll(async () => {
  await test?.close();
});

it("says reporting is not configured and changes nothing", { timeout: 60_000 }, async () => {
  const store = new OpinionStore(test.database.prisma);
  const now = new Date();
  const { opinion } = (
    await loadOfficeConfig(join(ROOT, "config/org.yaml"), join(ROOT, "config/policy.yaml"))
  ).policy;
  const { item } = await store.create({
    sourceKey: "no-incidents",
    source: "微博",
    link: null,
    content: "网传青山镇李家村垃圾长期无人清运",
    unitId: "qingshan",
    foundAt: now,
    reads: null,
    reposts: null,
    comments: null,
    levelId: "general",
    registeredBy: "sun-zhiban",
    chatId: "duty",
    registeredAt: now,
    ...opinionDues(levelOf(opinion, "general"), now),
    year: 2026,
  });
  const client = new ConsoleClient(test.baseUrl);
  const after = await client.lastId("县领导群");
  await client.say("县领导群", "李书记", `@快报助手 转突发 ${item.number}`);
  await client.botSays("县领导群", M.reportingOff, { after });
  expect((await store.timeline(item.id)).map((e) => e.kind)).toEqual(["registered"]);
  expect((await store.byId(item.id))?.incidentId).toBeNull();
});
