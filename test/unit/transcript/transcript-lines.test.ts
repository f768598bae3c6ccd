import { describe, expect, it } from "vitest";
import { parseTranscript, TranscriptSyntaxError } from "../../../src/transcript/transcript-lines.ts";

function syntaxError(source: string): TranscriptSyntaxError {
  try {
    parseTranscript(source);
  } catch (error) {
    expect(error).toBeInstanceOf(TranscriptSyntaxError);
    return error as TranscriptSyntaxError;
  }
  return expect.fail("the transcript was accepted");
}

describe("parseTranscript", () => {
  it("skips blank lines and comments and numbers steps by their line in the file", () => {
    const steps = parseTranscript(
      "# 说明\n\n   \n@now 2026-03-02 09:00\n  # 又一条注释\n私聊 张三 | 张三: /登记\n",
    );
    expect(steps).toEqual([
      { kind: "now", line: 4, at: "2026-03-02 09:00" },
      { kind: "say", line: 6, chat: "私聊 张三", person: "张三", text: "/登记" },
    ]);
  });

  it("counts lines the same with CRLF line ends", () => {
    const steps = parseTranscript("# a\r\n\r\n@wait 5m\r\n");
    expect(steps).toEqual([{ kind: "wait", line: 3, duration: "5m" }]);
  });

  it("reads the set-up directives", () => {
    expect(parseTranscript("@org ../org.yaml\n@policy fast-policy.yaml")).toEqual([
      { kind: "org", line: 1, path: "../org.yaml" },
      { kind: "policy", line: 2, path: "fast-policy.yaml" },
    ]);
  });

  it("reads @now with an ISO offset and @wait with a duration or a wall-clock time", () => {
    expect(parseTranscript("@now 2026-03-02T09:00+08:00\n@wait 1h30m\n@wait until 17:00")).toEqual([
      { kind: "now", line: 1, at: "2026-03-02T09:00+08:00" },
      { kind: "wait", line: 2, duration: "1h30m" },
      { kind: "waitUntil", line: 3, target: "17:00" },
    ]);
    expect(parseTranscript("@wait until 2026-03-03 08:30")).toEqual([
      { kind: "waitUntil", line: 1, target: "2026-03-03 08:30" },
    ]);
  });

  it("reads what a person says, with a half- or full-width colon", () => {
    expect(parseTranscript("青山镇工作群 | 张三: @bot 上报\n私聊 李四 | 李四：你好")).toEqual([
      { kind: "say", line: 1, chat: "青山镇工作群", person: "张三", text: "@bot 上报" },
      { kind: "say", line: 2, chat: "私聊 李四", person: "李四", text: "你好" },
    ]);
  });

  it("keeps > and | inside what a person says", () => {
    expect(parseTranscript("青山镇工作群 | 张三: 水位 > 警戒线 | 请注意")).toEqual([
      { kind: "say", line: 1, chat: "青山镇工作群", person: "张三", text: "水位 > 警戒线 | 请注意" },
    ]);
  });

  it("reads a button press", () => {
    expect(parseTranscript("私聊 张三 | 张三 clicks 确认登记")).toEqual([
      { kind: "click", line: 1, chat: "私聊 张三", person: "张三", label: "确认登记" },
    ]);
  });

  it("reads a button press whose label has a colon", () => {
    expect(parseTranscript("私聊 张三 | 张三 clicks 时间：今天")).toEqual([
      { kind: "click", line: 1, chat: "私聊 张三", person: "张三", label: "时间：今天" },
    ]);
  });

  it("reads a message that starts with the word clicks as something said", () => {
    expect(parseTranscript("私聊 张三 | 张三: clicks 不算按钮")).toEqual([
      { kind: "say", line: 1, chat: "私聊 张三", person: "张三", text: "clicks 不算按钮" },
    ]);
  });

  it("reads expectations: fragments joined by &&, urgent, and absence", () => {
    expect(
      parseTranscript(
        "私聊 张三 > 手机号 && 13800000041\n县领导群 >! 较大 && 青山镇\n私聊 张三 !> 请核对 && 不拆分",
      ),
    ).toEqual([
      {
        kind: "expect",
        line: 1,
        chat: "私聊 张三",
        fragments: ["手机号", "13800000041"],
        urgent: false,
        source: "私聊 张三 > 手机号 && 13800000041",
      },
      {
        kind: "expect",
        line: 2,
        chat: "县领导群",
        fragments: ["较大", "青山镇"],
        urgent: true,
        source: "县领导群 >! 较大 && 青山镇",
      },
      {
        kind: "expectNot",
        line: 3,
        chat: "私聊 张三",
        fragment: "请核对 && 不拆分",
        source: "私聊 张三 !> 请核对 && 不拆分",
      },
    ]);
  });

  it("keeps | and > inside an expected fragment", () => {
    const [step] = parseTranscript("私聊 张三 > /同意|不同意/ && a > b");
    expect(step).toMatchObject({ kind: "expect", chat: "私聊 张三", fragments: ["/同意|不同意/", "a > b"] });
  });

  it.each([
    ["an unknown directive", "# x\n@later 5m", 2, "不认识的指令：@later"],
    ["a directive without a value", "\n\n@now", 3, "@now 后面缺少内容"],
    ["an expectation without text", "私聊 张三 >   ", 1, "期望后面要写要找的文字"],
    ["a line that is neither", "张三说了一句话", 1, "看不懂这一行"],
    ["an action without a colon or clicks", "私聊 张三 | 张三 你好", 1, "看不懂这一行"],
  ])("rejects %s with its line number", (_what, source, line, message) => {
    const error = syntaxError(source);
    expect(error.line).toBe(line);
    expect(error.message).toContain(`第 ${line} 行`);
    expect(error.message).toContain(message);
  });
});
