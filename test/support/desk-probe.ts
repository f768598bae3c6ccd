/**
 * A capability for tests of the desk's routes, independent of the real panels: a `probe` panel
 * (leaders and duty only), `probe` item pages (p-1 for leaders only) with a press (已阅), a say that
 * asks for words (批注), a listed photo and a document (`probe-sheet`, a param `n` of digits), and
 * the chat handlers those actions reach through the pipeline.
 */
import type { Capability } from "../../src/bot/core/capability.ts";
import {
  type DeskContext,
  type DeskItemView,
  DocumentParamError,
  XLSX_MIME,
} from "../../src/bot/core/desk.ts";

export const PROBE_TEXTS = {
  pressed: (who: string) => `探针已阅：${who}`,
  noted: (text: string) => `探针批注：${text}`,
  fileName: "探针台账（2026年12月）.xlsx",
} as const;

export class DeskProbe {
  /** The fileKey of the photo p-1's page lists. */
  photoKey = "missing";
  /** Rows of the probe panel (a test adds one and sees the board change). */
  readonly rows: string[] = [];

  private seesAll(ctx: DeskContext): boolean {
    return ctx.viewer.roles.some((r) => r === "leader" || r === "duty");
  }

  capability(): Capability {
    return {
      name: "desk-probe",
      commands: [
        {
          names: ["批注"],
          summary: "test: a desk say",
          run: async (ctx, args) => ctx.reply(PROBE_TEXTS.noted(args.replace(/^p-1\s*/, ""))),
        },
      ],
      actions: [{ prefix: "probe", run: async (ctx) => ctx.reply(PROBE_TEXTS.pressed(ctx.person.name)) }],
      desk: {
        panels: [
          {
            id: "probe",
            order: 5,
            load: async (ctx) =>
              this.seesAll(ctx)
                ? {
                    id: "probe",
                    title: "探针",
                    count: this.rows.length,
                    blocks: [
                      {
                        kind: "table",
                        columns: ["事项", "时限"],
                        empty: "无",
                        rows: this.rows.map((text, i) => ({
                          item: { kind: "probe", id: `p-${i + 1}` },
                          tone: "red" as const,
                          cells: [
                            { text },
                            { text: "首报", countdownTo: new Date(Date.now() + 600_000).toISOString() },
                          ],
                        })),
                      },
                      {
                        kind: "tiles",
                        tiles: [
                          { label: "青山镇", text: "已报", tone: "green" as const },
                          { label: "白水乡", text: "漏报", tone: "red" as const },
                          { label: "柳林镇", text: "未到截止", tone: "grey" as const },
                        ],
                        legend: [
                          { text: "已报", tone: "green" as const, count: 1 },
                          { text: "漏报", tone: "red" as const, count: 1 },
                          { text: "未到截止", tone: "grey" as const, count: 1 },
                        ],
                      },
                      {
                        kind: "table",
                        columns: ["值班", "电话"],
                        empty: "无",
                        rows: [{ cells: [{ text: "孙值班" }, { text: "13800000011", tel: "13800000011" }] }],
                      },
                    ],
                  }
                : null,
          },
        ],
        charts: [
          {
            id: "probe-chart",
            order: 5,
            load: async () => ({
              kind: "bar",
              title: "探针图表",
              categories: ["12-01", "12-02", "12-03"],
              series: [{ name: "一般", values: [1, 0, 2] }],
            }),
          },
        ],
        itemPages: [{ kind: "probe", load: async (ctx, id) => this.page(ctx, id) }],
        documents: [
          {
            id: "probe-sheet",
            title: "探针台账",
            params: [{ name: "n", label: "编号", example: "1" }],
            produce: async (ctx, params) => {
              if (params.n !== undefined && !/^\d+$/.test(params.n))
                throw new DocumentParamError("n", "编号应为数字。");
              if (!this.seesAll(ctx) || params.n === "404") return null;
              return {
                fileName: PROBE_TEXTS.fileName,
                mimeType: XLSX_MIME,
                bytes: new Uint8Array([1, 2, 3]),
              };
            },
          },
        ],
      },
    };
  }

  private async page(ctx: DeskContext, id: string): Promise<DeskItemView | null> {
    if (id !== "p-1" || !ctx.viewer.roles.includes("leader")) return null;
    return {
      kind: "probe",
      id,
      title: "p-1 探针事项",
      tone: "red",
      sections: [
        { title: "概况", blocks: [{ kind: "facts", facts: [{ label: "编号", value: { text: "p-1" } }] }] },
        {
          title: "现场图片",
          blocks: [{ kind: "files", files: [{ fileKey: this.photoKey, name: "现场.png", kind: "image" }] }],
        },
      ],
      actions: [
        { id: "ack", label: "已阅", chatId: "leaders", press: "probe:ack:p-1" },
        { id: "note", label: "批注", chatId: "leaders", say: "批注 p-1 {text}", ask: { label: "批注内容" } },
        {
          id: "note-dm",
          label: "私聊批注",
          chatId: `dm:${ctx.viewer.id}`,
          say: "批注 p-1 {text}",
          ask: { label: "批注内容" },
        },
      ],
      documents: [{ documentId: "probe-sheet", label: "下载探针台账", params: { n: "1" } }],
    };
  }
}
