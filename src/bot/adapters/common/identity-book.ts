/**
 * The two-way book of one platform's ids that every adapter's identity keeps: people by their
 * platform id from the org file or a `PlatformBinding`, groups likewise. Bindings made by another
 * process are picked up on a miss (at most every 30 s). The platform's own ways of finding people
 * (by phone, by union id …) stay in the adapter, which records what it finds with
 * {@link IdentityBook.recordPerson}.
 */
import type { Logger } from "pino";
import type { Chat, Directory } from "../../core/directory.ts";
import type { DatabaseClient } from "../../core/services.ts";
import type { BindOutcome } from "../../core/unbound.ts";
import { recordBinding } from "./platform-bindings.ts";

const REFRESH_AFTER_MS = 30_000;

export type OrgPerson = ReturnType<Directory["people"]>[number];

export interface IdentityBookOptions {
  /** The platform's name in `PlatformBinding` and in log lines ("feishu", "dingtalk" …). */
  platform: string;
  /** A person's platform id from the org file, if it has one. */
  personIdInOrg(person: OrgPerson): string | undefined;
  /** A group's platform chat id from the org file, if it has one. */
  groupIdInOrg(chat: Chat): string | undefined;
}

export class IdentityBook {
  private readonly personByExternal = new Map<string, string>();
  private readonly externalByPerson = new Map<string, string>();
  private readonly groupByExternal = new Map<string, string>();
  private readonly externalByGroup = new Map<string, string>();
  private refreshedAt = 0;
  readonly platform: string;

  constructor(
    private readonly directory: Directory,
    private readonly prisma: DatabaseClient,
    private readonly log: Logger,
    options: IdentityBookOptions,
  ) {
    this.platform = options.platform;
    for (const person of directory.people()) {
      const externalId = options.personIdInOrg(person);
      if (externalId) this.rememberPerson(person.id, externalId);
    }
    for (const chat of directory.groups()) {
      const externalId = options.groupIdInOrg(chat);
      if (externalId) this.rememberGroup(chat.id, externalId);
    }
  }

  /** Re-reads bindings from the database (at most every 30 s unless forced). */
  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.refreshedAt < REFRESH_AFTER_MS) return;
    this.refreshedAt = Date.now();
    const rows = await this.prisma.platformBinding.findMany({ where: { platform: this.platform } });
    for (const row of rows) {
      if (row.kind === "person" && this.directory.person(row.orgId))
        this.rememberPerson(row.orgId, row.externalId);
      if (row.kind === "chat" && this.directory.chat(row.orgId))
        this.rememberGroup(row.orgId, row.externalId);
    }
  }

  /**
   * Whether a message to this org chat can reach the platform from what is known now: a group with
   * a platform chat id, a direct chat with a member the platform can reach (`personReachable`,
   * by default one with a known id). A miss re-reads the bindings in the background.
   */
  canReach(chatId: string, personReachable = (personId: string) => this.hasPerson(personId)): boolean {
    const chat = this.directory.chat(chatId);
    if (!chat) return false;
    const reachable =
      chat.kind === "direct" ? chat.members.some(personReachable) : this.externalByGroup.has(chat.id);
    if (!reachable)
      this.refresh().catch((error) =>
        this.log.warn({ err: error }, `${this.platform} bindings could not be re-read`),
      );
    return reachable;
  }

  hasPerson(personId: string): boolean {
    return this.externalByPerson.has(personId);
  }

  /** The org person of a platform id. */
  personOf(externalId: string | undefined): string | undefined {
    return externalId ? this.personByExternal.get(externalId) : undefined;
  }

  /** The platform id of an org person. */
  externalIdOfPerson(personId: string): string | undefined {
    return this.externalByPerson.get(personId);
  }

  /** The org group of a platform chat id. */
  groupOf(externalChatId: string | undefined): string | undefined {
    return externalChatId ? this.groupByExternal.get(externalChatId) : undefined;
  }

  /** The platform chat id of an org group. */
  externalIdOfGroup(groupId: string): string | undefined {
    return this.externalByGroup.get(groupId);
  }

  /** Records a person's platform id found by a look-up (never over one a person bound). */
  async recordPerson(personId: string, externalId: string, boundBy: string): Promise<void> {
    await recordBinding(
      this.prisma,
      {
        platform: this.platform,
        kind: "person",
        externalId,
        orgId: personId,
        boundBy,
        boundAt: new Date(),
      },
      { keepExisting: true },
    );
    this.rememberPerson(personId, externalId);
  }

  /** Binds a platform group to an org group; refused when the org group already has another. */
  async bindGroup(externalChatId: string, groupId: string, by: string): Promise<BindOutcome> {
    await this.refresh(true);
    const current = this.externalByGroup.get(groupId);
    if (current && current !== externalChatId) return "taken";
    await recordBinding(this.prisma, {
      platform: this.platform,
      kind: "chat",
      externalId: externalChatId,
      orgId: groupId,
      boundBy: by,
      boundAt: new Date(),
    });
    this.rememberGroup(groupId, externalChatId);
    return "bound";
  }

  private rememberPerson(personId: string, externalId: string): void {
    this.personByExternal.set(externalId, personId);
    this.externalByPerson.set(personId, externalId);
  }

  private rememberGroup(groupId: string, externalChatId: string): void {
    const previous = this.externalByGroup.get(groupId);
    if (previous) this.groupByExternal.delete(previous);
    this.groupByExternal.set(externalChatId, groupId);
    this.externalByGroup.set(groupId, externalChatId);
  }
}
