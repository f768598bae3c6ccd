/** Download headers for Chinese file names: an ASCII fallback and the RFC 5987 UTF-8 name. */
import { describe, expect, it } from "vitest";
import { attachmentHeader } from "../../../../src/app/desk/content-disposition.ts";
import { cookieValue } from "../../../../src/app/desk/desk-viewer.ts";

describe("attachmentHeader", () => {
  it("gives the Chinese name percent-encoded in filename* and a plain fallback", () => {
    const header = attachmentHeader("信息专报-2026-0042.docx");
    expect(header).toBe(
      `attachment; filename="____-2026-0042.docx"; filename*=UTF-8''${encodeURIComponent("信息专报-2026-0042.docx")}`,
    );
  });

  it("escapes what would end the quoted fallback or be read as RFC 5987 syntax", () => {
    const header = attachmentHeader(`a"b\\c'(d)%.xlsx`, "inline");
    expect(header.startsWith('inline; filename="a_b_c\'(d)_.xlsx"; ')).toBe(true);
    expect(header).toContain("filename*=UTF-8''a%22b%5Cc%27%28d%29%25.xlsx");
  });
});

describe("cookieValue", () => {
  it("reads one cookie among several, decoded", () => {
    expect(cookieValue("a=1; kuaibao_desk_as=li-shuji; b=2", "kuaibao_desk_as")).toBe("li-shuji");
    expect(cookieValue("x=%E5%BC%A0%E4%B8%89", "x")).toBe("张三");
    expect(cookieValue(undefined, "x")).toBeUndefined();
    expect(cookieValue("x=%E5%BC", "x")).toBeUndefined();
  });
});
