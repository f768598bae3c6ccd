/**
 * Who hears about a 督办 task or a 舆情 item in a unit (its card, the clocks): its work group
 * (mentioning those of the people who are members) and, for anyone the group does not hold (or a
 * unit without a group), a one-to-one chat.
 */
import type { Directory } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";
import { unitGroupOf } from "../office/audience.ts";

/** One message to send: where, and whom it mentions (and makes 加急 for, when urgent). */
export interface Delivery {
  chatId: string;
  mentions: string[];
}

/** The unit's work group, if the org file has one. */
export const unitGroupId = unitGroupOf;

/** The unit's directors (单位负责人). */
export function unitDirectors(directory: Directory, unitId: string): string[] {
  return directory.withRole("director", unitId).map((p) => p.id);
}

/** The unit's directors, then its reporters (信息员): those who answer for the task and do it. */
export function unitPeople(directory: Directory, unitId: string): string[] {
  return [
    ...new Set([
      ...unitDirectors(directory, unitId),
      ...directory.withRole("reporter", unitId).map((p) => p.id),
    ]),
  ];
}

/**
 * The unit's group mentioning the members among `people`, and a one-to-one chat for each of
 * `people` the group does not hold.
 */
export function reachInUnit(directory: Directory, unitId: string, people: readonly string[]): Delivery[] {
  const group = unitGroupId(directory, unitId);
  const inGroup = group ? directory.membersAmong(group, people) : [];
  const outside = people.filter((p) => !inGroup.includes(p));
  return [
    ...(group ? [{ chatId: group, mentions: inGroup }] : []),
    ...outside.map((p) => ({ chatId: directChatId(p), mentions: [p] })),
  ];
}

/** The whole unit (its directors and reporters) through its group, or one to one where it does not hold them. */
export function reachWholeUnit(directory: Directory, unitId: string): Delivery[] {
  return reachInUnit(directory, unitId, unitPeople(directory, unitId));
}
