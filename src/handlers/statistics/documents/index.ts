/** What statistics/ files as documents: the 月度通报 (.docx), on the desk and by `通报文件` in chat. */
import type { CapabilityParts } from "../../../bot/core/capability.ts";
import { monthlyNoticeDocument } from "./monthly-notice-document.ts";
import { noticeFileCommand } from "./notice-file-command.ts";

/** `office`: its name on the 版头 and the zone its months are read in. */
export function noticeDocumentParts(office: { name: string; timezone: string }): CapabilityParts {
  return { commands: [noticeFileCommand(office)], desk: { documents: [monthlyNoticeDocument(office)] } };
}
