/**
 * The night 加急 wish through the real app: a leader who answered no in 登记 still gets an urgent
 * message and its mention at night, without the 加急; by day, and for those who said yes or never
 * answered, the 加急 stays.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VirtualClock } from "../../../../src/transcript/virtual-clock.ts";
import { startTestApp, type TestApp } from "../../../support/app.ts";

let test: TestApp;
let clock: VirtualClock;

beforeAll(async () => {
  clock = new VirtualClock(new Date("2026-12-07T23:00:00+08:00"));
  test = await startTestApp({ clock });
  const { prisma } = test.database;
  const confirmedAt = clock.now();
  await prisma.personProfile.create({ data: { personId: "li-shuji", nightUrgent: false, confirmedAt } });
  await prisma.personProfile.create({ data: { personId: "wang-xianzhang", nightUrgent: true, confirmedAt } });
}, 120_000);

afterAll(async () => {
  await test?.close();
});

async function sendUrgent(key: string) {
  const people = ["li-shuji", "wang-xianzhang", "zhao-mishuzhang"];
  await test.app.services.messenger.send({
    chatId: "leaders",
    idempotencyKey: key,
    text: `【测试】${key}`,
    mentions: people,
    urgentTo: people,
  });
  await test.app.idle();
  const sent = (await test.app.history.list("leaders", 0, 1000)).find((m) => m.text.includes(key));
  if (!sent) throw new Error(`${key} not sent`);
  return sent;
}

describe("the night 加急 wish", () => {
  it("leaves out at night only those who said no; the message and the mentions stay", async () => {
    const sent = await sendUrgent("night-1");
    expect(sent.urgentTo.sort()).toEqual(["王县长", "赵秘书长"].sort());
    expect(sent.mentions.sort()).toEqual(["李书记", "王县长", "赵秘书长"].sort());
  });

  it("buzzes everyone by day", async () => {
    clock.set(new Date("2026-12-08T09:00:00+08:00"));
    const sent = await sendUrgent("day-1");
    expect(sent.urgentTo.sort()).toEqual(["李书记", "王县长", "赵秘书长"].sort());
  });
});
