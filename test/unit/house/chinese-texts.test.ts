/**
 * House rule: what people read lives in a texts file, so that the Chinese of a capability can be
 * reviewed (and one day translated) in one place. This test reads every `.ts` file under
 * `src/handlers/` and `src/bot/core/` with the TypeScript compiler (comments and regular-expression
 * literals are not string literals, so they never count) and fails on a string or template literal
 * that holds a Han character, unless:
 *
 * 1. the file is a texts file: `messages.ts`, `*-texts.ts`, or the core's `replies.ts`;
 * 2. the file is a parser's vocabulary: anything under an `understanding/` folder (the words the
 *    incident parser reads: 死亡, 下午, 镇, 村 …);
 * 3. the literal is a word matched against what people type, in one of three places: an element of
 *    a command's `names: [...]`, an operand of `===` / `!==`, or inside `new RegExp(...)`;
 * 4. the file is named in `VOCABULARY_FILES` below, each with its reason (kept short, and the test
 *    fails when an entry no longer holds Chinese, so it cannot go stale).
 *
 * Punctuation alone (`、` `：` `；` `（…）` `【…】`) is not text: joins like `.join("、")` may stay.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const SCANNED = ["src/handlers", "src/bot/core"];
const HAN = /\p{Script=Han}/u;

/** File name → why its Chinese may stay. */
const VOCABULARY_FILES: Record<string, string> = {
  // 零〇一二两…万: the numerals the Chinese-number parser reads (moved from understanding/ to office/,
  // where the report parser and the 第N次 ordinals both use it).
  "chinese-number.ts": "numerals a parser reads",
};

function isTextsFile(path: string): boolean {
  const name = basename(path);
  return (
    name === "messages.ts" || name.endsWith("-texts.ts") || path.endsWith(`bot${sep}core${sep}replies.ts`)
  );
}

function isParserVocabulary(path: string): boolean {
  return path.split(sep).includes("understanding");
}

/** A literal people type rather than read: a command name, a compared word, a pattern. */
function isMatchedWord(node: ts.Node): boolean {
  for (let at: ts.Node = node; at.parent; at = at.parent) {
    const parent = at.parent;
    if (
      ts.isNewExpression(parent) &&
      ts.isIdentifier(parent.expression) &&
      parent.expression.text === "RegExp"
    )
      return true;
    if (
      ts.isBinaryExpression(parent) &&
      (parent.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        parent.operatorToken.kind === ts.SyntaxKind.ExclamationEqualsEqualsToken) &&
      (parent.left === at || parent.right === at)
    )
      return true;
    if (
      ts.isArrayLiteralExpression(parent) &&
      ts.isPropertyAssignment(parent.parent) &&
      ts.isIdentifier(parent.parent.name) &&
      parent.parent.name.text === "names"
    )
      return true;
    // A template's parts sit in a template expression; look past it, and no further.
    if (!ts.isTemplateSpan(parent) && !ts.isTemplateExpression(parent)) return false;
  }
  return false;
}

interface Found {
  line: number;
  text: string;
}

/** The Chinese literals of one source text that are not matched words. */
function chineseLiterals(fileName: string, source: string): Found[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    const text =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
        ? node.text
        : null;
    if (text !== null && HAN.test(text) && !isMatchedWord(node))
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = SCANNED.flatMap(sourceFiles);

describe("Chinese texts live in texts files", () => {
  it("finds no Chinese literal outside texts files and parser vocabulary", () => {
    const offenders = files
      .filter(
        (path) => !isTextsFile(path) && !isParserVocabulary(path) && !(basename(path) in VOCABULARY_FILES),
      )
      .flatMap((path) =>
        chineseLiterals(path, readFileSync(join(ROOT, path), "utf8")).map(
          (f) => `${relative(ROOT, join(ROOT, path))}:${f.line} ${JSON.stringify(f.text)}`,
        ),
      );
    expect(offenders).toEqual([]);
  });

  it("keeps each vocabulary exception true: the named file exists and still holds Chinese", () => {
    for (const name of Object.keys(VOCABULARY_FILES)) {
      const matching = files.filter((path) => basename(path) === name);
      expect(matching, name).not.toEqual([]);
      const chinese = matching.flatMap((path) =>
        chineseLiterals(path, readFileSync(join(ROOT, path), "utf8")),
      );
      expect(chinese, name).not.toEqual([]);
    }
  });
});

describe("chineseLiterals", () => {
  it.each([
    ["a string", `const a = "已阅";`, ["已阅"]],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source code holding a template
    ["a template's parts", "const a = `续报 ${n} 次`;", ["续报 ", " 次"]],
    ["a card label", `const f = { label: "编号", value: x };`, ["编号"]],
    ["a comment", `// 已阅\n/** 续报 */ const a = 1;`, []],
    ["a regular expression literal", "const r = /^(天|日)$/;", []],
    ["punctuation alone", `const s = list.join("、");`, []],
    ["a command's names", `const c = { names: ["帮助", "/help"] };`, []],
    ["a compared word", `if (verb === "恢复" || "暂停" !== verb) x();`, []],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source code holding a template
    ["a pattern built with RegExp", "const r = new RegExp(`^(${N})(天|日)$`);", []],
    ["a summary beside names", `const c = { names: ["帮助"], summary: "查看指令" };`, ["查看指令"]],
  ])("%s", (_what, source, expected) => {
    expect(chineseLiterals("sample.ts", source).map((f) => f.text)).toEqual(expected);
  });
});
