/**
 * Platform identities learnt at run time (table `platform_binding`): a Feishu group bound by
 * command, an open_id found from a phone number, a WeChat contact the duty officer confirmed. The
 * binding of an external id is replaced by a later one, unless the caller asks to keep it (what a
 * look-up found never overrides what a person bound).
 */
import type { DatabaseClient } from "../../core/services.ts";

export interface PlatformBindingRow {
  platform: string;
  kind: "chat" | "person";
  /** The platform's own id. */
  externalId: string;
  /** The org-file id it stands for. */
  orgId: string;
  boundBy: string;
  boundAt: Date;
}

export async function recordBinding(
  prisma: DatabaseClient,
  row: PlatformBindingRow,
  options: { keepExisting?: boolean } = {},
): Promise<void> {
  const { platform, kind, externalId, orgId, boundBy, boundAt } = row;
  await prisma.platformBinding.upsert({
    where: { platform_kind_externalId: { platform, kind, externalId } },
    create: row,
    update: options.keepExisting ? {} : { orgId, boundBy, boundAt },
  });
}
