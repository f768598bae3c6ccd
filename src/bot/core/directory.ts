/**
 * Looks up people, units and chats of the org file by id or by name, so adapters, handlers and the
 * transcript runner all resolve "青山镇工作群" or "私聊 张三" the same way.
 */
import type { Group, Org, Person, Role, Unit } from "../../config/org.ts";
import { DIRECT_CHAT_PREFIX, directChatId, isDirectChat } from "./message.ts";
import { DIRECT_CHAT_NAME_PREFIX } from "./replies.ts";

/** A chat the bot is in: a group of the org file, or a one-to-one chat with a person. */
export interface Chat {
  id: string;
  name: string;
  kind: "group" | "direct";
  group?: Group;
  /** Person ids of the chat's members. */
  members: string[];
}

export { DIRECT_CHAT_NAME_PREFIX };

/** What a group is for: a unit's work group, the leaders' group, the duty office's group. */
export type GroupPurpose = Group["purpose"];

export class Directory {
  readonly botName: string;
  private readonly peopleById = new Map<string, Person>();
  private readonly peopleByName = new Map<string, Person>();
  private readonly unitsById = new Map<string, Unit>();
  private readonly chats = new Map<string, Chat>();

  constructor(readonly org: Org) {
    this.botName = org.bot.name;
    for (const unit of org.units) this.unitsById.set(unit.id, unit);
    for (const person of org.people) {
      this.peopleById.set(person.id, person);
      this.peopleByName.set(person.name, person);
    }
    for (const group of org.groups) {
      const chat: Chat = { id: group.id, name: group.name, kind: "group", group, members: group.members };
      this.chats.set(group.id, chat);
    }
  }

  /** A person by id or by name. */
  person(idOrName: string): Person | undefined {
    return this.peopleById.get(idOrName) ?? this.peopleByName.get(idOrName);
  }

  /** A person's name, or the id itself for someone the org file does not (or no longer) know. */
  personName(id: string): string {
    return this.person(id)?.name ?? id;
  }

  unit(id: string): Unit | undefined {
    return this.unitsById.get(id);
  }

  unitName(id: string): string {
    return this.unitsById.get(id)?.name ?? id;
  }

  people(): Person[] {
    return this.org.people;
  }

  groups(): Chat[] {
    return [...this.chats.values()];
  }

  /**
   * The groups with any of these purposes, in the org file's order: where the duty office, the
   * leaders or the units are reached (one place decides what "the duty groups" are).
   */
  groupsWithPurpose(...purposes: readonly GroupPurpose[]): Chat[] {
    return this.groups().filter((c) => c.group !== undefined && purposes.includes(c.group.purpose));
  }

  /** The duty group (总值班室), where the bot reports what staff must follow up by hand. */
  dutyChatId(): string | undefined {
    return this.groupsWithPurpose("duty")[0]?.id;
  }

  /** A chat by id (`qingshan-work`, `dm:zhangsan`) or by name (`青山镇工作群`, `私聊 张三`). */
  chat(idOrName: string): Chat | undefined {
    const group = this.chats.get(idOrName) ?? this.groups().find((c) => c.name === idOrName);
    if (group) return group;
    const personRef = idOrName.startsWith(DIRECT_CHAT_PREFIX)
      ? idOrName.slice(DIRECT_CHAT_PREFIX.length)
      : idOrName.startsWith(DIRECT_CHAT_NAME_PREFIX)
        ? idOrName.slice(DIRECT_CHAT_NAME_PREFIX.length).trim()
        : undefined;
    const person = personRef === undefined ? undefined : this.person(personRef);
    return person ? this.directChat(person) : undefined;
  }

  directChat(person: Person): Chat {
    return {
      id: directChatId(person.id),
      name: `${DIRECT_CHAT_NAME_PREFIX}${person.name}`,
      kind: "direct",
      members: [person.id],
    };
  }

  chatName(chatId: string): string {
    return this.chat(chatId)?.name ?? chatId;
  }

  /** Whether the person may speak in the chat: a member of a group, or the owner of a one-to-one chat. */
  canSpeakIn(personId: string, chatId: string): boolean {
    if (isDirectChat(chatId)) return chatId === directChatId(personId);
    return this.chats.get(chatId)?.members.includes(personId) ?? false;
  }

  /**
   * Of `people`, those in the chat (a group's members, or a one-to-one chat's owner), in the given
   * order: a mention reaches only them (WeChat refuses to mention a non-member, Feishu does not
   * notify one), so whoever is left out must be named in the text instead.
   */
  membersAmong(chatId: string, people: readonly string[]): string[] {
    const members = this.chat(chatId)?.members ?? [];
    return people.filter((p) => members.includes(p));
  }

  hasRole(person: Person, role: Role): boolean {
    return person.roles.includes(role);
  }

  /** The people with the role (or any of the roles), optionally of one unit, in the org file's order. */
  withRole(role: Role | readonly Role[], unitId?: string): Person[] {
    const roles: readonly Role[] = typeof role === "string" ? [role] : role;
    return this.org.people.filter(
      (p) => roles.some((r) => p.roles.includes(r)) && (unitId === undefined || p.unit === unitId),
    );
  }
}
