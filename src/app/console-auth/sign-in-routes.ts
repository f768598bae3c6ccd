/**
 * The console's sign-in without passwords: a 6-digit code sent to the person's own one-to-one chat
 * (POST /api/console/sign-in/code, then POST /api/console/sign-in), a one-time link
 * (GET /sign-in/link?token=…, minted by POST /api/console/link for `npm run console:link`),
 * 飞书登录 (GET /sign-in/feishu and its callback), GET /api/console/me and sign-out.
 */
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type {} from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ConsoleRequestError } from "../../bot/adapters/console/console-request-error.ts";
import { consoleTexts as T } from "../../bot/adapters/console/console-texts.ts";
import type { Directory } from "../../bot/core/directory.ts";
import { directChatId } from "../../bot/core/message.ts";
import type { Messenger } from "../../bot/core/ports.ts";
import type { Person } from "../../config/org.ts";
import type { FeishuOAuth } from "./feishu-oauth.ts";
import type { SignInAudit } from "./sign-in-audit.ts";
import type { SignInTokens } from "./sign-in-tokens.ts";

declare module "fastify" {
  interface Session {
    /** The signed-in person's id. */
    personId?: string;
    /** The OAuth `state` of a 飞书登录 under way. */
    oauthState?: string;
  }
}

/** How many code requests and sign-in attempts are allowed, per IP and per name or phone typed. */
export interface SignInLimits {
  windowMs: number;
  codePerIp: number;
  codePerWho: number;
  attemptPerIp: number;
  attemptPerWho: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60 * 1000,
  codePerIp: 20,
  codePerWho: 5,
  attemptPerIp: 30,
  attemptPerWho: 10,
};

export interface SignInRouteDeps {
  directory: Directory;
  messenger: Messenger;
  tokens: SignInTokens;
  audit: SignInAudit;
  limits: SignInLimits;
  publicUrl?: string;
  feishu?: FeishuOAuth;
  /** The local key `npm run console:link` must show; no link endpoint without it. */
  linkKey?: string;
}

const who = z.string({ error: T.whoMissing }).trim().min(1, T.whoMissing).max(100, T.whoMissing);
const codeRequestBody = z.object({ who }, { error: T.badRequest });
const signInBody = z.object(
  {
    who,
    code: z
      .string({ error: T.codeInvalid })
      .trim()
      .regex(/^\d{6}$/, T.codeInvalid),
  },
  { error: T.badRequest },
);
const linkQuery = z.object({ token: z.string({ error: T.tokenMissing }).min(1, T.tokenMissing).max(200) });
const callbackQuery = z.object({
  code: z.string({ error: T.feishuFailed }).min(1, T.feishuFailed).max(500),
  state: z.string({ error: T.feishuFailed }).min(1, T.feishuFailed).max(200),
});
const linkBody = z.object(
  { person: z.string({ error: T.personMissing }).trim().min(1, T.personMissing).max(100) },
  { error: T.badRequest },
);

/** A person by id, name or phone number. */
export function findPerson(directory: Directory, ref: string): Person | undefined {
  const trimmed = ref.trim();
  const phone = trimmed.replace(/[\s-]/g, "");
  return (
    directory.person(trimmed) ?? directory.people().find((p) => p.phone !== undefined && p.phone === phone)
  );
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * @fastify/rate-limit runs one limit per request (it marks the request); a route with two (per IP
 * and per name typed) clears the mark after each so the next one counts too.
 */
function clearRateLimitMark(request: FastifyRequest): void {
  const mark = Object.getOwnPropertySymbols(request).find(
    (s) => s.description === "fastify.request.rateLimitRan",
  );
  if (mark) Reflect.deleteProperty(request, mark);
}

export function registerSignInRoutes(server: FastifyInstance, deps: SignInRouteDeps): void {
  // A scope of their own, so their errors are answered in Chinese whatever other routes do.
  server.register(async (scope) => {
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof ConsoleRequestError)
        return reply.status(error.status).send({ error: error.message, field: error.field });
      if (error instanceof z.ZodError) {
        const issue = error.issues[0];
        return reply
          .status(400)
          .send({ error: issue?.message ?? T.badRequest, field: issue?.path.join(".") });
      }
      const status = (error as { statusCode?: number }).statusCode;
      if (status && status < 500) return reply.status(status).send({ error: T.badRequest });
      request.log.error({ err: error }, "console sign-in error");
      return reply.status(500).send({ error: T.serverError });
    });
    routes(scope, deps);
  });
}

