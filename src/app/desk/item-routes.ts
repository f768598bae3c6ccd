/**
 * GET /desk/api/items/:kind/:id (an item's page for the viewer) and
 * POST /desk/api/items/:kind/:id/actions/:actionId {text?}: the action as the page offers it to
 * this viewer now (nothing from the body but `text`), put on the console's durable inbound queue
 * as that person in the action's chat — the same pipeline, dedupe and handlers as chat.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { hasControlCharacter } from "../../bot/core/text.ts";
import { doneOrUnavailable } from "../../bot/core/work-availability.ts";
import { deskActionInput } from "./desk-action.ts";
import type { DeskDeps } from "./desk-deps.ts";
import { DeskRequestError } from "./desk-error.ts";
import { deskTexts as T } from "./desk-texts.ts";

const itemParams = z.object({ kind: z.string().min(1).max(40), id: z.string().min(1).max(100) });
const actionParams = itemParams.extend({ actionId: z.string().min(1).max(60) });
const actionBody = z
  .object({
    text: z
      .string({ error: T.badRequest })
      .refine((t) => !hasControlCharacter(t), T.badRequest)
      .optional(),
  })
  .optional();

export function registerItemRoutes(scope: FastifyInstance, deps: DeskDeps): void {
  const { content, availability } = deps;

  scope.get("/desk/api/items/:kind/:id", async (request, reply) => {
    const viewer = deps.viewerOf(request);
    const { kind, id } = itemParams.parse(request.params);
    const view = await content.item(viewer, kind, id);
    if (!view) throw new DeskRequestError(404, T.unknownItem);
    reply.header("cache-control", "no-store");
    return view;
  });

  scope.post("/desk/api/items/:kind/:id/actions/:actionId", async (request, reply) => {
    const viewer = deps.viewerOf(request);
    const { kind, id, actionId } = actionParams.parse(request.params);
    const body = actionBody.parse(request.body ?? undefined);
    const view = await content.item(viewer, kind, id);
    if (!view) throw new DeskRequestError(404, T.unknownItem);
    const action = view.actions.find((a) => a.id === actionId);
    if (!action) throw new DeskRequestError(404, T.unknownAction, "actionId");
    const input = deskActionInput(action, body?.text, deps.directory.botName);
    if (!availability.ready()) throw new DeskRequestError(503, T.unavailable);
    const { handled } =
      input.kind === "press"
        ? await deps.inbox.receiveBarePress(action.chatId, viewer.id, input.value)
        : await deps.inbox.receive(action.chatId, viewer.id, input.text);
    handled.catch((error: unknown) => request.log.error({ err: error }, "desk action failed"));
    if ((await doneOrUnavailable(handled, availability)).done) return { ok: true, chatId: action.chatId };
    return reply
      .status(202)
      .send({ ok: true, pending: true, chatId: action.chatId, notice: T.acceptedLater });
  });
}
