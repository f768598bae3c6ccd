/**
 * WeCom callbacks → neutral events. The callback only checks and opens the request (signature,
 * age, our corp, see wecom-callback.ts), reads what it is and puts it on the durable inbound queue
 * under an id from the message (a resend is the same job), then answers WeCom (it resends after
 * 5 s without an answer). If queueing takes longer than {@link QUEUE_DEADLINE_MS} (Redis away), the
 * answer is 500, so WeCom sends it again. A worker takes the queued jobs, after a restart too:
 * a text from a person becomes a one-to-one event (a picture or video downloaded into the file store
 * first, a place as a shared location); a button press is checked against the card it
 * was on (sent by us, the button one of its own, the person one it was sent to), its response code
 * kept for updating the card, and becomes an action in the person's chat with the app.
 */
import type { Logger } from "pino";
import type { Directory } from "../../../core/directory.ts";
import type { InboundQueue } from "../../../core/inbound-queue.ts";
import { directChatId, type InboundEvent } from "../../../core/message.ts";
import type { HttpRequest, HttpResponse, PlatformContext } from "../../../core/platform-adapter.ts";
import type { DatabaseClient } from "../../../core/services.ts";
import { QueuedInbound } from "../../common/queued-inbound.ts";
import type { WecomApi } from "../client/wecom-api.ts";
import type { WecomRate } from "../client/wecom-rate.ts";
import { storedCard } from "../outbound/wecom-card.ts";
import { WECOM, type WecomIdentity } from "../wecom-identity.ts";
import type { WecomSettings } from "../wecom-settings.ts";
import { wecomTexts as T } from "../wecom-texts.ts";
import { type CallbackSecrets, openCiphertext, openEnvelope } from "./wecom-callback.ts";
import { decodeCallback, type WecomInboundJob } from "./wecom-decode.ts";
import { downloadMedia } from "./wecom-download.ts";

/** WeCom waits 5 s for the answer; we answer before that. */
export const QUEUE_DEADLINE_MS = 3_000;

export type InboundHandlers = Pick<PlatformContext, "handle" | "files">;

export interface WecomInboundDeps {
  api: WecomApi;
  rate: WecomRate;
  identity: WecomIdentity;
  directory: Directory;
  prisma: DatabaseClient;
  settings: Pick<WecomSettings, "token" | "aesKey" | "corpId" | "maxCallbackAgeMs" | "maxInboundChars">;
  log: Logger;
  now: () => Date;
  queue: InboundQueue<WecomInboundJob>;
  /** A person answered in a chat (what the urgent repeater waits for); `direct`: in their own chat with the app. */
  replied: (chatId: string, personId: string, direct: boolean) => void;
  queueDeadlineMs?: number;
}

export class WecomInbound extends QueuedInbound<WecomInboundJob, InboundHandlers> {
  private readonly secrets: CallbackSecrets;

  constructor(private readonly deps: WecomInboundDeps) {
    super(deps.queue, WECOM);
    const { token, aesKey, corpId } = deps.settings;
    this.secrets = { token, aesKey, corpId };
  }

  /** GET: URL verification — the decrypted echostr, as plain text. */
  async verify(request: HttpRequest): Promise<HttpResponse> {
    const echostr = request.query.echostr;
    if (!echostr) return { status: 400, body: "missing echostr", contentType: "text/plain" };
    const opened = openCiphertext(this.secrets, request.query, echostr, this.age());
    if (!opened.ok) {
      this.deps.log.warn({ reason: opened.reason }, "wecom url verification refused");
      return { status: opened.status, body: opened.reason, contentType: "text/plain" };
    }
    return { status: 200, body: opened.text, contentType: "text/plain" };
  }

  /** POST: a message or event, queued before the answer. */
  async receive(request: HttpRequest): Promise<HttpResponse> {
    const opened = openEnvelope(this.secrets, request.query, request.rawBody, this.age());
    if (!opened.ok) {
      this.deps.log.warn({ reason: opened.reason }, "wecom callback refused");
      return { status: opened.status, body: opened.reason, contentType: "text/plain" };
    }
    const decoded = decodeCallback(opened.text, this.deps.now());
    if (decoded.kind === "malformed") {
      this.deps.log.warn({ reason: decoded.reason }, "malformed wecom callback dropped");
      return { status: 200, body: "", contentType: "text/plain" };
    }
    if (decoded.kind === "ignored") return { status: 200, body: "", contentType: "text/plain" };
    try {
      await withDeadline(
        this.deps.queue.enqueue(decoded.id, decoded.job),
        this.deps.queueDeadlineMs ?? QUEUE_DEADLINE_MS,
      );
    } catch (error) {
      this.deps.log.error({ err: error, id: decoded.id }, "wecom callback not queued");
      return { status: 500, body: "not queued", contentType: "text/plain" };
    }
    return { status: 200, body: "", contentType: "text/plain" };
  }

