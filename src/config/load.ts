/** Reads and validates the office's config files; an error names the file, the path inside it and the problem. */
import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
import { z } from "zod";
import { type Org, orgSchema } from "./org.ts";
import { type Policy, policySchema } from "./policy.ts";

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
    throw new ConfigError(file, [
      { path: "", message: `读不到文件（${(error as NodeJS.ErrnoException).code ?? error}）` },
    ]);
  }
  return parseYaml(file, source, schema);
}

export function parseYaml<S extends z.ZodType>(file: string, source: string, schema: S): z.output<S> {
  const doc = parseDocument(source, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: `第 ${e.linePos?.[0]?.line ?? "?"} 行`,
        message: `YAML 格式错误：${e.code}`,
      })),
    );
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

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i > 0 ? "." : ""}${String(part)}`))
    .join("");
}

export interface OfficeConfig {
  org: Org;
  policy: Policy;
}

export async function loadOfficeConfig(orgFile: string, policyFile: string): Promise<OfficeConfig> {
  const [org, policy] = await Promise.all([
    loadYamlFile(orgFile, orgSchema),
    loadYamlFile(policyFile, policySchema),
  ]);
  return { org, policy };
}
