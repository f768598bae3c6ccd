/**
 * The fake WeCom server as a process of its own (`tsx fake-wecom-process.ts`), so a benchmark does
 * not count the fake's work as the bot's: prints `FAKE_WECOM_URL=<url>` once listening and runs
 * until killed. Control routes: GET /__fake/wait?count=N, GET /__fake/messages.
 */
import { FakeWecomServer } from "./fake-wecom-server.ts";

const fake = new FakeWecomServer();
const url = await fake.start();
process.stdout.write(`FAKE_WECOM_URL=${url}\n`);
process.on("SIGTERM", () => {
  void fake.close().then(() => process.exit(0));
});
