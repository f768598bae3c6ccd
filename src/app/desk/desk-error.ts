/**
 * What the desk's API cannot do as asked, and how its scope answers errors: always JSON
 * `{error, field?}` in Chinese, whatever other routes of the server do.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ConsoleRequestError } from "../../bot/adapters/console/console-request-error.ts";
import { DocumentParamError } from "../../bot/core/desk.ts";
import { deskTexts as T } from "./desk-texts.ts";

export class DeskRequestError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 503,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DeskRequestError";
  }
}

export function setDeskErrorHandler(scope: FastifyInstance): void {
  scope.setErrorHandler((error, request, reply) => {
    if (error instanceof DeskRequestError || error instanceof ConsoleRequestError) {
      if (error.status === 503) reply.header("retry-after", "5");
      return reply.status(error.status).send({ error: error.message, field: error.field });
    }
    if (error instanceof DocumentParamError)
      return reply.status(400).send({ error: error.message, field: error.field });
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      return reply.status(400).send({ error: issue?.message ?? T.badRequest, field: issue?.path.join(".") });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.status(status).send({ error: T.badRequest });
    request.log.error({ err: error }, "desk API error");
    return reply.status(500).send({ error: T.serverError });
  });
}
