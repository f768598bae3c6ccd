/**
 * Finding the `redis-server` program, and installing it with apt-get where we may (root on Debian/Ubuntu),
 * so that a fresh office machine runs the bot with no manual Redis set-up.
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Where a person is told to go when there is no Redis and we cannot install one. */
export const REDIS_INSTALL_HINT =
  "请安装 Redis（Debian/Ubuntu：sudo apt-get install redis-server），" +
  "或设置环境变量 REDIS_URL 指向一个已有的 Redis（例如 REDIS_URL=redis://127.0.0.1:6379）。";

/** Directories searched besides `PATH`: services often run with a minimal `PATH`. */
const EXTRA_DIRS = ["/usr/local/bin", "/usr/bin", "/usr/sbin", "/bin", "/sbin"];

/** Options of {@link locateRedisServer}. */
export interface LocateRedisServerOptions {
  /** Directories to search, in order. Default: the `PATH` entries, then the usual system directories. */
  searchPath?: string[];
  /** Install with apt-get when missing and allowed (root, Debian/Ubuntu). Default true. */
  autoInstall?: boolean;
  log: (msg: string) => void;
}

/** The directories searched by default: `PATH` then the usual system directories. */
export function defaultSearchPath(): string[] {
  const fromEnv = (process.env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  return [...new Set([...fromEnv, ...EXTRA_DIRS])];
}

/** The first executable file called `name` in `dirs`, if any. */
export async function findExecutable(name: string, dirs: string[]): Promise<string | undefined> {
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next directory
    }
  }
  return undefined;
}

/**
 * The path of `redis-server`; installs the Debian package first when it is missing and we are allowed to.
 * Throws an Error with a Chinese message saying how to install Redis or set REDIS_URL.
 */
export async function locateRedisServer(
  options: LocateRedisServerOptions,
): Promise<{ path: string; installed: boolean }> {
  const dirs = options.searchPath ?? defaultSearchPath();
  const found = await findExecutable("redis-server", dirs);
  if (found) return { path: found, installed: false };

  const aptGet = options.autoInstall === false ? undefined : await aptGetIfAllowed();
  if (!aptGet) {
    throw new Error(
      `找不到 redis-server 程序，快报需要 Redis 保存队列任务（期限、提醒、催办）。${REDIS_INSTALL_HINT}`,
    );
  }
  try {
    await installWithApt(aptGet, options.log);
  } catch (error) {
    throw new Error(
      `找不到 redis-server，自动安装也失败了：${(error as Error).message}\n${REDIS_INSTALL_HINT}`,
    );
  }
  const installed = await findExecutable("redis-server", [...dirs, ...EXTRA_DIRS]);
  if (!installed) {
    throw new Error(
      `已执行 apt-get install redis-server，但仍找不到 redis-server 程序。${REDIS_INSTALL_HINT}`,
    );
  }
  return { path: installed, installed: true };
}

/** apt-get's path when we run as root on Debian or a derivative (Ubuntu…); otherwise undefined. */
async function aptGetIfAllowed(): Promise<string | undefined> {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return undefined;
  if (!(await isDebianLike())) return undefined;
  return findExecutable("apt-get", defaultSearchPath());
}

/** Whether this is Debian or a derivative (Ubuntu…), where apt-get installs packages. */
export async function isDebianLike(): Promise<boolean> {
  try {
    const osRelease = await readFile("/etc/os-release", "utf8");
    const ids = [/^ID=(.*)$/m, /^ID_LIKE=(.*)$/m]
      .map((re) => re.exec(osRelease)?.[1]?.replaceAll('"', "") ?? "")
      .join(" ")
      .split(/\s+/);
    return ids.includes("debian") || ids.includes("ubuntu");
  } catch {
    return false;
  }
}

async function installWithApt(aptGet: string, log: (msg: string) => void): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Waiting for the dpkg lock helps when unattended-upgrades happens to run at the same time.
  const steps = [["update"], ["-o", "DPkg::Lock::Timeout=300", "install", "-y", "redis-server"]];
  for (const args of steps) {
    log(`未找到 redis-server，正在自动安装：${aptGet} ${args.join(" ")}`);
    try {
      await execFileAsync(aptGet, args, { env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      const tail = lastLines(`${stdout ?? ""}\n${stderr ?? ""}`, 15);
      throw new Error(
        `apt-get ${args.join(" ")} 失败（${(error as Error).message.split("\n")[0]}）\n${tail}`,
      );
    }
  }
  log("redis-server 已安装。");
}

function lastLines(text: string, count: number): string {
  return text.trim().split("\n").slice(-count).join("\n");
}
