/** What people read about photos, videos and shared locations of a report. */
import type { MediaCounts } from "./attachment-rules.ts";

/** `现场图片 3 张、视频 1 个`. */
export function countsText(counts: MediaCounts): string {
  const parts = [
    counts.images > 0 ? `现场图片 ${counts.images} 张` : "",
    counts.videos > 0 ? `视频 ${counts.videos} 个` : "",
  ];
  return parts.filter(Boolean).join("、") || "现场图片 0 张";
}

/** `20 MB`, `512 KB`. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const attachmentMessages = {
  /** `已收到现场图片 1 张（本次上报共 2 张），请继续回答上面的问题。` */
  receivedInDialog: (now: MediaCounts, total: number) =>
    `已收到${countsText(now)}（本次上报共 ${total} 个图片或视频），会随报告一起报送。请继续回答上面的问题。`,
  receivedAfterFiling: (number: string, now: MediaCounts, total: number) =>
    `已收到${countsText(now)}，已附在 ${number} 上（共 ${total} 个图片或视频）。`,
  forwarded: (number: string, counts: MediaCounts) => `${number} ${countsText(counts)}`,
  tooLarge: (name: string, limit: number) =>
    `「${name}」超过 ${sizeText(limit)}，没有收下。请压缩后再发，或发截图。`,
  wrongType: (name: string) => `「${name}」不是图片或视频，没有收下。只能收现场图片和短视频。`,
  tooMany: (limit: number) => `每份报告最多 ${limit} 个图片或视频，多出的没有收下。`,
  /** No dialog and no report just filed. */
  howToAttach: (minutes: number) =>
    `要报送现场图片，请先发「上报」（或「续报 编号」），在对话中随时发图片；报告提交后 ${minutes} 分钟内在同一个群里发的图片也会附在报告上。`,
  /** Another dialog (e.g. 登记) is open. */
  notInThisDialog: "现在的对话不收图片和位置。请先完成或「取消」当前对话。",
  locationKept: (place: string) => `已记下位置：${place}。`,
  locationAfterFiling: (number: string, place: string) => `已把位置「${place}」附在 ${number} 上。`,
  /** `查询` line. */
  queryLine: (counts: MediaCounts, names: string[]) =>
    `${countsText(counts)}${names.length > 0 ? `：${names.join("、")}` : ""}`,
  queryLabel: "现场图片",
  locationLabel: "位置",
};
