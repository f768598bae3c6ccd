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
import { IdentityBook } from "../common/identity-book.ts";

export const WECOM = "wecom";

export interface MobileLookup {
  userIdByMobile(mobile: string): Promise<string | undefined>;
}

export class WecomIdentity {
  private readonly book: IdentityBook;
  /** People whose phone WeCom answered with nobody. */
  private readonly phoneNotFound = new Set<string>();

  constructor(
    private readonly directory: Directory,
    prisma: DatabaseClient,
    private readonly log: Logger,
  ) {
    this.book = new IdentityBook(directory, prisma, log, {
      platform: WECOM,
      personIdInOrg: (person) => person.wecom?.userid,
      groupIdInOrg: (chat) => chat.group?.wecom?.chatid,
    });
  }

  /** Loads bindings, then looks up by phone the people still without a userid, once each. */
  async load(contacts?: MobileLookup): Promise<void> {
    await this.refresh(true);
    if (!contacts) return;
    const missing = this.directory
      .people()
      .filter((p) => p.phone && !this.book.hasPerson(p.id) && !this.phoneNotFound.has(p.id));
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
      await this.book.recordPerson(person.id, userId, "phone");
    }
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  refresh(force = false): Promise<void> {
    return this.book.refresh(force);
  }

  /**
   * Whether a message to this chat can reach WeCom from what is known now: a group with an app
   * group's chatid, a person with a userid. A miss re-reads the bindings in the background.
   */
  canReach(chatId: string): boolean {
    return this.book.canReach(chatId);
  }

  personOf(userId: string | undefined): string | undefined {
    return this.book.personOf(userId);
  }

  userIdOf(personId: string): string | undefined {
    return this.book.externalIdOfPerson(personId);
  }

  groupOf(wecomChatId: string | undefined): string | undefined {
    return this.book.groupOf(wecomChatId);
  }

  wecomChatOf(groupId: string): string | undefined {
    return this.book.externalIdOfGroup(groupId);
  }
}
