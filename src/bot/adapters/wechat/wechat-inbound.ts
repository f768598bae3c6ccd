/**
 * WeChat messages in: the bot's own messages are dropped; the others are held briefly so each
 * conversation is handled in the order it was written (the puppet may deliver out of order); then
 * each becomes a neutral event — a reply code becomes a pressed button — when it is meant for the
 * bot: a one-to-one message, a group message that mentions the bot, a message from someone in a
 * dialog with the bot there, a reply code, or a confirmation word such as 收到. A message from a
 * contact the org file does not know is handed on as unbound: the binding capability decides.
 * A picture, video, file or location share from a known person becomes an event with no text and
 * its attachment (stored first) or place, when it is meant for the bot: one-to-one, or in a group
 * from someone in a dialog with the bot there (a picture cannot @ the bot).
 */
import type { Logger } from "pino";
import type { ContactInterface, MessageInterface, WechatyInterface } from "wechaty/impls";
import type { BindingRequestStore } from "../../core/binding-request-store.ts";
import type { DialogPresence } from "../../core/dialog-presence.ts";
import type { Directory } from "../../core/directory.ts";
import { directChatId, type InboundEvent } from "../../core/message.ts";
import type { FileStore, Messenger } from "../../core/ports.ts";
import { splitCommand } from "../../core/text.ts";
import type { PersonBinder, UnboundEvent } from "../../core/unbound.ts";
import type { UrgentRepeater } from "../common/urgent-repeater.ts";
import { codeReply } from "./render-text.ts";
import { ReorderBuffer } from "./reorder-buffer.ts";
import type { ReplyCodeStore } from "./reply-codes.ts";
import { type DecodedWechatMessage, decodeWechatMessage, wechatPress, wechatSaid } from "./wechat-decode.ts";
import { PLATFORM, type WechatIdentity } from "./wechat-identity.ts";
import { type WechatExtraKind, wechatExtras } from "./wechat-media.ts";
import { wechatTexts as T } from "./wechat-texts.ts";

export interface WechatInboundDeps {
  bot: WechatyInterface;
  directory: Directory;
  identity: WechatIdentity;
  /** Whether a person is in a dialog with the bot (a plain group message then answers it). */
  dialogs: DialogPresence;
  /** Where the pictures and files people send are kept. */
  files: FileStore;
  messenger: Messenger;
  replyCodes: ReplyCodeStore;
  /** Requests of unknown contacts to be bound, waiting for the duty office's code. */
  bindingRequests: BindingRequestStore;
  repeater: UrgentRepeater;
  groupWords: string[];
  /** Labels of buttons sent as reply codes (so `12 已阅` with a wrong code gets an answer in a group). */
  codeLabels: ReadonlySet<string>;
  log: Logger;
  handle(event: InboundEvent): Promise<unknown>;
  /** Hands on a message from a contact the org file does not know (the binding capability decides). */
  handleUnbound(event: UnboundEvent): Promise<unknown>;
  /** Says something to a contact the org file does not know (no org chat to send through). */
  sayDirect(contact: ContactInterface, text: string): Promise<void>;
  holdMs: number;
}

/** How many message ids are remembered to drop a redelivery before it is even held. */
const SEEN_LIMIT = 5000;

export class WechatInbound {
  private readonly buffer: ReorderBuffer<MessageInterface>;
  private readonly seen = new Set<string>();
  /** Binds an unknown contact as the binding capability decides. */
  private readonly binder: PersonBinder;

  constructor(private readonly deps: WechatInboundDeps) {
    this.buffer = new ReorderBuffer(deps.holdMs, (_key, message) => this.process(message));
    this.binder = {
      requests: deps.bindingRequests,
      bindPerson: async (contactId, personId, by, at) =>
        (await deps.identity.bind(contactId, personId, by, at)) ? "bound" : "taken",
    };
  }

