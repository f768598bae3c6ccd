/**
 * Who and where on WeChat, in org-file terms: rooms by `wechat.room_id` or `wechat.topic`, people
 * by a confirmed binding (platform_binding), then by `wechat.alias` (the remark the bot's account
 * gave them) or `wechat.name` (their WeChat nickname). And the reverse, for sending.
 */
import type { ContactInterface, RoomInterface, WechatyInterface } from "wechaty/impls";
import type { Directory } from "../../core/directory.ts";
import { isDirectChat, personOfDirectChat } from "../../core/message.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { recordBinding } from "../common/platform-bindings.ts";

export const PLATFORM = "wechat";

export class WechatIdentity {
  /** WeChat contact id → person id, from confirmed bindings. */
  private readonly bound = new Map<string, string>();
  /** Person id → the WeChat contact id first bound to them: the reverse of `bound`, for every outbound message. */
  private readonly contactOfPerson = new Map<string, string>();

  constructor(
    private readonly directory: Directory,
    private readonly prisma: DatabaseClient,
  ) {}

  async loadBindings(): Promise<void> {
    const rows = await this.prisma.platformBinding.findMany({
      where: { platform: PLATFORM, kind: "person" },
    });
    for (const row of rows) this.remember(row.externalId, row.orgId);
  }

  /** Records a binding the duty officer confirmed; false when the person is bound to another contact. */
  async bind(contactId: string, personId: string, boundBy: string, at: Date): Promise<boolean> {
    if (this.contactIdOf(personId) && this.contactIdOf(personId) !== contactId) return false;
    await recordBinding(this.prisma, {
      platform: PLATFORM,
      kind: "person",
      externalId: contactId,
      orgId: personId,
      boundBy,
      boundAt: at,
    });
    this.remember(contactId, personId);
    return true;
  }

  /** Whether the org file gives the chat a WeChat room, or the person a WeChat identity. */
  servesChat(chatId: string): boolean {
    if (isDirectChat(chatId)) {
      const person = this.directory.person(personOfDirectChat(chatId));
      return Boolean(person && (person.wechat?.name || person.wechat?.alias || this.contactIdOf(person.id)));
    }
    const wechat = this.directory.chat(chatId)?.group?.wechat;
    return Boolean(wechat?.topic || wechat?.room_id);
  }

  async chatOfRoom(room: Pick<RoomInterface, "id" | "topic">): Promise<string | undefined> {
    const byId = this.directory.groups().find((c) => c.group?.wechat?.room_id === room.id);
    if (byId) return byId.id;
    const topic = await room.topic();
    return this.directory.groups().find((c) => c.group?.wechat?.topic === topic)?.id;
  }

  async personOfContact(
    contact: Pick<ContactInterface, "id" | "name" | "alias">,
  ): Promise<string | undefined> {
    const bound = this.bound.get(contact.id);
    if (bound) return bound;
    const alias = await contact.alias();
    const name = contact.name();
    const people = this.directory.people();
    return (
      (alias ? people.find((p) => p.wechat?.alias === alias) : undefined) ??
      people.find((p) => p.wechat?.name === name)
    )?.id;
  }

  async roomOf(bot: WechatyInterface, chatId: string): Promise<RoomInterface | undefined> {
    const wechat = this.directory.chat(chatId)?.group?.wechat;
    if (!wechat) return undefined;
    const byId = wechat.room_id ? await bot.Room.find({ id: wechat.room_id }) : undefined;
    return byId ?? (wechat.topic ? await bot.Room.find({ topic: wechat.topic }) : undefined);
  }

  async contactOf(bot: WechatyInterface, personId: string): Promise<ContactInterface | undefined> {
    const boundId = this.contactIdOf(personId);
    if (boundId) {
      const contact = await bot.Contact.find({ id: boundId });
      if (contact) return contact;
    }
    const wechat = this.directory.person(personId)?.wechat;
    if (!wechat) return undefined;
    const byAlias = wechat.alias ? await bot.Contact.find({ alias: wechat.alias }) : undefined;
    return byAlias ?? (wechat.name ? await bot.Contact.find({ name: wechat.name }) : undefined);
  }

  private contactIdOf(personId: string): string | undefined {
    return this.contactOfPerson.get(personId);
  }

  /**
   * Keeps both directions. A contact bound anew leaves the person it stood for before, who keeps
   * another contact of theirs if they have one (rare: only a re-binding scans).
   */
  private remember(contactId: string, personId: string): void {
    const before = this.bound.get(contactId);
    this.bound.set(contactId, personId);
    if (before !== undefined && before !== personId && this.contactOfPerson.get(before) === contactId) {
      this.contactOfPerson.delete(before);
      const other = [...this.bound].find(([, orgId]) => orgId === before)?.[0];
      if (other !== undefined) this.contactOfPerson.set(before, other);
    }
    if (!this.contactOfPerson.has(personId)) this.contactOfPerson.set(personId, contactId);
  }
}
