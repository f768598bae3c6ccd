/**
 * What the tests need from the machine besides node_modules — Debian's chromium, a CJK font and
 * redis-server — installed with apt-get when missing, the way `npm start` installs redis-server:
 * as root, or through `sudo -n` when that works without a password. Otherwise the run stops with
 * a message naming the packages to install. Only Debian's packages are used; no browser is
 * downloaded from anywhere else.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { defaultSearchPath, findExecutable, isDebianLike } from "../../src/app/redis-server/redis-binary.ts";

const execFileAsync = promisify(execFile);

/** Where the browser tests look for chromium. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** A Debian package and how to tell that what it provides is already on the machine. */
export interface SystemNeed {
  debianPackage: string;
  present(): Promise<boolean>;
}

export const chromiumNeed: SystemNeed = {
  debianPackage: "chromium",
  present: async () => existsSync(CHROMIUM_PATH),
};

export const cjkFontNeed: SystemNeed = {
  debianPackage: "fonts-noto-cjk",
  present: hasCjkFont,
};

export const redisServerNeed: SystemNeed = {
  debianPackage: "redis-server",
  present: async () => (await findProgram("redis-server")) !== undefined,
};

/**
 * Installs the Debian packages of the needs that are not met, in one apt-get run.
 * Throws an Error naming the packages when they are missing and cannot be installed here.
 */
export async function ensureSystemPackages(needs: SystemNeed[], log: (msg: string) => void): Promise<void> {
  const missing: string[] = [];
  for (const need of needs) if (!(await need.present())) missing.push(need.debianPackage);
  if (missing.length === 0) return;

  const command = `apt-get install -y ${missing.join(" ")}`;
  const runner = await aptRunner();
  if (!runner) {
    throw new Error(
      `The tests need ${missing.join(", ")}, which are not installed, and this user may not install them ` +
        `(not root, no password-less sudo, or not Debian). Install them by hand: sudo ${command}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  // Waiting for the dpkg lock helps when unattended-upgrades or another apt-get runs at the same time.
  const steps = [
    ["update", "-qq"],
    ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", ...missing],
  ];
  for (const args of steps) {
    log([runner.file, ...runner.prefix, ...args].join(" "));
    try {
      await execFileAsync(runner.file, [...runner.prefix, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      const tail = `${stdout ?? ""}\n${stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
      throw new Error(
        `Installing ${missing.join(", ")} for the tests failed (apt-get ${args.join(" ")}):\n${tail}`,
      );
    }
  }
  const stillMissing: string[] = [];
  for (const need of needs) if (!(await need.present())) stillMissing.push(need.debianPackage);
  if (stillMissing.length > 0) {
    throw new Error(
      `apt-get installed ${missing.join(", ")}, yet ${stillMissing.join(", ")} is still not found.`,
    );
  }
  log(`installed ${missing.join(", ")}`);
}

/**
 * How apt-get may be run: directly as root, through `sudo -n` when password-less sudo works;
 * undefined when we may not, or the machine is not Debian-like.
 */
async function aptRunner(): Promise<{ file: string; prefix: string[] } | undefined> {
  if (process.platform !== "linux" || !(await isDebianLike())) return undefined;
  const aptGet = await findProgram("apt-get");
  if (!aptGet) return undefined;
  if (process.getuid?.() === 0) return { file: aptGet, prefix: [] };
  const sudo = await findProgram("sudo");
  if (!sudo) return undefined;
  try {
    await execFileAsync(sudo, ["-n", "true"]);
    return { file: sudo, prefix: ["-n", aptGet] };
  } catch {
    return undefined;
  }
}

/** The path of an executable on PATH or in the usual system directories, if any. */
function findProgram(name: string): Promise<string | undefined> {
  return findExecutable(name, defaultSearchPath());
}

/** Whether a font covering Chinese is installed: fontconfig's answer, else a look at the font folders. */
async function hasCjkFont(): Promise<boolean> {
  const fcList = await findProgram("fc-list");
  if (fcList) {
    try {
      const { stdout } = await execFileAsync(fcList, [":lang=zh", "family"]);
      return stdout.trim() !== "";
    } catch {
      // fall through to the folders
    }
  }
  return (await listFiles("/usr/share/fonts", 4)).some((file) =>
    /cjk|wqy|droidsansfallback|uming|ukai/i.test(file),
  );
}

async function listFiles(dir: string, depth: number): Promise<string[]> {
  if (depth < 0) return [];
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(path, depth - 1)));
    else files.push(path);
  }
  return files;
}
