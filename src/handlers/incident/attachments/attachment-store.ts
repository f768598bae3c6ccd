/**
 * The photos, videos and shared places of incidents in the database (`incident_attachment`): the
 * metadata is the truth, the bytes are in the FileStore. Rows come in keyed by the event they were
 * sent in, so a redelivered event stores them once.
 */
import type { OutboundFile } from "../../../bot/core/message.ts";
import type { IncidentAttachment, PrismaClient } from "../../../store/generated/client.ts";

export type AttachmentRow = IncidentAttachment;

export interface NewAttachment {
  sourceKey: string;
  personId: string;
  chatId: string;
  kind: "image" | "video" | "location";
  name: string;
  mimeType?: string | null;
  size?: number;
  sha256?: string | null;
  fileKey?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  createdAt: Date;
}

/** Where new rows belong: an open dialog, or a report already filed. */
export type AttachmentTarget = { sessionId: string } | { incidentId: number; reportId: number };

const MEDIA_KINDS = ["image", "video"];

export class AttachmentStore {
  constructor(private readonly prisma: PrismaClient) {}

  async add(target: AttachmentTarget, rows: NewAttachment[]): Promise<void> {
    if (rows.length === 0) return;
    await this.prisma.incidentAttachment.createMany({
      data: rows.map((row) => ({ ...row, ...target })),
      skipDuplicates: true,
    });
  }

  /** Photos and videos a dialog or a report holds, not counting the rows of `exceptSource` (a redelivery). */
  countMedia(target: AttachmentTarget, exceptSourcePrefix?: string): Promise<number> {
    return this.prisma.incidentAttachment.count({
      where: {
        ...("sessionId" in target ? { sessionId: target.sessionId } : { reportId: target.reportId }),
        kind: { in: MEDIA_KINDS },
        ...(exceptSourcePrefix && { NOT: { sourceKey: { startsWith: exceptSourcePrefix } } }),
      },
    });
  }

  /** The dialog's rows go with the report it filed (found by the report's source key). */
  async fileSession(sessionId: string, incidentId: number, reportId: number): Promise<void> {
    await this.prisma.incidentAttachment.updateMany({
      where: { sessionId, incidentId: null },
      data: { incidentId, reportId },
    });
  }

  /** Photos and videos of the incident not yet sent to the alert chats, oldest first. */
  unforwarded(incidentId: number): Promise<AttachmentRow[]> {
    return this.prisma.incidentAttachment.findMany({
      where: { incidentId, forwardedAt: null, kind: { in: MEDIA_KINDS }, fileKey: { not: null } },
      orderBy: { id: "asc" },
    });
  }

  async markForwarded(ids: number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.incidentAttachment.updateMany({
      where: { id: { in: ids }, forwardedAt: null },
      data: { forwardedAt: at },
    });
  }

  /** Everything the incident holds, oldest first (查询). */
  ofIncident(incidentId: number): Promise<AttachmentRow[]> {
    return this.prisma.incidentAttachment.findMany({ where: { incidentId }, orderBy: { id: "asc" } });
  }
}

/** A stored photo or video as sent along with a message. */
export function outboundFile(row: AttachmentRow): OutboundFile {
  return {
    kind: row.kind === "video" ? "video" : "image",
    fileKey: row.fileKey as string,
    name: row.name,
    mimeType: row.mimeType ?? "application/octet-stream",
  };
}