function routes(server: FastifyInstance, deps: SignInRouteDeps): void {
  const { directory, audit, tokens, limits } = deps;
  const whoKey = (request: FastifyRequest) =>
    String((request.body as { who?: unknown } | undefined)?.who ?? "")
      .trim()
      .toLowerCase();
  // Several limits share the plugin's Redis namespace (the app's prefix): each key names its limit.
  const limit = (name: string, max: number, keyOf: (request: FastifyRequest) => string = (r) => r.ip) => {
    const check = server.rateLimit({
      max,
      timeWindow: limits.windowMs,
      keyGenerator: (request) => `${name}:${keyOf(request)}`,
      errorResponseBuilder: () => new ConsoleRequestError(429, T.tooMany),
    });
    return async (request: FastifyRequest, reply: FastifyReply) => {
      await check.call(server, request, reply);
      clearRateLimitMark(request);
    };
  };
  const me = (person: Person) => ({
    id: person.id,
    name: person.name,
    admin: person.roles.includes("admin"),
  });
  const signIn = async (request: FastifyRequest, person: Person, method: "code" | "link" | "feishu") => {
    await request.session.regenerate();
    request.session.personId = person.id;
    await request.session.save();
    await audit.record({ personId: person.id, method, outcome: "ok", ip: request.ip });
  };
  const baseUrl = (request: FastifyRequest) =>
    deps.publicUrl?.replace(/\/+$/, "") ?? `${request.protocol}://${request.headers.host}`;

  server.get("/api/console/me", async (request, reply) => {
    const personId = request.session.personId;
    const person = personId ? directory.person(personId) : undefined;
    if (!person)
      return reply
        .status(401)
        .send({ error: T.signInRequired, mode: "signin", feishu: Boolean(deps.feishu) });
    return { mode: "signin", me: me(person), feishu: Boolean(deps.feishu) };
  });

  server.post(
    "/api/console/sign-in/code",
    { preHandler: [limit("code-ip", limits.codePerIp), limit("code-who", limits.codePerWho, whoKey)] },
    async (request) => {
      const body = codeRequestBody.parse(request.body);
      const person = findPerson(directory, body.who);
      if (person) {
        const code = await tokens.newCode(person.id);
        await deps.messenger.send({
          chatId: directChatId(person.id),
          text: T.codeMessage(code),
          idempotencyKey: `console-sign-in-code-${randomUUID()}`,
        });
      }
      await audit.record({
        personId: person?.id,
        method: "code",
        outcome: person ? "code-sent" : "unknown-person",
        ip: request.ip,
      });
      // The same answer for a name nobody has: asking cannot tell who is in the directory.
      return { ok: true, message: T.codeSent };
    },
  );

  server.post(
    "/api/console/sign-in",
    { preHandler: [limit("try-ip", limits.attemptPerIp), limit("try-who", limits.attemptPerWho, whoKey)] },
    async (request) => {
      const body = signInBody.parse(request.body);
      const person = findPerson(directory, body.who);
      const check = person ? await tokens.checkCode(person.id, body.code) : undefined;
      if (!person || !check?.ok) {
        await audit.record({
          personId: person?.id,
          method: "code",
          outcome: !person ? "unknown-person" : check && !check.ok ? check.reason : "wrong-code",
          ip: request.ip,
        });
        throw new ConsoleRequestError(401, T.codeWrong, "code");
      }
      await signIn(request, person, "code");
      return { mode: "signin", me: me(person), feishu: Boolean(deps.feishu) };
    },
  );

  server.get(
    "/sign-in/link",
    { preHandler: limit("link-ip", limits.attemptPerIp) },
    async (request, reply) => {
      const query = linkQuery.parse(request.query);
      const check = await tokens.useLink(query.token);
      const person = check.ok ? directory.person(check.personId) : undefined;
      if (!check.ok || !person) {
        await audit.record({
          personId: check.ok ? check.personId : undefined,
          method: "link",
          outcome: "expired",
          ip: request.ip,
        });
        return textReply(reply, 401, T.linkInvalid);
      }
      await signIn(request, person, "link");
      return reply.redirect("/", 303);
    },
  );

  server.post("/api/console/sign-out", async (request) => {
    const personId = request.session.personId;
    if (personId) await audit.record({ personId, method: "sign-out", outcome: "signed-out", ip: request.ip });
    await request.session.destroy();
    return { ok: true };
  });

  server.get("/sign-in/feishu", async (request, reply) => {
    if (!deps.feishu) return textReply(reply, 404, T.feishuOff);
    const state = randomBytes(16).toString("base64url");
    request.session.oauthState = state;
    await request.session.save();
    return reply.redirect(
      deps.feishu.authorizeUrl(`${baseUrl(request)}/sign-in/feishu/callback`, state),
      302,
    );
  });

  server.get(
    "/sign-in/feishu/callback",
    { preHandler: limit("feishu-ip", limits.attemptPerIp) },
    async (request, reply) => {
      if (!deps.feishu) return textReply(reply, 404, T.feishuOff);
      const query = callbackQuery.parse(request.query);
      const expected = request.session.oauthState;
      if (!expected || expected !== query.state) {
        await audit.record({ method: "feishu", outcome: "feishu-failed", ip: request.ip });
        return textReply(reply, 401, T.feishuFailed);
      }
      let openId: string;
      try {
        openId = await deps.feishu.openIdFor(query.code, `${baseUrl(request)}/sign-in/feishu/callback`);
      } catch (error) {
        request.log.warn({ err: error }, "飞书登录换取用户失败");
        await audit.record({ method: "feishu", outcome: "feishu-failed", ip: request.ip });
        return textReply(reply, 401, T.feishuFailed);
      }
      const person = directory.people().find((p) => p.feishu?.open_id === openId);
      if (!person) {
        await audit.record({ method: "feishu", outcome: "feishu-unknown", ip: request.ip });
        return textReply(reply, 403, T.feishuUnknown);
      }
      await signIn(request, person, "feishu");
      return reply.redirect("/", 303);
    },
  );

  if (deps.linkKey) {
    const key = Buffer.from(deps.linkKey);
    server.post("/api/console/link", async (request) => {
      const given = Buffer.from(String(request.headers["x-kuaibao-link-key"] ?? ""));
      const fromHere = LOOPBACK.has(request.socket.remoteAddress ?? "");
      if (!fromHere || given.length !== key.length || !timingSafeEqual(given, key))
        throw new ConsoleRequestError(403, T.linkKeyRefused);
      const body = linkBody.parse(request.body);
      const person = findPerson(directory, body.person);
      if (!person) throw new ConsoleRequestError(404, T.unknownPerson(body.person), "person");
      const token = await tokens.newLink(person.id);
      return { url: `${baseUrl(request)}/sign-in/link?token=${token}`, person: person.name };
    });
  }
}

function textReply(reply: FastifyReply, status: number, text: string) {
  return reply.status(status).type("text/plain; charset=utf-8").send(text);
}
