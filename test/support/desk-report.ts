/**
 * A 首报 made in chat through the console's inbox (works in sign-in mode, where the HTTP API lets
 * people speak only as themselves): the guided dialog answered as
 * test/integration/handlers/incident/guided-report.ts does, confirmed, and the incident's row read
 * back once the alert has gone out.
 */
import type { ConsoleMessageDto } from "../../src/bot/adapters/console/console-message.ts";
import type { TestApp } from "./app.ts";
import { waitFor } from "./wait-for.ts";

async function lastBotCard(
  test: TestApp,
  chat: string,
  after: number,
  fragment: string,
): Promise<ConsoleMessageDto> {
  return waitFor(`a bot card with ${fragment}`, async () =>
    (await test.app.history.list(chat, after))
      .filter((m) => m.sender === null && m.card?.buttons.some((b) => b.label.includes(fragment)))
      .at(-1),
  );
}

/** Reports a 较大 事故灾难 at `place` in 青山镇工作群 as 张三; resolves with the alerted incident's id and number. */
export async function reportIncident(test: TestApp, place: string): Promise<{ id: number; number: string }> {
  const chat = "qingshan-work";
  const sender = "zhangsan";
  const { inbox } = test.app;
  const after = (await test.app.history.list(chat, 0)).at(-1)?.id ?? 0;
  for (const text of ["@快报助手 上报", "2", "刚才", place, "两车相撞，一车侧翻", "3死5伤"])
    await inbox.say(chat, sender, text);
  const gradeCard = await lastBotCard(test, chat, after, "较大（建议）");
  const suggested = gradeCard.card?.buttons.find((b) => b.label.includes("较大（建议）"));
  await inbox.press(chat, sender, gradeCard.id, suggested?.action ?? "");
  await inbox.say(chat, sender, "镇长已带队赶赴现场，伤员已送县医院");
  await inbox.say(chat, sender, "钱镇长 13800000042");
  const summary = await lastBotCard(test, chat, after, "确认上报");
  const confirm = summary.card?.buttons.find((b) => b.label === "确认上报");
  await inbox.press(chat, sender, summary.id, confirm?.action ?? "");
  const incident = await waitFor("the incident to be alerted", async () => {
    const found = await test.database.prisma.incident.findFirst({
      where: { location: { contains: place } },
      orderBy: { id: "desc" },
    });
    return found?.alertedAt ? found : undefined;
  });
  return { id: incident.id, number: incident.number };
}
