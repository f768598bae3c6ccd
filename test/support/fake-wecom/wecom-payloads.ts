/**
 * Callbacks as WeCom sends them: the inner XML of a message or a template card press, encrypted
 * with WeCom's own `@wecom/crypto` under the app's EncodingAESKey and corp id, in the XML envelope,
 * signed (msg_signature over token, timestamp, nonce and ciphertext) in the query.
 */
import { randomBytes } from "node:crypto";
import { encrypt, getSignature } from "@wecom/crypto";
import { FAKE_AGENT_ID, FAKE_CORP_ID } from "./fake-wecom-server.ts";

export const CALLBACK_TOKEN = "kuaibao-wecom-token";
export const CALLBACK_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
let sequence = 0;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function textXml(options: {
  userId: string;
  text: string;
  msgId?: string;
  createTime?: number;
}): string {
  const msgId = options.msgId ?? `${Date.now()}${String(++sequence).padStart(6, "0")}`;
  return `<xml><ToUserName>${cdata(FAKE_CORP_ID)}</ToUserName><FromUserName>${cdata(options.userId)}</FromUserName><CreateTime>${options.createTime ?? nowSeconds()}</CreateTime><MsgType>${cdata("text")}</MsgType><Content>${cdata(options.text)}</Content><MsgId>${msgId}</MsgId><AgentID>${FAKE_AGENT_ID}</AgentID></xml>`;
}

/** A press; without a `createTime`, each one made is a press of its own (WeCom tells presses apart by it). */
export function cardEventXml(options: {
  userId: string;
  taskId: string;
  eventKey: string;
  responseCode: string;
  createTime?: number;
}): string {
  return `<xml><ToUserName>${cdata(FAKE_CORP_ID)}</ToUserName><FromUserName>${cdata(options.userId)}</FromUserName><CreateTime>${options.createTime ?? nowSeconds() + ++sequence}</CreateTime><MsgType>${cdata("event")}</MsgType><Event>${cdata("template_card_event")}</Event><EventKey>${cdata(options.eventKey)}</EventKey><TaskId>${cdata(options.taskId)}</TaskId><CardType>${cdata("button_interaction")}</CardType><ResponseCode>${cdata(options.responseCode)}</ResponseCode><AgentID>${FAKE_AGENT_ID}</AgentID></xml>`;
}

/** The query string and body of a POST as WeCom makes it (signing can be forged or left out). */
export function signedCallback(
  innerXml: string,
  options: { token?: string; aesKey?: string; corpId?: string; timestamp?: number; unsigned?: boolean } = {},
): { query: string; body: string } {
  const ciphertext = encrypt(options.aesKey ?? CALLBACK_AES_KEY, innerXml, options.corpId ?? FAKE_CORP_ID);
  const timestamp = String(options.timestamp ?? nowSeconds());
  const nonce = randomBytes(5).toString("hex");
  const signature = getSignature(options.token ?? CALLBACK_TOKEN, timestamp, nonce, ciphertext);
  const query = new URLSearchParams(
    options.unsigned ? { timestamp, nonce } : { msg_signature: signature, timestamp, nonce },
  );
  const body = `<xml><ToUserName>${cdata(FAKE_CORP_ID)}</ToUserName><AgentID>${cdata(String(FAKE_AGENT_ID))}</AgentID><Encrypt>${cdata(ciphertext)}</Encrypt></xml>`;
  return { query: query.toString(), body };
}

/** The query of WeCom's URL verification (GET): the echostr encrypted and signed. */
export function verificationQuery(echo: string): string {
  const echostr = encrypt(CALLBACK_AES_KEY, echo, FAKE_CORP_ID);
  const timestamp = String(nowSeconds());
  const nonce = randomBytes(5).toString("hex");
  return new URLSearchParams({
    msg_signature: getSignature(CALLBACK_TOKEN, timestamp, nonce, echostr),
    timestamp,
    nonce,
    echostr,
  }).toString();
}

/** A picture or video a person sent (the bytes put at the fake server under `mediaId`). */
export function mediaXml(options: {
  userId: string;
  kind: "image" | "video";
  mediaId: string;
  msgId?: string;
}): string {
  const msgId = options.msgId ?? `${Date.now()}${String(++sequence).padStart(6, "0")}`;
  return `<xml><ToUserName>${cdata(FAKE_CORP_ID)}</ToUserName><FromUserName>${cdata(options.userId)}</FromUserName><CreateTime>${nowSeconds()}</CreateTime><MsgType>${cdata(options.kind)}</MsgType><MediaId>${cdata(options.mediaId)}</MediaId><MsgId>${msgId}</MsgId><AgentID>${FAKE_AGENT_ID}</AgentID></xml>`;
}

/** A place a person shared. */
export function locationXml(options: {
  userId: string;
  latitude: number;
  longitude: number;
  label: string;
}): string {
  const msgId = `${Date.now()}${String(++sequence).padStart(6, "0")}`;
  return `<xml><ToUserName>${cdata(FAKE_CORP_ID)}</ToUserName><FromUserName>${cdata(options.userId)}</FromUserName><CreateTime>${nowSeconds()}</CreateTime><MsgType>${cdata("location")}</MsgType><Location_X>${options.latitude}</Location_X><Location_Y>${options.longitude}</Location_Y><Scale>15</Scale><Label>${cdata(options.label)}</Label><MsgId>${msgId}</MsgId><AgentID>${FAKE_AGENT_ID}</AgentID></xml>`;
}
