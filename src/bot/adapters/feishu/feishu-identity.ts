/**
 * Who is who on Feishu: people by `feishu.open_id` from the org file, else by phone through the
 * contact API (once, remembered in `PlatformBinding`); groups by `feishu.chat_id`, else by a
 * binding an admin made in the group. Bindings made by another process are picked up on a miss.
 * {@link FeishuIdentity.canReach} tells from this which chats a message can reach on Feishu at all.
 */
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { IdentityBook } from "../common/identity-book.ts";

export const FEISHU = "feishu";

export interface PhoneLookup {
  openIdsByPhone(phones: string[]): Promise<Map<string, string>>;
}

export class FeishuIdentity {
  private readonly book: IdentityBook;
  /** People whose phone Feishu's contact lookup answered with no account. */
  private readonly phoneNotFound = new Set<string>();

  constructor(
    private readonly directory: Directory,
    prisma: DatabaseClient,
    private readonly log: Logger,
  ) {
    this.book = new IdentityBook(directory, prisma, log, {
      platform: FEISHU,
      personIdInOrg: (person) => person.feishu?.open_id,
      groupIdInOrg: (chat) => chat.group?.feishu?.chat_id,
    });
  }

  /** Loads bindings, then looks up by phone the people still without an open id, once each. */
  async load(contacts?: PhoneLookup): Promise<void> {
    await this.refresh(true);
    if (!contacts) return;
    const missing = this.directory
      .people()
      .filter((p) => p.phone && !this.book.hasPerson(p.id) && !this.phoneNotFound.has(p.id));
    if (missing.length === 0) return;
    let found: Map<string, string>;
    try {
      found = await contacts.openIdsByPhone(missing.map((p) => p.phone as string));
    } catch (error) {
      this.log.warn(
        { err: error },
        "feishu contact lookup by phone failed (scope contact:user.id:readonly?)",
      );
      return;
    }
    for (const person of missing) {
      const openId = found.get(person.phone as string);
      if (openId) await this.book.recordPerson(person.id, openId, "phone");
    }
    const unresolved = missing.filter((p) => !this.book.hasPerson(p.id));
    for (const person of unresolved) this.phoneNotFound.add(person.id);
    if (unresolved.length > 0)
      this.log.warn({ people: unresolved.map((p) => p.name) }, "no feishu account found for these phones");
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  refresh(force = false): Promise<void> {
    return this.book.refresh(force);
  }

  /**
   * Whether a message to this chat can reach Feishu, from what is known now: a group with a Feishu
   * chat id (from the org file or bound), a person with an open id or with a phone not yet looked
   * up in vain. A miss re-reads the bindings in the background (at most every 30 s), so a group
   * bound by another process starts being reached soon after without a restart.
   */
  canReach(chatId: string): boolean {
    return this.book.canReach(
      chatId,
      (personId) =>
        this.book.hasPerson(personId) ||
        (Boolean(this.directory.person(personId)?.phone) && !this.phoneNotFound.has(personId)),
    );
  }

  personOf(openId: string | undefined): string | undefined {
    return this.book.personOf(openId);
  }

  openIdOf(personId: string): string | undefined {
    return this.book.externalIdOfPerson(personId);
  }

  groupOf(feishuChatId: string | undefined): string | undefined {
    return this.book.groupOf(feishuChatId);
  }

  feishuChatOf(groupId: string): string | undefined {
    return this.book.externalIdOfGroup(groupId);
  }

  /** Binds a Feishu group to an org group; refused when the org group already has another. */
  bindGroup(feishuChatId: string, groupId: string, by: string): Promise<"bound" | "taken"> {
    return this.book.bindGroup(feishuChatId, groupId, by);
  }
}
