/**
 * Someone spoke where the org file knows nobody to answer: in a platform group not bound to an org
 * group (a Feishu group the bot was added to), or from a platform account not bound to a person (a
 * WeChat contact nobody knows). The adapter decodes it into an {@link UnboundEvent} and carries out
 * what a capability decides: it answers there ({@link UnboundEvent.reply}, not through the send
 * queue, which serves the org's chats) and binds through its {@link ChatBinder} or {@link PersonBinder}.
 */
import type { BindingRequestStore } from "./binding-request-store.ts";
import type { BotServices } from "./services.ts";

/** `taken`: the org group or person is bound to another chat or account of that platform. */
export type BindOutcome = "bound" | "taken";

/** Port: binds a platform group chat to an org group (Feishu: by an admin's command in the group). */
export interface ChatBinder {
  bindGroup(externalChatId: string, groupId: string, by: string): Promise<BindOutcome>;
}

/** Port: binds a platform account to a person of the org file, once the duty office confirmed it. */
export interface PersonBinder {
  /** Requests waiting for the duty office's one-time code. */
  requests: BindingRequestStore;
  bindPerson(accountId: string, personId: string, by: string, at: Date): Promise<BindOutcome>;
}

interface UnboundBase {
  platform: string;
  /** The platform's id of the message (dedupe, and the answer's keys). */
  eventId: string;
  /** What was said, as the platform's text decoder gives it. */
  text: string;
  /** Meant for the bot: said one-to-one or @-mentioning it. */
  addressed: boolean;
  /**
   * Answers there; `key` names the answer within the event (`bind`), so an event handled again
   * sends the same answer under the same key.
   */
  reply(text: string, key: string): Promise<void>;
}

/** In a group chat no org group is bound to; the speaker may be a person of the org file. */
export interface UnboundChatEvent extends UnboundBase {
  unknown: "chat";
  /** The platform's chat id. */
  externalChatId: string;
  personId?: string;
  binder: ChatBinder;
}

/** From an account no person is bound to, one-to-one or in a known group. */
export interface UnboundPersonEvent extends UnboundBase {
  unknown: "person";
  /** The platform's account id. */
  accountId: string;
  /** The name the platform shows (a WeChat nickname): never trusted, only repeated. */
  nickname: string;
  binder: PersonBinder;
}

export type UnboundEvent = UnboundChatEvent | UnboundPersonEvent;

/** What a capability registers to decide on unbound events (one capability at most). */
export interface UnboundHandler {
  run(services: BotServices, event: UnboundEvent): Promise<void>;
}
