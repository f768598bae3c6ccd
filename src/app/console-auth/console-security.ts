/**
 * The console's HTTP security, registered before any route: security headers (helmet: CSP with
 * only the page's own scripts and styles, no framing, nosniff), the Host/Origin guard in every
 * mode, and in sign-in mode cookies, database-backed sessions, Redis-backed rate limits, the
 * sign-in routes and the viewer each console request is answered for.
 */
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySession from "@fastify/session";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { ConsoleRequestError } from "../../bot/adapters/console/console-request-error.ts";
import { consoleTexts as T } from "../../bot/adapters/console/console-texts.ts";
import { type ConsoleViewer, demoViewer, type ViewerOf } from "../../bot/adapters/console/console-viewer.ts";
import type { Directory } from "../../bot/core/directory.ts";
import type { Messenger } from "../../bot/core/ports.ts";
import type { PrismaClient } from "../../store/generated/client.ts";
import type { ConsoleMode } from "./console-mode.ts";
import { FeishuOAuth, type FeishuOAuthSettings } from "./feishu-oauth.ts";
import { registerHostGuard } from "./host-guard.ts";
import { PrismaSessionStore } from "./prisma-session-store.ts";
import { sessionSecret } from "./session-secret.ts";
import { SignInAudit } from "./sign-in-audit.ts";
import { DEFAULT_SIGN_IN_LIMITS, registerSignInRoutes, type SignInLimits } from "./sign-in-routes.ts";
import { SignInTokens } from "./sign-in-tokens.ts";

/** How the console is served: its mode and what sign-in needs. Decided in main from the environment. */
export interface ConsoleOptions {
  mode: ConsoleMode;
  /** The address people open (PUBLIC_URL): its host is accepted; https makes the cookie Secure. */
  publicUrl?: string;
  /** SESSION_SECRET; unset: generated once and kept in the database. */
  sessionSecret?: string;
  /** 飞书登录 with the bot's Feishu app, where Feishu is configured. */
  feishuOAuth?: FeishuOAuthSettings;
  /** The local key of `npm run console:link` (written to DATA_DIR/console-link.key by main). */
  linkKey?: string;
  limits?: Partial<SignInLimits>;
}

/** How long a signed-in session lasts. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const WECHAT_STATUS = new Set(["/api/wechat/status", "/wechat-status.json"]);

export async function registerConsoleSecurity(
  server: FastifyInstance,
  deps: {
    options: ConsoleOptions;
    host: string;
    prisma: PrismaClient;
    redis: Redis;
    prefix: string;
    directory: Directory;
    messenger: Messenger;
    log: Logger;
  },
): Promise<{ viewerOf: ViewerOf }> {
  const { options, directory } = deps;
  const https = options.publicUrl?.startsWith("https:") ?? false;
  registerHostGuard(server, { host: deps.host, publicUrl: options.publicUrl });
  await server.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    hsts: https,
  });

  if (options.mode !== "signin") {
    if (options.mode === "demo") server.get("/api/console/me", async () => ({ mode: "demo", me: null }));
    server.addHook("onRequest", async (request, reply) => {
      if (options.mode === "off" && WECHAT_STATUS.has(request.url.split("?")[0] ?? ""))
        return reply.status(404).send({ error: T.consoleOff });
    });
    return { viewerOf: () => demoViewer };
  }

  const secret = await sessionSecret(deps.prisma, options.sessionSecret);
  await server.register(fastifyCookie);
  await server.register(fastifySession, {
    secret,
    cookieName: "kuaibao_session",
    store: new PrismaSessionStore(deps.prisma),
    saveUninitialized: false,
    rolling: false,
    cookie: { path: "/", httpOnly: true, sameSite: "strict", secure: https, maxAge: SESSION_MAX_AGE_MS },
  });
  await server.register(fastifyRateLimit, {
    global: false,
    redis: deps.redis,
    nameSpace: `${deps.prefix}:sign-in-rate:`,
  });

  const viewerOf: ViewerOf = (request: FastifyRequest): ConsoleViewer => {
    const personId = request.session.personId;
    const person = personId ? directory.person(personId) : undefined;
    if (!person) throw new ConsoleRequestError(401, T.signInRequired);
    const admin = person.roles.includes("admin");
    return { personId: person.id, canRead: (chatId) => admin || directory.canSpeakIn(person.id, chatId) };
  };

  // The WeChat login QR code: admins only.
  server.addHook("preHandler", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!WECHAT_STATUS.has(path)) return;
    const person = request.session.personId ? directory.person(request.session.personId) : undefined;
    if (person?.roles.includes("admin")) return;
    // The page's panel asks here for everyone: it stays hidden for non-admins.
    if (path === "/wechat-status.json") return reply.send({ state: "off" });
    return reply.status(person ? 403 : 401).send({ error: person ? T.adminOnly : T.signInRequired });
  });

  registerSignInRoutes(server, {
    directory,
    messenger: deps.messenger,
    tokens: new SignInTokens(deps.prisma, secret),
    audit: new SignInAudit(deps.prisma, deps.log.child({ component: "console-sign-in" })),
    limits: { ...DEFAULT_SIGN_IN_LIMITS, ...options.limits },
    publicUrl: options.publicUrl,
    feishu: options.feishuOAuth ? new FeishuOAuth(options.feishuOAuth) : undefined,
    linkKey: options.linkKey,
  });
  return { viewerOf };
}
