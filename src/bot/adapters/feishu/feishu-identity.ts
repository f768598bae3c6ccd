/**
 * Who is who on Feishu: people by `feishu.open_id` from the org file, else by phone through the
 * contact API (once, remembered in `PlatformBinding`); groups by `feishu.chat_id`, else by a
 * binding an admin made in the group. Bindings made by another process are picked up on a miss.
 * {@link FeishuIdentity.canReach} tells from this which chats a message can reach on Feishu at all.
 */
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { recordBinding } from "../common/platform-bindings.ts";

export const FEISHU = "feishu";
const REFRESH_AFTER_MS = 30_000;

export interface PhoneLookup {
  openIdsByPhone(phones: string[]): Promise<Map<string, string>>;
}

export class FeishuIdentity {
  private readonly personByOpenId = new Map<string, string>();
  private readonly openIdByPerson = new Map<string, string>();
  private readonly groupByChat = new Map<string, string>();
  private readonly chatByGroup = new Map<string, string>();
  /** People whose phone Feishu's contact lookup answered with no account. */
  private readonly phoneNotFound = new Set<string>();
  private refreshedAt = 0;

  constructor(
    private readonly directory: Directory,
    private readonly prisma: DatabaseClient,
    private readonly log: Logger,
  ) {
    for (const person of directory.people())
      if (person.feishu?.open_id) this.rememberPerson(person.id, person.feishu.open_id);
    for (const chat of directory.groups())
      if (chat.group?.feishu?.chat_id) this.rememberGroup(chat.id, chat.group.feishu.chat_id);
  }

  /** Loads bindings, then looks up by phone the people still without an open id, once each. */
  async load(contacts?: PhoneLookup): Promise<void> {
    await this.refresh(true);
    if (!contacts) return;
    const missing = this.directory
      .people()
      .filter((p) => p.phone && !this.openIdByPerson.has(p.id) && !this.phoneNotFound.has(p.id));
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
      if (!openId) continue;
      await recordBinding(
        this.prisma,
        {
          platform: FEISHU,
          kind: "person",
          externalId: openId,
          orgId: person.id,
          boundBy: "phone",
          boundAt: new Date(),
        },
        { keepExisting: true },
      );
      this.rememberPerson(person.id, openId);
    }
    const unresolved = missing.filter((p) => !this.openIdByPerson.has(p.id));
    for (const person of unresolved) this.phoneNotFound.add(person.id);
    if (unresolved.length > 0)
      this.log.warn({ people: unresolved.map((p) => p.name) }, "no feishu account found for these phones");
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.refreshedAt < REFRESH_AFTER_MS) return;
    this.refreshedAt = Date.now();
    const rows = await this.prisma.platformBinding.findMany({ where: { platform: FEISHU } });
    for (const row of rows) {
      if (row.kind === "person" && this.directory.person(row.orgId))
        this.rememberPerson(row.orgId, row.externalId);
      if (row.kind === "chat" && this.directory.chat(row.orgId))
        this.rememberGroup(row.orgId, row.externalId);
    }
  }

  /**
   * Whether a message to this chat can reach Feishu, from what is known now: a group with a Feishu
   * chat id (from the org file or bound), a person with an open id or with a phone not yet looked
   * up in vain. A miss re-reads the bindings in the background (at most every 30 s), so a group
   * bound by another process starts being reached soon after without a restart.
   */
  canReach(chatId: string): boolean {
    const chat = this.directory.chat(chatId);
    if (!chat) return false;
    const reachable =
      chat.kind === "direct"
        ? chat.members.some(
            (personId) =>
              this.openIdByPerson.has(personId) ||
              (Boolean(this.directory.person(personId)?.phone) && !this.phoneNotFound.has(personId)),
          )
        : this.chatByGroup.has(chat.id);
    if (!reachable)
      this.refresh().catch((error) => this.log.warn({ err: error }, "feishu bindings could not be re-read"));
    return reachable;
  }

  personOf(openId: string | undefined): string | undefined {
    return openId ? this.personByOpenId.get(openId) : undefined;
  }

  openIdOf(personId: string): string | undefined {
    return this.openIdByPerson.get(personId);
  }

  groupOf(feishuChatId: string | undefined): string | undefined {
    return feishuChatId ? this.groupByChat.get(feishuChatId) : undefined;
  }

  feishuChatOf(groupId: string): string | undefined {
    return this.chatByGroup.get(groupId);
  }

  /** Binds a Feishu group to an org group; refused when the org group already has another. */
  async bindGroup(feishuChatId: string, groupId: string, by: string): Promise<"bound" | "taken"> {
    await this.refresh(true);
    const current = this.chatByGroup.get(groupId);
    if (current && current !== feishuChatId) return "taken";
    await recordBinding(this.prisma, {
      platform: FEISHU,
      kind: "chat",
      externalId: feishuChatId,
      orgId: groupId,
      boundBy: by,
      boundAt: new Date(),
    });
    this.rememberGroup(groupId, feishuChatId);
    return "bound";
  }

  private rememberPerson(personId: string, openId: string): void {
    this.personByOpenId.set(openId, personId);
    this.openIdByPerson.set(personId, openId);
  }

  private rememberGroup(groupId: string, feishuChatId: string): void {
    const previous = this.chatByGroup.get(groupId);
    if (previous) this.groupByChat.delete(previous);
    this.groupByChat.set(feishuChatId, groupId);
    this.chatByGroup.set(groupId, feishuChatId);
  }
}
