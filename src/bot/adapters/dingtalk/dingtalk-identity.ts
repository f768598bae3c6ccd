/**
 * Who is who on DingTalk: people by `dingtalk.user_id` from the org file, else by `union_id` or by
 * phone through the contacts API (once, remembered in `PlatformBinding`); groups by
 * `dingtalk.open_conversation_id`, else by a binding an admin made in the group with 绑定. Bindings
 * made by another process are picked up on a miss (at most every 30 s).
 */
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import { isDirectChat, personOfDirectChat } from "../../core/message.ts";
import type { DatabaseClient } from "../../core/services.ts";
import type { BindOutcome, ChatBinder } from "../../core/unbound.ts";
import { IdentityBook } from "../common/identity-book.ts";

export const DINGTALK = "dingtalk";

/** The contacts calls identity needs (the API client has them). */
export interface UserLookup {
  userIdByMobile(mobile: string): Promise<string | undefined>;
  userIdByUnionId(unionId: string): Promise<string | undefined>;
}

/** Where a message goes on DingTalk: a group by its openConversationId, or one person by userId. */
export type DingtalkTarget =
  | { kind: "group"; openConversationId: string; rateKey: string }
  | { kind: "user"; userId: string; rateKey: string };

export class DingtalkIdentity implements ChatBinder {
  private readonly book: IdentityBook;
  /** People looked up in vain (no account for their phone or union id). */
  private readonly notFound = new Set<string>();

  constructor(
    private readonly directory: Directory,
    prisma: DatabaseClient,
    private readonly log: Logger,
  ) {
    this.book = new IdentityBook(directory, prisma, log, {
      platform: DINGTALK,
      personIdInOrg: (person) => person.dingtalk?.user_id,
      groupIdInOrg: (chat) => chat.group?.dingtalk?.open_conversation_id,
    });
  }

  /** Loads bindings, then looks up the people still without a userId (by union id, else phone), once each. */
  async load(lookup?: UserLookup): Promise<void> {
    await this.refresh(true);
    if (!lookup) return;
    const missing = this.directory
      .people()
      .filter(
        (p) => (p.dingtalk?.union_id || p.phone) && !this.book.hasPerson(p.id) && !this.notFound.has(p.id),
      );
    for (const person of missing) {
      let userId: string | undefined;
      try {
        userId = person.dingtalk?.union_id
          ? await lookup.userIdByUnionId(person.dingtalk.union_id)
          : await lookup.userIdByMobile(person.phone as string);
      } catch (error) {
        this.log.warn({ err: error, person: person.id }, "dingtalk contact lookup failed (通讯录权限?)");
        return;
      }
      if (!userId) {
        this.notFound.add(person.id);
        continue;
      }
      await this.book.recordPerson(person.id, userId, person.dingtalk?.union_id ? "union_id" : "phone");
    }
    const unresolved = missing.filter((p) => this.notFound.has(p.id));
    if (unresolved.length > 0)
      this.log.warn({ people: unresolved.map((p) => p.name) }, "no dingtalk account found for these people");
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  refresh(force = false): Promise<void> {
    return this.book.refresh(force);
  }

  /** Whether a message to this org chat can reach DingTalk from what is known now. */
  canReach(chatId: string): boolean {
    return this.book.canReach(chatId);
  }

  /** Where an org chat is on DingTalk; a miss re-reads the bindings first. */
  async target(chatId: string): Promise<DingtalkTarget | undefined> {
    const known = this.knownTarget(chatId);
    if (known) return known;
    await this.refresh();
    return this.knownTarget(chatId);
  }

  personOf(userId: string | undefined): string | undefined {
    return this.book.personOf(userId);
  }

  userIdOf(personId: string): string | undefined {
    return this.book.externalIdOfPerson(personId);
  }

  groupOf(openConversationId: string | undefined): string | undefined {
    return this.book.groupOf(openConversationId);
  }

  conversationOf(groupId: string): string | undefined {
    return this.book.externalIdOfGroup(groupId);
  }

  /** Binds a DingTalk group to an org group; refused when the org group already has another. */
  bindGroup(openConversationId: string, groupId: string, by: string): Promise<BindOutcome> {
    return this.book.bindGroup(openConversationId, groupId, by);
  }

  private knownTarget(chatId: string): DingtalkTarget | undefined {
    if (isDirectChat(chatId)) {
      const userId = this.userIdOf(personOfDirectChat(chatId));
      return userId ? { kind: "user", userId, rateKey: userRateKey(userId) } : undefined;
    }
    const conversation = this.conversationOf(chatId);
    return conversation
      ? { kind: "group", openConversationId: conversation, rateKey: groupRateKey(conversation) }
      : undefined;
  }
}

export function groupRateKey(openConversationId: string): string {
  return `dingtalk:group:${openConversationId}`;
}

export function userRateKey(userId: string): string {
  return `dingtalk:user:${userId}`;
}
