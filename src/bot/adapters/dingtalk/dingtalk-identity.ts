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
import { recordBinding } from "../common/platform-bindings.ts";

export const DINGTALK = "dingtalk";
const REFRESH_AFTER_MS = 30_000;

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
  private readonly personByUser = new Map<string, string>();
  private readonly userByPerson = new Map<string, string>();
  private readonly groupByConversation = new Map<string, string>();
  private readonly conversationByGroup = new Map<string, string>();
  /** People looked up in vain (no account for their phone or union id). */
  private readonly notFound = new Set<string>();
  private refreshedAt = 0;

  constructor(
    private readonly directory: Directory,
    private readonly prisma: DatabaseClient,
    private readonly log: Logger,
  ) {
    for (const person of directory.people())
      if (person.dingtalk?.user_id) this.rememberPerson(person.id, person.dingtalk.user_id);
    for (const chat of directory.groups()) {
      const conversation = chat.group?.dingtalk?.open_conversation_id;
      if (conversation) this.rememberGroup(chat.id, conversation);
    }
  }

  /** Loads bindings, then looks up the people still without a userId (by union id, else phone), once each. */
  async load(lookup?: UserLookup): Promise<void> {
    await this.refresh(true);
    if (!lookup) return;
    const missing = this.directory
      .people()
      .filter(
        (p) => (p.dingtalk?.union_id || p.phone) && !this.userByPerson.has(p.id) && !this.notFound.has(p.id),
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
      await recordBinding(
        this.prisma,
        {
          platform: DINGTALK,
          kind: "person",
          externalId: userId,
          orgId: person.id,
          boundBy: person.dingtalk?.union_id ? "union_id" : "phone",
          boundAt: new Date(),
        },
        { keepExisting: true },
      );
      this.rememberPerson(person.id, userId);
    }
    const unresolved = missing.filter((p) => this.notFound.has(p.id));
    if (unresolved.length > 0)
      this.log.warn({ people: unresolved.map((p) => p.name) }, "no dingtalk account found for these people");
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.refreshedAt < REFRESH_AFTER_MS) return;
    this.refreshedAt = Date.now();
    const rows = await this.prisma.platformBinding.findMany({ where: { platform: DINGTALK } });
    for (const row of rows) {
      if (row.kind === "person" && this.directory.person(row.orgId))
        this.rememberPerson(row.orgId, row.externalId);
      if (row.kind === "chat" && this.directory.chat(row.orgId))
        this.rememberGroup(row.orgId, row.externalId);
    }
  }

  /** Whether a message to this org chat can reach DingTalk from what is known now. */
  canReach(chatId: string): boolean {
    const chat = this.directory.chat(chatId);
    if (!chat) return false;
    const reachable =
      chat.kind === "direct"
        ? chat.members.some((id) => this.userByPerson.has(id))
        : this.conversationByGroup.has(chat.id);
    if (!reachable)
      this.refresh().catch((error) =>
        this.log.warn({ err: error }, "dingtalk bindings could not be re-read"),
      );
    return reachable;
  }

  /** Where an org chat is on DingTalk; a miss re-reads the bindings first. */
  async target(chatId: string): Promise<DingtalkTarget | undefined> {
    const known = this.knownTarget(chatId);
    if (known) return known;
    await this.refresh();
    return this.knownTarget(chatId);
  }

  personOf(userId: string | undefined): string | undefined {
    return userId ? this.personByUser.get(userId) : undefined;
  }

  userIdOf(personId: string): string | undefined {
    return this.userByPerson.get(personId);
  }

  groupOf(openConversationId: string | undefined): string | undefined {
    return openConversationId ? this.groupByConversation.get(openConversationId) : undefined;
  }

  conversationOf(groupId: string): string | undefined {
    return this.conversationByGroup.get(groupId);
  }

  /** Binds a DingTalk group to an org group; refused when the org group already has another. */
  async bindGroup(openConversationId: string, groupId: string, by: string): Promise<BindOutcome> {
    await this.refresh(true);
    const current = this.conversationByGroup.get(groupId);
    if (current && current !== openConversationId) return "taken";
    await recordBinding(this.prisma, {
      platform: DINGTALK,
      kind: "chat",
      externalId: openConversationId,
      orgId: groupId,
      boundBy: by,
      boundAt: new Date(),
    });
    this.rememberGroup(groupId, openConversationId);
    return "bound";
  }

  private knownTarget(chatId: string): DingtalkTarget | undefined {
    if (isDirectChat(chatId)) {
      const userId = this.userByPerson.get(personOfDirectChat(chatId));
      return userId ? { kind: "user", userId, rateKey: userRateKey(userId) } : undefined;
    }
    const conversation = this.conversationByGroup.get(chatId);
    return conversation
      ? { kind: "group", openConversationId: conversation, rateKey: groupRateKey(conversation) }
      : undefined;
  }

  private rememberPerson(personId: string, userId: string): void {
    this.personByUser.set(userId, personId);
    this.userByPerson.set(personId, userId);
  }

  private rememberGroup(groupId: string, conversation: string): void {
    const previous = this.conversationByGroup.get(groupId);
    if (previous) this.groupByConversation.delete(previous);
    this.groupByConversation.set(conversation, groupId);
    this.conversationByGroup.set(groupId, conversation);
  }
}

export function groupRateKey(openConversationId: string): string {
  return `dingtalk:group:${openConversationId}`;
}

export function userRateKey(userId: string): string {
  return `dingtalk:user:${userId}`;
}
