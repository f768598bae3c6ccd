/**
 * The console's JSON API (what the page, scripts and tests use) and its live feed:
 * POST /api/console/messages, POST /api/console/actions, GET /api/console/messages,
 * GET /api/console/directory, GET /api/console/stream (server-sent events).
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Directory } from "../../core/directory.ts";
import type { FileStore } from "../../core/ports.ts";
import { doneOrUnavailable, type WorkAvailability } from "../../core/work-availability.ts";
import { actionBody, messageBody } from "./console-decode.ts";
import { int4, plainText } from "./console-fields.ts";
import type { ConsoleHistory } from "./console-history.ts";
import type { ConsoleInbox } from "./console-inbox.ts";
import { ConsoleRequestError } from "./console-request-error.ts";
import { consoleTexts as T } from "./console-texts.ts";
import { INLINE_IMAGE_TYPES } from "./console-upload.ts";
import { type ConsoleViewer, demoViewer, type ViewerOf } from "./console-viewer.ts";

const listQuery = z.object({
  chat: z.string().min(1, T.chatMissing),
  after: int4(T.afterInvalid).optional(),
});

/** POST /api/console/uploads?chat=…&name=…[&sender=…]: the body is the file's bytes, typed by its Content-Type. */
const uploadQuery = z.object({
  chat: z.string().min(1, T.chatMissing),
  sender: z.string().min(1, T.senderMissing).optional(),
  name: plainText("name", T.fileNameMissing).pipe(z.string().max(200, T.fileNameMissing)),
  eventId: plainText("eventId", T.eventIdInvalid).pipe(z.string().max(200, T.eventIdInvalid)).optional(),
});

const fileParams = z.object({ id: int4(T.messageIdInvalid, 1), index: int4(T.unknownFile) });

/** Types an upload may have: read as a stream (the file store counts the bytes), never parsed. */
const UPLOAD_TYPES = /^(image|video)\/|^application\/octet-stream$/;

export interface ConsoleRouteDeps {
  directory: Directory;
  history: ConsoleHistory;
  inbox: ConsoleInbox;
  /** While unavailable (Redis away), what would store something is refused with 503 at once. */
  availability: WorkAvailability;
  /** Where uploaded photos are kept and served from; absent: no upload. */
  files?: FileStore;
  /** Who asks (demo: anyone; sign-in: the session's person). Default: the demo. */
  viewerOf?: ViewerOf;
}

