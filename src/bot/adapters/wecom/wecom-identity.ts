/**
 * Who is who on WeCom: people by `wecom.userid` from the org file, else by phone through
 * `user/getuserid` (once, remembered in `PlatformBinding`); groups by `wecom.chatid` (a group the
 * app created with `appchat/create`: `npm run wecom:doctor -- --create-groups` makes them) or a
 * chat binding in `PlatformBinding`. Bindings made by another process are picked up on a miss (at
 * most every 30 s). Groups cannot be bound by a word in the group: WeCom does not deliver group
 * messages to a self-built app.
 */
import type { Logger } from "pino";
import type { Directory } from "../../core/directory.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { recordBinding } from "../common/platform-bindings.ts";

export const WECOM = "wecom";
const REFRESH_AFTER_MS = 30_000;

export interface MobileLookup {
  userIdByMobile(mobile: string): Promise<string | undefined>;
}

export class WecomIdentity {
  private readonly personByUser = new Map<string, string>();
  private readonly userByPerson = new Map<string, string>();
  private readonly groupByChat = new Map<string, string>();
  private readonly chatByGroup = new Map<string, string>();
  /** People whose phone WeCom answered with nobody. */
  private readonly phoneNotFound = new Set<string>();
  private refreshedAt = 0;

  constructor(
    private readonly directory: Directory,
    private readonly prisma: DatabaseClient,
    private readonly log: Logger,
  ) {
    for (const person of directory.people())
      if (person.wecom?.userid) this.rememberPerson(person.id, person.wecom.userid);
    for (const chat of directory.groups())
      if (chat.group?.wecom?.chatid) this.rememberGroup(chat.id, chat.group.wecom.chatid);
  }

  /** Loads bindings, then looks up by phone the people still without a userid, once each. */
  async load(contacts?: MobileLookup): Promise<void> {
    await this.refresh(true);
    if (!contacts) return;
    const missing = this.directory
      .people()
      .filter((p) => p.phone && !this.userByPerson.has(p.id) && !this.phoneNotFound.has(p.id));
    for (const person of missing) {
      let userId: string | undefined;
      try {
        userId = await contacts.userIdByMobile(person.phone as string);
      } catch (error) {
        this.log.warn({ err: error }, "wecom lookup by phone failed (通讯录权限或可见范围?)");
        return;
      }
      if (!userId) {
        this.phoneNotFound.add(person.id);
        this.log.warn({ person: person.name }, "no wecom member found for this phone");
        continue;
      }
      await recordBinding(
        this.prisma,
        {
          platform: WECOM,
          kind: "person",
          externalId: userId,
          orgId: person.id,
          boundBy: "phone",
          boundAt: new Date(),
        },
        { keepExisting: true },
      );
      this.rememberPerson(person.id, userId);
    }
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.refreshedAt < REFRESH_AFTER_MS) return;
    this.refreshedAt = Date.now();
    const rows = await this.prisma.platformBinding.findMany({ where: { platform: WECOM } });
    for (const row of rows) {
      if (row.kind === "person" && this.directory.person(row.orgId))
        this.rememberPerson(row.orgId, row.externalId);
      if (row.kind === "chat" && this.directory.chat(row.orgId))
        this.rememberGroup(row.orgId, row.externalId);
    }
  }

  /**
   * Whether a message to this chat can reach WeCom from what is known now: a group with an app
   * group's chatid, a person with a userid. A miss re-reads the bindings in the background.
   */
  canReach(chatId: string): boolean {
    const chat = this.directory.chat(chatId);
    if (!chat) return false;
    const reachable =
      chat.kind === "direct"
        ? chat.members.some((personId) => this.userByPerson.has(personId))
        : this.chatByGroup.has(chat.id);
    if (!reachable)
      this.refresh().catch((error) => this.log.warn({ err: error }, "wecom bindings could not be re-read"));
    return reachable;
  }

  personOf(userId: string | undefined): string | undefined {
    return userId ? this.personByUser.get(userId) : undefined;
  }

  userIdOf(personId: string): string | undefined {
    return this.userByPerson.get(personId);
  }

  groupOf(wecomChatId: string | undefined): string | undefined {
    return wecomChatId ? this.groupByChat.get(wecomChatId) : undefined;
  }

  wecomChatOf(groupId: string): string | undefined {
    return this.chatByGroup.get(groupId);
  }

  private rememberPerson(personId: string, userId: string): void {
    this.personByUser.set(userId, personId);
    this.userByPerson.set(personId, userId);
  }

  private rememberGroup(groupId: string, wecomChatId: string): void {
    const previous = this.chatByGroup.get(groupId);
    if (previous) this.groupByChat.delete(previous);
    this.groupByChat.set(wecomChatId, groupId);
    this.chatByGroup.set(groupId, wecomChatId);
  }
}
