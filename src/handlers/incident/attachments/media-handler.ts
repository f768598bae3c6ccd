/**
 * Photos, videos and shared places from reporters. During a 首报/续报/终报 dialog they are kept with
 * the dialog (any step; the step is not used up) and go with the report when it is filed; a place
 * fills 地点 (answering it when that is the question). Soon after filing (the policy's
 * `incident.attach_within`), photos the reporter sends in the same chat go with that report.
 */
import type { MediaHandler } from "../../../bot/core/capability.ts";
import type { ConversationContext } from "../../../bot/core/context.ts";
import type { DialogSession } from "../../../bot/core/dialog/session-store.ts";
import { isSaidToBot, type SharedLocation } from "../../../bot/core/message.ts";
import type { IncidentPolicy } from "../../../config/policy.ts";
import { countKinds, judgeAttachments, placeText } from "./attachment-rules.ts";
import { AttachmentStore, type AttachmentTarget, type NewAttachment } from "./attachment-store.ts";
import { forwardAttachments } from "./forward-attachments.ts";
import { attachmentMessages as M } from "./messages.ts";
import { recentReport } from "./recent-report.ts";

/** The report dialogs (首报, 续报, 终报) by id; the first report's may have its place filled. */
export interface ReportDialogIds {
  all: readonly string[];
  firstReport: string;
}

/** The step of the report dialogs that asks for the place (first report, and 补报 of a missing place). */
const LOCATION_STEP = "location";
/** Used in a refusal when the app runs without a file store (not in practice). */
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Where the media go and what to say: an open report dialog, or a report filed a short while ago. */
type Destination =
  | { kind: "dialog"; session: DialogSession; target: AttachmentTarget }
  | {
      kind: "report";
      number: string;
      incident: { id: number; number: string; alertedAt: Date | null };
      target: AttachmentTarget;
    };

export function incidentMediaHandler(rules: IncidentPolicy, dialogs: ReportDialogIds): MediaHandler {
  return {
    async run(ctx, session) {
      if (session && !dialogs.all.includes(session.dialogId)) return ctx.reply(M.notInThisDialog);
      const destination = session ? dialogDestination(session) : await reportDestination(ctx, rules);
      if (!destination) {
        const addressed = isSaidToBot(ctx.event);
        if (addressed && !ctx.text)
          await ctx.reply(M.howToAttach(Math.round(rules.incident.attach_within / 60_000)));
        return;
      }
      if (ctx.event.attachments?.length) await takeMedia(ctx, rules, destination);
      if (ctx.event.location) await takeLocation(ctx, destination, ctx.event.location, dialogs);
    },
  };
}

function dialogDestination(session: DialogSession): Destination {
  return { kind: "dialog", session, target: { sessionId: session.id } };
}

async function reportDestination(
  ctx: ConversationContext,
  rules: IncidentPolicy,
): Promise<Destination | null> {
  const since = new Date(ctx.services.clock.now().getTime() - rules.incident.attach_within);
  const report = await recentReport(ctx.services.database, {
    personId: ctx.person.id,
    chatId: ctx.chat.id,
    since,
  });
  if (!report) return null;
  return {
    kind: "report",
    number: report.incident.number,
    incident: report.incident,
    target: { incidentId: report.incidentId, reportId: report.id },
  };
}

async function takeMedia(ctx: ConversationContext, rules: IncidentPolicy, destination: Destination) {
  const attachments = ctx.event.attachments ?? [];
  const store = new AttachmentStore(ctx.services.database);
  const max = rules.incident.max_attachments;
  const sourcePrefix = `${ctx.eventKey}#`;
  const already = await store.countMedia(destination.target, sourcePrefix);
  const verdicts = judgeAttachments(attachments, { already, max });
  const now = ctx.services.clock.now();
  const rows: NewAttachment[] = [];
  const refusals: string[] = [];
  verdicts.forEach((verdict, index) => {
    const attachment = attachments[index];
    if (!attachment) return;
    if (verdict.ok) {
      rows.push({
        sourceKey: `${sourcePrefix}${index}`,
        personId: ctx.person.id,
        chatId: ctx.chat.id,
        kind: verdict.kind,
        name: attachment.name,
        mimeType: attachment.mimeType,
        size: attachment.size,
        sha256: attachment.sha256 ?? null,
        fileKey: attachment.fileKey,
        createdAt: now,
      });
      return;
    }
    const limit = ctx.services.files?.maxBytes ?? DEFAULT_MAX_BYTES;
    if (verdict.reason === "too-large" || verdict.reason === "not-stored")
      refusals.push(M.tooLarge(attachment.name, limit));
    else if (verdict.reason === "wrong-type") refusals.push(M.wrongType(attachment.name));
    else if (!refusals.includes(M.tooMany(max))) refusals.push(M.tooMany(max));
  });
  await store.add(destination.target, rows);
  const lines: string[] = [];
  if (rows.length > 0) {
    const now = countKinds(rows.map((r) => r.kind));
    const total = already + rows.length;
    lines.push(
      destination.kind === "dialog"
        ? M.receivedInDialog(now, total)
        : M.receivedAfterFiling(destination.number, now, total),
    );
  }
  lines.push(...refusals);
  await ctx.reply(lines.join("\n"));
  if (destination.kind === "report") await forwardAttachments(ctx, ctx.services, destination.incident);
}

async function takeLocation(
  ctx: ConversationContext,
  destination: Destination,
  location: SharedLocation,
  dialogs: ReportDialogIds,
) {
  const place = placeText(location);
  const row: NewAttachment = {
    sourceKey: `${ctx.eventKey}#location`,
    personId: ctx.person.id,
    chatId: ctx.chat.id,
    kind: "location",
    name: location.name || place,
    address: location.address ?? null,
    latitude: location.latitude,
    longitude: location.longitude,
    createdAt: ctx.services.clock.now(),
  };
  await new AttachmentStore(ctx.services.database).add(destination.target, [row]);
  if (destination.kind === "report") return ctx.reply(M.locationAfterFiling(destination.number, place));
  const { session } = destination;
  if (await ctx.answerDialogStep(session, LOCATION_STEP, place)) return;
  if (session.dialogId === dialogs.firstReport) {
    await ctx.reply(M.locationKept(place));
    return ctx.fillDialog(session, { location: place });
  }
  await ctx.reply(M.locationKept(place));
}
