/**
 * The schedules file and the duty roster: the samples load; wrong entries are named by file, path
 * and a Chinese reason; a schedule whose job no capability registers is refused at start, naming the entry.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { Directory } from "../../../src/bot/core/directory.ts";
import { JobRegistry } from "../../../src/bot/core/job-registry.ts";
import { ConfigError, loadOfficeConfig } from "../../../src/config/load.ts";
import { DutyRoster } from "../../../src/config/roster.ts";
import { recurringEntries, scheduleProblems } from "../../../src/handlers/daily/recurring-entries.ts";
import { allCapabilities } from "../../../src/handlers/index.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const ORG = join(ROOT, "config/org.yaml");
const POLICY = join(ROOT, "config/policy.yaml");
const SCHEDULES = join(ROOT, "config/schedules.yaml");
const ROSTER = join(ROOT, "config/roster.yaml");

async function tempFile(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "kuaibao-schedules-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function configError(extra: { schedulesFile?: string; rosterFile?: string }): Promise<ConfigError> {
  const error = await loadOfficeConfig(ORG, POLICY, extra).then(
    () => expect.fail("the file was accepted"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe("the sample schedules and roster", () => {
  it("load, with the zero-report rule and a morning reminder on workdays", async () => {
    const config = await loadOfficeConfig(ORG, POLICY, { schedulesFile: SCHEDULES, rosterFile: ROSTER });
    const morning = config.schedules?.entries.find((e) => e.id === "morning");
    expect(morning?.at).toEqual([{ hour: 8, minute: 0 }]);
    expect(morning?.days.source).toEqual(["workdays"]);
    expect(config.schedules?.zeroReport?.units).toEqual(["qingshan", "baishui", "liulin"]);
    expect(config.schedules?.zeroReport?.cutoff).toEqual({ hour: 17, minute: 0 });
    const roster = new DutyRoster(
      config.roster ?? [],
      (ref) => config.org.people.find((p) => p.name === ref)?.id,
    );
    expect(roster.on("2026-12-08")).toEqual({ duty: ["zhou-zhiban"], leaders: ["wang-xianzhang"] });
    expect(roster.on("2026-12-31")?.duty).toEqual(["sun-zhiban", "wu-zhuren"]);
    expect(roster.on("2027-01-01")).toBeUndefined();
  });

  it("become one daily entry per time plus the zero-report reminder and cut-off", async () => {
    const config = await loadOfficeConfig(ORG, POLICY, { schedulesFile: SCHEDULES });
    const entries = recurringEntries(config.schedules?.entries ?? [], config.schedules?.zeroReport);
    expect(entries.map((e) => [e.id, e.hour, e.minute])).toEqual([
      ["morning", 8, 0],
      ["digest-0800", 8, 0],
      ["digest-1800", 18, 0],
      ["monthly-notice", 9, 0],
      ["zero-report-remind", 16, 0],
      ["zero-report-cutoff", 17, 0],
    ]);
    expect(entries[0]?.job.data).toMatchObject({
      scheduleId: "morning",
      job: "morning-reminder",
      days: ["workdays"],
    });
  });

  it("an entry with several times gets one recurring entry per time", async () => {
    const file = await tempFile(
      "s.yaml",
      'schedules:\n  - { id: digest, at: ["08:00", "18:00"], days: [weekends, holidays], job: morning-reminder, chats: [duty] }\n',
    );
    const config = await loadOfficeConfig(ORG, POLICY, { schedulesFile: file });
    const entries = recurringEntries(config.schedules?.entries ?? [], undefined);
    expect(entries.map((e) => e.id)).toEqual(["digest-0800", "digest-1800"]);
    expect(entries[1]?.job.data).toMatchObject({
      scheduleId: "digest",
      chats: ["duty"],
      days: ["weekends", "holidays"],
    });
  });
});

describe("a wrong schedules file", () => {
  it("names the entry, the path and the problem in Chinese", async () => {
    const file = await tempFile(
      "schedules.yaml",
      [
        "schedules:",
        '  - { id: morning, at: "8点", job: morning-reminder }',
        '  - { id: flood, at: "08:00", days: [workdays, 06-31..09-30], job: morning-reminder, chats: [nowhere] }',
        '  - { id: flood, at: "09:00", job: morning-reminder }',
        'zero_report: { units: [atlantis], cutoff: "17:00", remind_at: "18:00" }',
      ].join("\n"),
    );
    const error = await configError({ schedulesFile: file });
    expect(error.file).toBe(file);
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
    expect(byPath["schedules[0].at"]).toContain("时间格式不对：「8点」");
    expect(byPath["schedules[1].days"]).toContain("06-31..09-30");
    expect(byPath["zero_report.remind_at"]).toContain("提醒时间应早于截止时间");
  });

  it("names a repeated id", async () => {
    const file = await tempFile(
      "schedules.yaml",
      'schedules:\n  - { id: m, at: "08:00", job: morning-reminder }\n  - { id: m, at: "09:00", job: morning-reminder }\n',
    );
    const error = await configError({ schedulesFile: file });
    expect(error.problems).toEqual([{ path: "schedules[1].id", message: "提醒 id 重复：m" }]);
  });

  it("names chats and units the org file does not have", async () => {
    const file = await tempFile(
      "schedules.yaml",
      'schedules:\n  - { id: m, at: "08:00", job: morning-reminder, chats: [nowhere] }\nzero_report: { units: [atlantis], cutoff: "17:00" }\n',
    );
    const error = await configError({ schedulesFile: file });
    expect(error.problems).toEqual([
      { path: "schedules[0].chats[0]", message: "提醒「m」的群不存在：nowhere" },
      { path: "zero_report.units[0]", message: "没有这个单位：atlantis" },
    ]);
  });

  it("refuses a job no capability registers, naming the entry", async () => {
    const file = await tempFile("s.yaml", 'schedules:\n  - { id: evening, at: "18:00", job: digets }\n');
    const config = await loadOfficeConfig(ORG, POLICY, { schedulesFile: file });
    const registry = new JobRegistry(
      allCapabilities(config, new Directory(config.org)).flatMap((c) => c.jobs ?? []),
    );
    expect(scheduleProblems(config.schedules?.entries ?? [], (n) => registry.has(n))).toEqual([
      { path: "[0].job", message: "提醒「evening」的任务「digets」不存在，请检查任务名称" },
    ]);
    const ok = await tempFile(
      "ok.yaml",
      'schedules:\n  - { id: evening, at: "18:00", job: morning-reminder }\n',
    );
    const good = await loadOfficeConfig(ORG, POLICY, { schedulesFile: ok });
    expect(scheduleProblems(good.schedules?.entries ?? [], (n) => registry.has(n))).toEqual([]);
  });
});

describe("a wrong roster", () => {
  it("names unknown people and bad dates", async () => {
    const file = await tempFile(
      "roster.yaml",
      "- { date: 2026-12-01, duty: [孙值班], leader: [诸葛亮] }\n- { date: 2026-12-09..2026-12-01, duty: [sun-zhiban] }\n",
    );
    const error = await configError({ rosterFile: file });
    expect(error.file).toBe(file);
    expect(error.problems.map((p) => p.path)).toEqual(["[1].date"]);
    const people = await tempFile("r.yaml", "- { date: 2026-12-01, duty: [孙值班], leader: [诸葛亮] }\n");
    const unknown = await configError({ rosterFile: people });
    expect(unknown.problems).toEqual([{ path: "[0].leader[0]", message: "通讯录里没有这个人：诸葛亮" }]);
  });
});