  private age(): { nowMs: number; maxAgeMs: number } {
    return { nowMs: this.deps.now().getTime(), maxAgeMs: this.deps.settings.maxCallbackAgeMs };
  }

  protected override async process(job: WecomInboundJob): Promise<void> {
    if (job.kind === "text") return this.processText(job);
    if (job.kind === "card") return this.processCard(job);
    if (job.kind === "media") return this.processMedia(job);
    if (job.kind === "location") return this.processLocation(job);
    await this.notice(job.userId, T.unsupported);
  }

  private async processText(job: Extract<WecomInboundJob, { kind: "text" }>): Promise<void> {
    const personId = this.deps.identity.personOf(job.userId);
    if (!personId) return this.notice(job.userId, T.unknownPerson);
    if (job.text.length > this.deps.settings.maxInboundChars)
      return this.notice(job.userId, T.tooLong(this.deps.settings.maxInboundChars));
    await this.dispatchDirect(personId, `msg-${job.msgId}`, job.receivedAt, { text: job.text });
  }

  /** A picture or video: downloaded into the file store, then an event carrying it. */
  private async processMedia(job: Extract<WecomInboundJob, { kind: "media" }>): Promise<void> {
    const personId = this.deps.identity.personOf(job.userId);
    if (!personId) return this.notice(job.userId, T.unknownPerson);
    const files = this.requireHandlers().files;
    const attachment = await downloadMedia(
      { api: this.deps.api, files, inSlot: (request) => this.deps.rate.forApi(request), log: this.deps.log },
      job,
    );
    await this.dispatchDirect(
      personId,
      `msg-${job.msgId}`,
      job.receivedAt,
      attachment ? { attachments: [attachment] } : {},
    );
  }

  private async processLocation(job: Extract<WecomInboundJob, { kind: "location" }>): Promise<void> {
    const personId = this.deps.identity.personOf(job.userId);
    if (!personId) return this.notice(job.userId, T.unknownPerson);
    await this.dispatchDirect(personId, `msg-${job.msgId}`, job.receivedAt, {
      location: { name: job.label || T.placeName, latitude: job.latitude, longitude: job.longitude },
    });
  }

  private async processCard(job: Extract<WecomInboundJob, { kind: "card" }>): Promise<void> {
    const { prisma, identity, log } = this.deps;
    const row = await prisma.sentMessage.findFirst({
      where: { platform: WECOM, platformMessageId: job.taskId },
      orderBy: { id: "desc" },
    });
    const card = storedCard(row?.card);
    if (!row || !card?.actions.includes(job.eventKey)) {
      log.warn({ task: job.taskId, key: job.eventKey }, "wecom press on an unknown card or button refused");
      return this.notice(job.userId, T.actionStale);
    }
    const personId = identity.personOf(job.userId);
    if (!personId) return this.notice(job.userId, T.unknownPerson);
    if (!card.to.includes(personId)) return this.notice(job.userId, T.actionNotYours);
    if (job.responseCode)
      await prisma.sentMessage.update({
        where: { id: row.id },
        data: { card: { ...card, responseCode: job.responseCode } },
      });
    // The card was in the person's own chat with the app (a copy of a group's urgent message too):
    // what the press starts (a dialog, an answer) goes on there, where the person can reply.
    await this.dispatchDirect(personId, job.eventId, job.receivedAt, {
      action: { value: job.eventKey, messageId: job.taskId },
    });
  }

  /**
   * Hands on what a person said or did in their own chat with the app (where a reply reaches
   * them), after telling the urgent repeater that the person has answered there.
   */
  private async dispatchDirect(
    personId: string,
    eventId: string,
    receivedAt: string,
    content: Partial<Pick<InboundEvent, "text" | "attachments" | "location" | "action">>,
  ): Promise<void> {
    const chatId = directChatId(personId);
    this.deps.replied(chatId, personId, true);
    await this.requireHandlers().handle({
      platform: WECOM,
      eventId,
      chatId,
      senderId: personId,
      text: "",
      mentions: [],
      ...content,
      receivedAt: new Date(receivedAt),
    });
  }

  /** A short answer from the adapter itself to someone in their chat with the app. */
  private async notice(userId: string, text: string): Promise<void> {
    await this.deps.rate.forPeople([userId], () =>
      this.deps.api.sendToPeople([userId], { msgtype: "text", text: { content: text } }),
    );
  }
}

/** The promise's outcome, or a rejection once `ms` have passed (the promise itself goes on). */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
