/** The alert card as Feishu Card JSON 2.0, checked element by element. */
import { describe, expect, it } from "vitest";
import { verifyAction } from "../../../../../../src/bot/adapters/feishu/action-signature.ts";
import { renderCard } from "../../../../../../src/bot/adapters/feishu/outbound/feishu-card.ts";
import { Directory } from "../../../../../../src/bot/core/directory.ts";
import { loadOfficeConfig } from "../../../../../../src/config/load.ts";
import { alertCard } from "../../../../../../src/handlers/incident/alert-card.ts";
import { incident, samplePolicy } from "../../../../handlers/incident/support/incident-fixtures.ts";

const SECRET = "app-secret";

async function directory() {
  const config = await loadOfficeConfig("config/org.yaml", "config/policy.yaml");
  return new Directory(config.org);
}

describe("renderCard", () => {
  it("renders an alert: coloured header, one markdown line per field, signed buttons, mentions", async () => {
    const card = alertCard(incident(), samplePolicy(), await directory());
    const json = renderCard(card, {
      secret: SECRET,
      messageKey: "incident-7-alert-1",
      mentionOpenIds: ["ou_a", "ou_b"],
    });

    expect(json.schema).toBe("2.0");
    expect(json.config.update_multi).toBe(true);
    expect(json.header).toEqual({
      title: { tag: "plain_text", content: "【较大】事故灾难 · 青山镇" },
      template: "yellow",
    });
    const [mentions, ...rest] = json.body.elements;
    expect(mentions).toEqual({ tag: "markdown", content: "<at id=ou_a></at> <at id=ou_b></at>" });
    const markdown = rest.filter((e) => e.tag === "markdown").map((e) => e.content);
    expect(markdown.slice(0, 4)).toEqual([
      "**编号**：2026-0007",
      "**等级**：较大",
      "**类型**：事故灾难",
      "**单位**：青山镇",
    ]);
    expect(markdown).toContain("**伤亡**：死亡 3 人，受伤 5 人");
    expect(markdown).toContain("**报告人**：张三");
    // The buttons can be pressed: the card's typed-reply hint (可回复「已阅 2026-0007」…) stays out.
    expect(card.typedReplies).toContain("已阅 2026-0007");
    expect(JSON.stringify(json)).not.toContain("可回复");

    const buttons = rest.filter((e) => e.tag === "button");
    expect(buttons.map((b) => (b.text as { content: string }).content)).toEqual(["已阅", "批示", "要求续报"]);
    // Nothing on an alert is the bot's suggestion: no button is drawn as the default one.
    expect(buttons.map((b) => b.type)).toEqual(["default", "default", "default"]);
    const behaviors = buttons[0]?.behaviors as { type: string; value: unknown }[];
    expect(behaviors[0]?.type).toBe("callback");
    expect(verifyAction(SECRET, behaviors[0]?.value)).toMatchObject({
      a: "inc:ack:7",
      k: "incident-7-alert-1",
    });
  });

  it("draws only a suggested choice as primary, never the first button for being first", () => {
    const grades = ["特别重大", "重大", "较大", "一般（建议）"];
    const render = (suggested: number | null) =>
      renderCard(
        {
          title: "事件等级（初判）？",
          fields: [],
          buttons: grades.map((label, i) => ({
            label: `${i + 1}. ${label}`,
            action: `dlg:s:grade:${i + 1}`,
            ...(i === suggested ? { primary: true } : {}),
          })),
        },
        { secret: SECRET, messageKey: "dialog-1" },
      )
        .body.elements.filter((e) => e.tag === "button")
        .map((b) => b.type);
    expect(render(3)).toEqual(["default", "default", "default", "primary"]);
    expect(render(null)).toEqual(["default", "default", "default", "default"]);
  });

  it("colours the header by grade", async () => {
    const dir = await directory();
    const policy = samplePolicy();
    const templates = ["I", "II", "III", "IV"].map(
      (gradeId) =>
        renderCard(alertCard(incident({ gradeId }), policy, dir), { secret: SECRET, messageKey: "k" }).header
          .template,
    );
    expect(templates).toEqual(["red", "orange", "yellow", "blue"]);
  });

  it("shows a card's chart as a native chart element after the fields, carrying the chart's data", () => {
    const chart = {
      kind: "bar" as const,
      title: "按时报送率",
      categories: ["青山镇", "白水乡"],
      series: [{ name: "按时率", values: [90, 75] }],
    };
    const json = renderCard(
      { title: "本月统计", fields: [{ label: "事件", value: "3 起" }], buttons: [], chart },
      { secret: SECRET, messageKey: "stats-1" },
    );
    const tags = json.body.elements.map((e) => e.tag);
    expect(tags).toEqual(["markdown", "chart"]);
    const element = json.body.elements[1] as { chart_spec: { type: string; data: { values: unknown[] } } };
    expect(element.chart_spec.type).toBe("bar");
    expect(element.chart_spec.data.values).toEqual([
      { category: "青山镇", series: "按时率", value: 90 },
      { category: "白水乡", series: "按时率", value: 75 },
    ]);
  });

  it("keeps people's words from being read as markdown or tags", () => {
    const json = renderCard(
      { title: "t", fields: [{ label: "地点", value: "<at id=all></at> **某村**" }], buttons: [] },
      { secret: SECRET, messageKey: "k" },
    );
    expect(json.body.elements[0]?.content).toBe("**地点**：&lt;at id=all&gt;&lt;/at&gt; \\*\\*某村\\*\\*");
  });

  it("refuses a button value that was altered or signed for another message", () => {
    const [button] = renderCard(
      { title: "t", fields: [], buttons: [{ label: "已阅", action: "inc:ack:1" }] },
      { secret: SECRET, messageKey: "alert-1" },
    ).body.elements;
    const value = (button?.behaviors as { value: { a: string; k: string; s: string } }[] | undefined)?.[0]
      ?.value;
    if (!value) throw new Error("no value");
    expect(verifyAction(SECRET, value)).toEqual(value);
    expect(verifyAction(SECRET, { ...value, a: "inc:ack:2" })).toBeUndefined();
    expect(verifyAction(SECRET, { ...value, k: "alert-2" })).toBeUndefined();
    expect(verifyAction("other-secret", value)).toBeUndefined();
    expect(verifyAction(SECRET, "inc:ack:1")).toBeUndefined();
  });
});
