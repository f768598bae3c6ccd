/** What statistics/ files as documents: the 月度通报 (.docx), on the desk and by `通报文件` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";

export function noticeDocumentParts(_timezone: string): CapabilityParts {
  return {};
}
