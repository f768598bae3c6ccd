/**
 * Which paid urgent channels (SMS, phone) an alert at an escalation level adds for a grade: the
 * policy's `urgent_sms_from_level` / `urgent_phone_from_level`, off unless set (they cost money).
 */
import type { UrgentChannel } from "../../../bot/core/message.ts";
import type { Grade } from "../incident-types.ts";

export function paidUrgentChannels(
  grade: Pick<Grade, "urgent_sms_from_level" | "urgent_phone_from_level">,
  level: number,
): UrgentChannel[] {
  const channels: UrgentChannel[] = [];
  if (grade.urgent_sms_from_level !== undefined && level >= grade.urgent_sms_from_level) channels.push("sms");
  if (grade.urgent_phone_from_level !== undefined && level >= grade.urgent_phone_from_level)
    channels.push("phone");
  return channels;
}
