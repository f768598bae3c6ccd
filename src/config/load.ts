/** Reads and validates the office's config files; an error names the file, the path inside it and the problem. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
import { z } from "zod";
import { policyProblemsWithOrg, rosterProblemsWithOrg, scheduleProblemsWithOrg } from "./cross-check.ts";
import { type Org, orgSchema } from "./org.ts";
import { type Policy, policySchema } from "./policy.ts";
import { type RosterEntry, rosterFileSchema } from "./roster.ts";
import { type Schedules, schedulesFileSchema } from "./schedules.ts";

z.config(z.locales.zhCN());

/** A config file that cannot be used. The message is Chinese and says where to look. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(
      `配置文件 ${file} 有误：\n${problems.map((p) => `  - ${p.path ? `${p.path}：` : ""}${p.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

export async function loadYamlFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "文件不存在" : code === "EACCES" ? "没有读取权限" : `${code ?? error}`;
    throw new ConfigError(file, [
      {
        path: "",
        message: `读不到文件（${why}）。请检查路径是否正确（可用环境变量 ORG_FILE、POLICY_FILE、SCHEDULES_FILE、ROSTER_FILE 指定）`,
      },
    ]);
  }
  return parseYaml(file, source, schema);
}

export function parseYaml<S extends z.ZodType>(file: string, source: string, schema: S): z.output<S> {
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const seen = new Set<number | undefined>();
    const problems = doc.errors
      .filter((e) => {
        const line = e.linePos?.[0]?.line;
        if (seen.has(line)) return false;
        seen.add(line);
        return true;
      })
      .map((e) => ({ path: `第 ${e.linePos?.[0]?.line ?? "?"} 行`, message: yamlProblem(e.code) }));
    throw new ConfigError(file, problems);
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    throw new ConfigError(
      file,
      result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  return result.data;
}

const YAML_PROBLEMS: Partial<Record<string, string>> = {
  BAD_INDENT: "缩进不对齐，同一层的项目要用相同数量的空格缩进（不要用 Tab）",
  TAB_AS_INDENT: "用了 Tab 缩进，请改成空格",
  MISSING_CHAR: "缺少配对的符号，例如 { 没有对应的 }，或 [ 没有对应的 ]",
  DUPLICATE_KEY: "同一层里有重复的键名",
  BAD_SCALAR_START: "这个值的开头不对，含有 : # 等符号的文字请用引号括起来",
  MULTILINE_IMPLICIT_KEY: "键名不能跨行，可能是漏了冒号或引号",
  UNEXPECTED_TOKEN: "这里有多余或写错的符号",
  BLOCK_AS_IMPLICIT_KEY: "冒号前后的结构不对，可能是漏了“- ”或缩进有误",
};

function yamlProblem(code: string): string {
  return `YAML 格式错误：${YAML_PROBLEMS[code] ?? "请检查这一行附近的冒号、引号、缩进和括号"}`;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i > 0 ? "." : ""}${String(part)}`))
    .join("");
}

export interface OfficeConfig {
  org: Org;
  policy: Policy;
  /** Recurring reminders (none when no schedules file is given). */
  schedules?: Schedules;
  /** The duty roster (empty when no roster file is given). */
  roster?: RosterEntry[];
}

/** The optional files besides org and policy. */
export interface ExtraConfigFiles {
  schedulesFile?: string;
  rosterFile?: string;
}

/** The file named explicitly, else the default when it exists, else none (the file is optional). */
export function optionalConfigFile(explicit: string | undefined, fallback: string): string | undefined {
  return explicit ?? (existsSync(fallback) ? fallback : undefined);
}

export async function loadOfficeConfig(
  orgFile: string,
  policyFile: string,
  extra: ExtraConfigFiles = {},
): Promise<OfficeConfig> {
  const [org, policy, schedulesFile, roster] = await Promise.all([
    loadYamlFile(orgFile, orgSchema),
    loadYamlFile(policyFile, policySchema),
    extra.schedulesFile ? loadYamlFile(extra.schedulesFile, schedulesFileSchema) : undefined,
    extra.rosterFile ? loadYamlFile(extra.rosterFile, rosterFileSchema) : [],
  ]);
  const schedules: Schedules = {
    file: extra.schedulesFile,
    entries: schedulesFile?.schedules ?? [],
    zeroReport: schedulesFile?.zero_report,
  };
  const checks = [
    [policyFile, policyProblemsWithOrg(policy, org)],
    [extra.schedulesFile, scheduleProblemsWithOrg(schedules, org)],
    [extra.rosterFile, rosterProblemsWithOrg(roster, org)],
  ] as const;
  for (const [file, problems] of checks)
    if (file && problems.length > 0) throw new ConfigError(file, problems);
  return { org, policy, schedules, roster };
}