export function registerConsoleRoutes(app: FastifyInstance, deps: ConsoleRouteDeps): void {
  const { directory, history, inbox, availability } = deps;
  const viewerOf = deps.viewerOf ?? (() => demoViewer);
  /** The sender a request speaks as: the one named in the demo; signed in, only oneself. */
  const speaker = (viewer: ConsoleViewer, requested: string | undefined): string => {
    if (viewer.personId === undefined) {
      if (!requested) throw new ConsoleRequestError(400, T.senderMissing, "sender");
      return requested;
    }
    if (requested !== undefined && directory.person(requested)?.id !== viewer.personId)
      throw new ConsoleRequestError(403, T.notYourself, "sender");
    return viewer.personId;
  };
  /** Refuses before anything is stored: a 503 leaves no trace. */
  const assertAvailable = () => {
    if (!availability.ready()) throw new ConsoleRequestError(503, T.unavailable);
  };
  /** Work accepted (stored) is never refused: if Redis goes away meanwhile, 202 and it finishes later. */
  const finish = async (handled: Promise<unknown>) => {
    handled.catch((error: unknown) => app.log.error({ err: error }, "console work failed"));
    return (await doneOrUnavailable(handled, availability)).done;
  };

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ConsoleRequestError) {
      if (error.status === 503) reply.header("retry-after", "5");
      return reply.status(error.status).send({ error: error.message, field: error.field });
    }
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return reply.status(400).send({ error: issue?.message ?? T.badRequest, field: issue?.path.join(".") });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.status(status).send({ error: T.badRequest });
    app.log.error({ err: error }, "console API error");
    return reply.status(500).send({ error: T.serverError });
  });

  app.get("/api/console/directory", async (request) => {
    const viewer = viewerOf(request);
    const chats = [
      ...directory.groups().map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        purpose: c.group?.purpose,
        members: c.members,
      })),
      ...directory.people().map((p) => {
        const c = directory.directChat(p);
        return { id: c.id, name: c.name, kind: c.kind, members: c.members };
      }),
    ].filter((c) => viewer.canRead(c.id));
    const seen = new Set(chats.flatMap((c) => c.members));
    if (viewer.personId) seen.add(viewer.personId);
    return {
      bot: { name: directory.botName },
      me: viewer.personId ?? null,
      people: directory
        .people()
        .filter((p) => seen.has(p.id))
        .map((p) => ({
          id: p.id,
          name: p.name,
          unit: p.unit,
          unitName: directory.unitName(p.unit),
          title: p.title,
          roles: p.roles,
        })),
      chats,
    };
  });

  app.get("/api/console/messages", async (request) => {
    const viewer = viewerOf(request);
    const query = listQuery.parse(request.query);
    const chat = directory.chat(query.chat);
    if (!chat) throw new ConsoleRequestError(404, T.unknownChat(query.chat), "chat");
    if (!viewer.canRead(chat.id)) throw new ConsoleRequestError(403, T.notYourChat, "chat");
    return { messages: await history.list(chat.id, query.after ?? 0) };
  });

  app.post("/api/console/messages", async (request, reply) => {
    const viewer = viewerOf(request);
    const body = messageBody.parse(request.body);
    const sender = speaker(viewer, body.sender);
    assertAvailable();
    const { message, handled } = await inbox.receive(body.chat, sender, body.text, body.eventId);
    if (await finish(handled)) return { message };
    return reply.status(202).send({ message, pending: true, notice: T.acceptedLater });
  });

  if (deps.files) registerFileRoutes(app, deps, deps.files, { viewerOf, speaker, assertAvailable, finish });

  app.post("/api/console/actions", async (request, reply) => {
    const viewer = viewerOf(request);
    const body = actionBody.parse(request.body);
    const sender = speaker(viewer, body.sender);
    assertAvailable();
    const { handled } = await inbox.receivePress(
      body.chat,
      sender,
      body.messageId,
      body.action,
      body.eventId,
    );
    if (await finish(handled)) return { ok: true };
    return reply.status(202).send({ ok: true, pending: true, notice: T.acceptedLater });
  });

  app.get("/api/console/stream", (request, reply) => {
    const viewer = viewerOf(request);
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    reply.raw.write(": connected\n\n");
    // The page shows 正在重新连接… while the bot cannot take work: now, and at every change.
    const sendAvailability = (ready: boolean) =>
      reply.raw.write(`event: availability\ndata: ${JSON.stringify({ ready })}\n\n`);
    sendAvailability(availability.ready());
    const unsubscribeAvailability = availability.subscribe(sendAvailability);
    const unsubscribe = history.subscribe((message) => {
      if (viewer.canRead(message.chat))
        reply.raw.write(`id: ${message.id}\ndata: ${JSON.stringify(message)}\n\n`);
    });
    const heartbeat = setInterval(() => reply.raw.write(": ping\n\n"), 20_000);
    request.raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeAvailability();
    });
  });
}

/**
 * Upload (the page's 📎 button and paste) and the files of messages, served only to whoever may
 * read their chat. Files other than raster images are served as downloads, never shown inline.
 */
function registerFileRoutes(
  app: FastifyInstance,
  deps: ConsoleRouteDeps,
  files: FileStore,
  helpers: {
    viewerOf: ViewerOf;
    speaker: (viewer: ConsoleViewer, requested: string | undefined) => string;
    assertAvailable: () => void;
    finish: (handled: Promise<unknown>) => Promise<boolean>;
  },
): void {
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post("/api/console/uploads", async (request, reply) => {
    const viewer = helpers.viewerOf(request);
    const query = uploadQuery.parse(request.query);
    const sender = helpers.speaker(viewer, query.sender);
    const mimeType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!UPLOAD_TYPES.test(mimeType)) throw new ConsoleRequestError(400, T.badRequest, "content-type");
    helpers.assertAvailable();
    const { message, handled } = await deps.inbox.receiveUpload(
      query.chat,
      sender,
      { name: query.name, mimeType, content: request.body as AsyncIterable<Uint8Array> },
      query.eventId,
    );
    if (await helpers.finish(handled)) return { message };
    return reply.status(202).send({ message, pending: true, notice: T.acceptedLater });
  });

  app.get("/api/console/messages/:id/files/:index", async (request, reply) => {
    const viewer = helpers.viewerOf(request);
    const params = fileParams.parse(request.params);
    const found = await deps.history.file(params.id, params.index);
    if (!found) throw new ConsoleRequestError(404, T.unknownFile);
    if (!viewer.canRead(found.chatId)) throw new ConsoleRequestError(403, T.notYourChat, "chat");
    const bytes = await files.get(found.file.fileKey).catch(() => null);
    if (!bytes) throw new ConsoleRequestError(404, T.fileGone);
    const inline = INLINE_IMAGE_TYPES.has(found.file.mimeType);
    return reply
      .header("content-type", inline ? found.file.mimeType : "application/octet-stream")
      .header(
        "content-disposition",
        `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(found.file.name)}`,
      )
      .header("cache-control", "private, max-age=86400")
      .send(Buffer.from(bytes));
  });
}
