/**
 * Who acts on a unit's part of a task and who hears of it: the unit's own people do its steps, the
 * assigner or a person with `tasks.close_roles` answers its requests, and the unit is told in its
 * work group (its directors and reporters mentioned), or one to one when it has none.
 */
import type { Directory } from "../../../bot/core/directory.ts";
import { directChatId } from "../../../bot/core/message.ts";
import type { Say } from "../../../bot/core/outbox.ts";
import type { Person } from "../../../config/org.ts";
import type { TasksPolicy } from "../../../config/tasks-policy.ts";
import { unitGroupId, unitPeople } from "../../office/unit-reach.ts";

/** Whether the person belongs to the unit whose part it is (a person belongs to one unit). */
export function actsForUnit(person: Person, unitId: string): boolean {
  return person.unit === unitId;
}

/** Whether the person may answer a unit's 申请延期 or 申请办结: the assigner, or `close_roles`. */
export function answersFor(
  person: Person,
  task: { assignerId: string },
  rules: Pick<TasksPolicy, "close_roles">,
): boolean {
  return person.id === task.assignerId || rules.close_roles.some((role) => person.roles.includes(role));
}

/** Where and how to tell a unit something: its group with `mention` (else its people) mentioned. */
export function unitNotices(
  directory: Directory,
  unitId: string,
  text: string,
  mention?: readonly string[],
): { chatId: string; say: Say }[] {
  const group = unitGroupId(directory, unitId);
  const people = mention?.length ? [...mention] : unitPeople(directory, unitId);
  if (group) return [{ chatId: group, say: { text, mentions: directory.membersAmong(group, people) } }];
  return people.map((id) => ({ chatId: directChatId(id), say: { text } }));
}
