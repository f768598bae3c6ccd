/**
 * Binding a WeChat contact nobody knows to a person of the org file: the contact asks with
 * `绑定 张三`; the duty office gets a one-time code and hands it over only after checking it is
 * really 张三 (phone, in person); the contact types `确认码 123456` and the binding is stored.
 * Nobody is trusted just because of a WeChat nickname.
 */
import { randomInt } from "node:crypto";
import type { BindingRequestStore } from "../../core/binding-request-store.ts";
import type { Directory } from "../../core/directory.ts";
import { PLATFORM, type WechatIdentity } from "./wechat-identity.ts";
import { wechatTexts as T } from "./wechat-texts.ts";

const CODE_TTL_MS = 30 * 60_000;

export interface BindingDeps {
  directory: Directory;
  identity: WechatIdentity;
  requests: BindingRequestStore;
  /** Tells the duty office (through the Messenger, so every platform's duty chat sees it). */
  notifyDuty(text: string, key: string): Promise<void>;
  now(): Date;
}

export class BindingRequests {
  constructor(private readonly deps: BindingDeps) {}

  /** Whether this contact is waiting to type its code (so its group messages reach us without @). */
  async isPending(contactId: string): Promise<boolean> {
    return (await this.deps.requests.get(PLATFORM, contactId)) !== null;
  }

  /** Answers a message from an unknown contact; returns the reply. */
  async handle(contactId: string, nickname: string, text: string): Promise<string> {
    const ask = /^绑定\s*(\S+)$/.exec(text);
    if (ask) return this.request(contactId, nickname, ask[1] as string);
    const confirm = /^确认码\s*(\d{6})$/.exec(text);
    if (confirm) return this.confirm(contactId, nickname, confirm[1] as string);
    return T.askToBind(nickname);
  }

  private async request(contactId: string, nickname: string, name: string): Promise<string> {
    const { directory } = this.deps;
    const person = directory.person(name);
    if (!person) return T.bindUnknownName(name);
    const code = String(randomInt(100_000, 1_000_000));
    const now = this.deps.now().getTime();
    await this.deps.requests.put(PLATFORM, contactId, { personId: person.id, code }, CODE_TTL_MS);
    await this.deps.notifyDuty(
      T.bindDutyNotice(nickname, person.name, directory.unitName(person.unit), code, CODE_TTL_MS / 60_000),
      `wechat-bind-${contactId}-${now}`,
    );
    return T.bindRequested(person.name);
  }

  private async confirm(contactId: string, nickname: string, code: string): Promise<string> {
    const pending = await this.deps.requests.get(PLATFORM, contactId);
    const now = this.deps.now();
    if (!pending || pending.code !== code) return T.bindWrongCode;
    const person = this.deps.directory.person(pending.personId);
    if (!person) return T.bindWrongCode;
    await this.deps.requests.remove(PLATFORM, contactId);
    if (!(await this.deps.identity.bind(contactId, person.id, "duty-code", now)))
      return T.bindTaken(person.name);
    await this.deps.notifyDuty(
      T.bindDoneDuty(nickname, person.name),
      `wechat-bound-${contactId}-${now.getTime()}`,
    );
    return T.bindDone(person.name);
  }
}
