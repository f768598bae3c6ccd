/** A 舆情 item as the database returns it, for the pure tests: 一般, 青山镇, found 2026-12-07 08:30 (Shanghai). */
import type { OpinionItem } from "../../../../../src/handlers/opinion/opinion-types.ts";

/** A local (Shanghai) time in December 2026. */
export const dec = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 11, day, hour - 8, minute));

export function opinionItem(fields: Partial<OpinionItem> = {}): OpinionItem {
  return {
    id: 1,
    number: "Y2026-0001",
    sourceKey: "k1",
    source: "微博",
    link: "https://weibo.com/1234567890/AbCdEf",
    content: "微博网友发帖称青山镇李家村垃圾长期无人清运",
    unitId: "qingshan",
    foundAt: dec(7, 8, 30),
    reads: 23000,
    reposts: 150,
    comments: 320,
    levelId: "general",
    registeredBy: "sun-zhiban",
    chatId: "duty",
    registeredAt: dec(7, 9),
    verifyDueAt: dec(7, 12, 30),
    respondDueAt: dec(9, 8, 30),
    status: "open",
    alertedAt: dec(7, 9),
    signedAt: null,
    signedBy: null,
    verifiedAt: null,
    verifiedBy: null,
    verification: null,
    draft: null,
    draftAt: null,
    draftBy: null,
    revisionNote: null,
    approvedText: null,
    approvedAt: null,
    approvedBy: null,
    respondedAt: null,
    respondedBy: null,
    responseNote: null,
    closedAt: null,
    closedBy: null,
    verifyNotices: 0,
    respondNotices: 0,
    incidentId: null,
    ...fields,
  };
}
