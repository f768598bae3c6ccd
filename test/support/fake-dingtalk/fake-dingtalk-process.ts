/**
 * The fake DingTalk as a process of its own (`tsx fake-dingtalk-process.ts`), so a benchmark does
 * not count the fake's work as the bot's: prints `FAKE_DINGTALK_URL=<url>` once listening and runs
 * until killed. `FAKE_DINGTALK_QPS` refuses robot sends over that many per second as DingTalk's
 * throttling does. Control routes: GET /__fake/wait?count=N, /__fake/messages, /__fake/stats.
 */
import { FakeDingtalkServer } from "./fake-dingtalk-server.ts";

const fake = new FakeDingtalkServer();
fake.qpsLimit = Number(process.env.FAKE_DINGTALK_QPS ?? "0");
await fake.start();
process.stdout.write(`FAKE_DINGTALK_URL=${fake.url}\n`);
process.on("SIGTERM", () => {
  void fake.close().then(() => process.exit(0));
});
