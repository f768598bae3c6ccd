/**
 * A platform's fake server (Feishu, DingTalk, WeCom) in a child process, as the platform is
 * elsewhere: its work is not the bot's. It prints `FAKE_<PLATFORM>_URL=…` once listening, and
 * answers `/__fake/…` with what it received.
 */
import { spawn } from "node:child_process";

export async function startFakePlatformProcess<M>(
  root: string,
  platform: "feishu" | "dingtalk" | "wecom",
  env?: Record<string, string>,
) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", `test/support/fake-${platform}/fake-${platform}-process.ts`],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      ...(env ? { env: { ...process.env, ...env } } : {}),
    },
  );
  const announced = new RegExp(`FAKE_${platform.toUpperCase()}_URL=(\\S+)`);
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = announced.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.on("exit", (code) => reject(new Error(`fake ${platform} exited (${code})`)));
  });
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${url}${path}`)).json()) as T;
  return {
    url,
    async waitForMessages(count: number): Promise<void> {
      await fetch(`${url}/__fake/wait?count=${count}`);
    },
    messages(): Promise<M[]> {
      return get<M[]>("/__fake/messages");
    },
    /** Another of the fake's `/__fake/…` answers. */
    get,
    async close(): Promise<void> {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