  receive(message: MessageInterface): void {
    if (message.self()) return;
    if (message.type() !== this.deps.bot.Message.Type.Text && !this.extraKind(message)) return;
    if (this.seen.has(message.id)) return;
    this.seen.add(message.id);
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value as string);
    const room = message.room();
    const key = `${room?.id ?? "dm"}|${message.talker().id}`;
    this.buffer.push(key, message.date().getTime(), message);
  }

  idle(): Promise<void> {
    return this.buffer.idle();
  }

  /** What a picture, video, file or location message carries; undefined for text and other kinds. */
  private extraKind(message: MessageInterface): WechatExtraKind | undefined {
    const { Type } = this.deps.bot.Message;
    switch (message.type()) {
      case Type.Image:
        return "image";
      case Type.Video:
        return "video";
      case Type.Attachment:
        return "file";
      case Type.Location:
        return "location";
      default:
        return undefined;
    }
  }

  flush(): Promise<void> {
    return this.buffer.flush();
  }

  private async process(message: MessageInterface): Promise<void> {
    try {
      await this.route(message);
    } catch (error) {
      this.deps.log.error({ err: error, message: message.id }, "wechat message not handled");
    }
  }

  private async route(message: MessageInterface): Promise<void> {
    const { identity } = this.deps;
    const talker = message.talker();
    const room = message.room();
    const personId = await identity.personOfContact(talker);
    const chatId = room ? await identity.chatOfRoom(room) : personId ? directChatId(personId) : undefined;
    if (room && !chatId) return this.deps.log.debug({ room: room.id }, "wechat room not in the org file");
    const said = decodeWechatMessage(
      {
        id: message.id,
        talker: { id: talker.id, name: talker.name() },
        ...(room ? { roomId: room.id } : {}),
        text: message.text(),
        sentAt: message.date().toISOString(),
        mentionsBot: room ? await message.mentionSelf() : false,
      },
      this.deps.bot.isLoggedIn ? this.deps.bot.currentUser.name() : "",
    );
    const { text, mentionsBot } = said;
    const extra = this.extraKind(message);
    if (extra) {
      // A picture from someone the org file does not know says nothing to bind them by.
      if (personId && chatId) await this.routeExtra(message, extra, said, { chatId, personId }, !room);
      return;
    }
    if (!personId) {
      await this.deps.handleUnbound({
        platform: PLATFORM,
        eventId: message.id,
        unknown: "person",
        accountId: talker.id,
        nickname: talker.name(),
        text,
        addressed: !room || mentionsBot,
        binder: this.binder,
        reply: (say) => this.deps.sayDirect(talker, say),
      });
      return;
    }
    const chat = chatId as string;
    const place = { chatId: chat, personId };
    this.deps.repeater.replied(chat, personId, !room);
    const reply = (say: string) =>
      this.deps.messenger.send({
        chatId: chat,
        text: say,
        mentions: room ? [personId] : [],
        idempotencyKey: `wechat-${message.id}-reply`,
      });

    const codeReplyText = said.codeReply;
    const entry = codeReplyText ? await this.deps.replyCodes.resolve(chat, codeReplyText.code) : undefined;
    if (codeReplyText) {
      const button = entry?.buttons.find((b) => b.label === codeReplyText.label);
      if (entry && button) {
        await this.deps.handle(
          wechatPress(said, place, { action: button.action, messageKey: entry.messageKey }),
        );
        return;
      }
    }
    const inDialog = await this.deps.dialogs.inDialog(chat, personId);
    const [word] = splitCommand(text);
    const meant = !room || mentionsBot || inDialog || this.deps.groupWords.includes(word);
    if (codeReplyText && !inDialog) {
      // Only words that are button labels make a reply code: `3 个人去了` in a group is chatter.
      const { code, label } = codeReplyText;
      const labelKnown = this.deps.codeLabels.has(label) || this.deps.groupWords.includes(label);
      if (entry && (labelKnown || meant))
        return reply(
          T.wrongLabel(
            code,
            entry.buttons.map((b) => codeReply(code, b.label)),
          ),
        );
      if (!entry && labelKnown) return reply(T.unknownCode(code));
    }
    if (!meant) return;
    if (said.bareNumber && !inDialog) return reply(T.bareNumber);
    const mentions = mentionsBot ? ["bot"] : [];
    for (const contact of await message.mentionList()) {
      if (contact.self()) continue;
      const id = await identity.personOfContact(contact);
      if (id) mentions.push(id);
    }
    await this.deps.handle(wechatSaid(said, place, mentions));
  }

  private async routeExtra(
    message: MessageInterface,
    kind: WechatExtraKind,
    said: DecodedWechatMessage,
    place: { chatId: string; personId: string },
    direct: boolean,
  ): Promise<void> {
    const meant = direct || (await this.deps.dialogs.inDialog(place.chatId, place.personId));
    if (!meant) return;
    const extras = await wechatExtras(this.deps.bot, message, kind, this.deps.files, this.deps.log);
    await this.deps.handle({ ...wechatSaid({ ...said, text: "" }, place, []), ...extras });
  }
}
