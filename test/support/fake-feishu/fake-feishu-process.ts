/**
 * The fake Feishu server as a process of its own (`tsx fake-feishu-process.ts`), so a benchmark
 * does not count the fake's work as the bot's: prints `FAKE_FEISHU_URL=<url>` once listening and
 * runs until killed. Control routes: GET /__fake/wait?count=N, GET /__fake/messages.
 */
import { FakeFeishuServer } from "./fake-feishu-server.ts";

const fake = new FakeFeishuServer();
const url = await fake.start();
process.stdout.write(`FAKE_FEISHU_URL=${url}\n`);
process.on("SIGTERM", () => {
  void fake.close().then(() => process.exit(0));
});
