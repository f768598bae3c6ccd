/** WeCom's callback decode on recorded-shape payloads (test/fixtures/wecom): what each one is for the bot. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCallback } from "../../../../../src/bot/adapters/wecom/inbound/wecom-decode.ts";

const AT = new Date("2026-03-02T06:25:00Z");
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../fixtures/wecom/${name}`, import.meta.url), "utf8");

describe("decodeCallback", () => {
  it("reads a text message into a job keyed by its MsgId", () => {
    const decoded = decodeCallback(fixture("text-message.xml"), AT);
    expect(decoded).toEqual({
      kind: "job",
      id: "wecom-msg-7380000000000000001",
      job: {
        kind: "text",
        userId: "ZhangSan",
        text: "上报",
        msgId: "7380000000000000001",
        receivedAt: AT.toISOString(),
      },
    });
  });

  it("reads a template card press with its task, key and response code", () => {
    const decoded = decodeCallback(fixture("card-event.xml"), AT);
    expect(decoded.kind).toBe("job");
    if (decoded.kind !== "job" || decoded.job.kind !== "card") throw new Error("not a card job");
    expect(decoded.job).toMatchObject({
      userId: "LiShuJi",
      taskId: "kb_0123456789abcdef0123456789abcdef01234567",
      eventKey: "incident:ack:2026-0001",
      responseCode: "4ZDaIPaTaqzk2ZfsXmJ6rX6lTrZ8pDFG0aUOeRx3ma8",
    });
    expect(decoded.id).toBe(`wecom-${decoded.job.eventId}`);
  });

  it("gives a resent press the same id and a second press another", () => {
    const first = decodeCallback(fixture("card-event.xml"), AT);
    const resent = decodeCallback(fixture("card-event.xml"), new Date(AT.getTime() + 5000));
    const again = decodeCallback(
      fixture("card-event.xml").replace("<CreateTime>1772432880", "<CreateTime>1772432990"),
      AT,
    );
    if (first.kind !== "job" || resent.kind !== "job" || again.kind !== "job") throw new Error("not jobs");
    expect(resent.id).toBe(first.id);
    expect(again.id).not.toBe(first.id);
  });

  it("reads a picture to download and a place with its coordinates", () => {
    expect(decodeCallback(fixture("image-message.xml"), AT)).toMatchObject({
      kind: "job",
      id: "wecom-msg-7380000000000000002",
      job: {
        kind: "media",
        userId: "ZhangSan",
        mediaKind: "image",
        mediaId: "1E7Gm7C1uO4kXBNrZ-FbrzZ6sQLwSoVbf3KLjJSxlrpY",
      },
    });
    expect(decodeCallback(fixture("location-message.xml"), AT)).toMatchObject({
      kind: "job",
      id: "wecom-msg-7380000000000000003",
      job: { kind: "location", latitude: 28.227615, longitude: 112.938888, label: "青山镇李家村村道" },
    });
  });

  it("ignores entering the app and keeps other message kinds as unsupported", () => {
    expect(decodeCallback(fixture("enter-agent.xml"), AT)).toEqual({ kind: "ignored", what: "enter_agent" });
    expect(decodeCallback(fixture("voice-message.xml"), AT)).toMatchObject({
      kind: "job",
      id: "wecom-msg-7380000000000000004",
      job: { kind: "unsupported", userId: "ZhangSan", messageType: "voice" },
    });
  });

  it("refuses what is not a WeCom message, and XML that declares entities", () => {
    expect(decodeCallback("not xml", AT).kind).toBe("malformed");
    expect(decodeCallback("<xml><MsgType>text</MsgType></xml>", AT).kind).toBe("malformed");
    const withoutId = fixture("text-message.xml").replace(/<MsgId>.*<\/MsgId>/, "");
    expect(decodeCallback(withoutId, AT).kind).toBe("malformed");
    const bomb = `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa">]>${fixture("text-message.xml").replace("上报", "&a;")}`;
    expect(decodeCallback(bomb, AT).kind).toBe("malformed");
  });

  it("strips control characters and surrounding space from the text", () => {
    const decoded = decodeCallback(fixture("text-message.xml").replace("上报", "  上报\u0007 "), AT);
    if (decoded.kind !== "job" || decoded.job.kind !== "text") throw new Error("not a text job");
    expect(decoded.job.text).toBe("上报");
  });
});
