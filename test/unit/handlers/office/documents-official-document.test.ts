/** The 公文 builder: page, 版头, 签发人, fonts and the page numbers at the outer edge. */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { officialDocx } from "../../../../src/handlers/office/official-document/official-document.ts";

async function parts(signer?: string | null) {
  const zip = await JSZip.loadAsync(
    await officialDocx({
      officeName: "清河县人民政府总值班室",
      kind: "值班信息专报",
      issue: 7,
      date: "2026年12月3日",
      ...(signer === undefined ? {} : { signer }),
      title: "关于测试的信息专报",
      blocks: [
        { kind: "heading", text: "一、事件基本情况" },
        { kind: "paragraph", text: "正文。" },
        { kind: "table", columns: ["单位", "迟报"], rows: [["青山镇", "1 次"]] },
      ],
    }),
  );
  const read = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  return { document: await read("word/document.xml"), settings: await read("word/settings.xml"), zip, read };
}

describe("officialDocx", () => {
  it("writes the red 版头, the issue, the title in 小标宋 二号 and the body in 仿宋 三号 on fixed lines", async () => {
    const { document } = await parts(null);
    expect(document).toContain("第7期");
    expect(document).toMatch(
      /w:eastAsia="方正小标宋简体"[^>]*\/>(?:(?!<\/w:rPr>).)*<w:color w:val="FF0000"\/>/s,
    );
    expect(document).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="FF0000"/);
    expect(document).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    expect(document).toMatch(/<w:ind w:firstLine="640" w:firstLineChars="200"\/>/);
    expect(document).toContain("<w:tbl>");
  });

  it("leaves an underlined blank for the 签发人 when nobody is named, and no line when there is none", async () => {
    expect((await parts(null)).document).toMatch(/签发人：(?:(?!<w:t).)*<w:u w:val="single"\/>/s);
    expect((await parts("李书记")).document).toMatch(/w:eastAsia="楷体_GB2312"(?:(?!<\/w:r>).)*李书记/s);
    expect((await parts()).document).not.toContain("签发人");
  });

  it("numbers pages — N — in 宋体 四号, odd pages right and even pages left", async () => {
    const { settings, read, document } = await parts();
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    const footers = [await read("word/footer1.xml"), await read("word/footer2.xml")];
    for (const footer of footers) {
      expect(footer).toContain("PAGE");
      expect(footer).toMatch(/w:eastAsia="宋体"(?:(?!<\/w:rPr>).)*<w:sz w:val="28"\/>/s);
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(["left", "right"]);
  });
});
