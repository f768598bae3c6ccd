/** Parses a transcript (*.chat) into steps; the format is the public contract in shared/TRANSCRIPTS.md. */

export type TranscriptStep =
  | { kind: "org" | "policy" | "schedules" | "roster"; line: number; path: string }
  | { kind: "now"; line: number; at: string }
  | { kind: "wait"; line: number; duration: string }
  | { kind: "waitUntil"; line: number; target: string }
  | { kind: "say"; line: number; chat: string; person: string; text: string }
  | { kind: "click"; line: number; chat: string; person: string; label: string }
  | { kind: "expect"; line: number; chat: string; fragments: string[]; urgent: boolean; source: string }
  | { kind: "expectNot"; line: number; chat: string; fragment: string; source: string };

export class TranscriptSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`第 ${line} 行：${message}`);
    this.name = "TranscriptSyntaxError";
  }
}

export function parseTranscript(source: string): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text || text.startsWith("#")) return;
    steps.push(parseLine(text, line));
  });
  return steps;
}

function parseLine(text: string, line: number): TranscriptStep {
  if (text.startsWith("@")) return parseDirective(text, line);
  const expectation = /^(.+?)\s*(>!|!>|>)\s*(.*)$/.exec(text);
  const action = /^(.+?)\s*\|\s*(.+)$/.exec(text);
  // A chat name never contains "|", so a line with "|" before any ">" is an action.
  if (action && (!expectation || text.indexOf("|") < text.indexOf(expectation[2] as string))) {
    const chat = (action[1] as string).trim();
    const rest = (action[2] as string).trim();
    const said = /^([^:：]+?)\s*[:：]\s*([\s\S]*)$/.exec(rest);
    const clicked = /^(\S+)\s+clicks\s+(.+)$/.exec(rest);
    if (clicked && (!said || (said[1] as string).includes(" clicks ")))
      return {
        kind: "click",
        line,
        chat,
        person: clicked[1] as string,
        label: (clicked[2] as string).trim(),
      };
    if (said)
      return {
        kind: "say",
        line,
        chat,
        person: (said[1] as string).trim(),
        text: (said[2] as string).trim(),
      };
    throw new TranscriptSyntaxError(
      line,
      `看不懂这一行：${text}（应为「群 | 人: 话」或「群 | 人 clicks 按钮」）`,
    );
  }
  if (expectation) {
    const chat = (expectation[1] as string).trim();
    const operator = expectation[2] as string;
    const body = (expectation[3] as string).trim();
    if (!body) throw new TranscriptSyntaxError(line, "期望后面要写要找的文字");
    if (operator === "!>") return { kind: "expectNot", line, chat, fragment: body, source: text };
    const fragments = body
      .split("&&")
      .map((f) => f.trim())
      .filter(Boolean);
    return { kind: "expect", line, chat, fragments, urgent: operator === ">!", source: text };
  }
  throw new TranscriptSyntaxError(line, `看不懂这一行：${text}`);
}

function parseDirective(text: string, line: number): TranscriptStep {
  const [word = "", ...restWords] = text.split(/\s+/);
  const rest = restWords.join(" ").trim();
  if (!rest) throw new TranscriptSyntaxError(line, `${word} 后面缺少内容`);
  switch (word) {
    case "@org":
      return { kind: "org", line, path: rest };
    case "@policy":
      return { kind: "policy", line, path: rest };
    case "@schedules":
      return { kind: "schedules", line, path: rest };
    case "@roster":
      return { kind: "roster", line, path: rest };
    case "@now":
      return { kind: "now", line, at: rest };
    case "@wait":
      return rest.startsWith("until ")
        ? { kind: "waitUntil", line, target: rest.slice("until ".length).trim() }
        : { kind: "wait", line, duration: rest };
    default:
      throw new TranscriptSyntaxError(line, `不认识的指令：${word}`);
  }
}
