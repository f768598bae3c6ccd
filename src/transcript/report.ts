/** Prints a transcript's result: a line per file, and for each failure the line, the expectation and what was there instead. */
import type { TranscriptResult } from "./run-transcript.ts";

export function formatResult(result: TranscriptResult, name: string): string {
  if (result.passed) return `✓ ${name}\n`;
  const lines = [`✗ ${name}`];
  for (const failure of result.failures) {
    lines.push(
      `  ${name}:${failure.line}  ${failure.expectation}${failure.message ? `  — ${failure.message}` : ""}`,
    );
    if (failure.instead.length === 0 && !failure.message) lines.push("    （这个会话里没有新的机器人消息）");
    for (const message of failure.instead) lines.push(`    实际：${message}`);
  }
  return `${lines.join("\n")}\n`;
}
