/** The report a person filed in this chat a short while ago: later photos of theirs go with it. */
import type { Incident, IncidentReport, PrismaClient } from "../../../store/generated/client.ts";

export async function recentReport(
  prisma: PrismaClient,
  query: { personId: string; chatId: string; since: Date },
): Promise<(IncidentReport & { incident: Incident }) | null> {
  return prisma.incidentReport.findFirst({
    where: {
      reporterId: query.personId,
      receivedAt: { gte: query.since },
      incident: { chatId: query.chatId },
    },
    orderBy: { receivedAt: "desc" },
    include: { incident: true },
  });
}
