/**
 * @fastify/session's server-side store in the database (`console_session`), so sessions survive a
 * restart and are shared by every bot process on one database; an expired row is never returned.
 */
import type { SessionStore } from "@fastify/session";
import type { FastifyRequest } from "fastify";
import type { Prisma, PrismaClient } from "../../store/generated/client.ts";

type StoredSession = FastifyRequest["session"];
/** How long a session lives when its cookie names no expiry. */
const FALLBACK_TTL_MS = 12 * 60 * 60 * 1000;

export class PrismaSessionStore implements SessionStore {
  constructor(private readonly prisma: PrismaClient) {}

  set(sessionId: string, session: StoredSession, callback: (err?: unknown) => void): void {
    const data = JSON.parse(JSON.stringify(session)) as Prisma.InputJsonValue;
    const cookieExpiry = session.cookie?.expires;
    const expiresAt = cookieExpiry ? new Date(cookieExpiry) : new Date(Date.now() + FALLBACK_TTL_MS);
    this.prisma.consoleSession
      .upsert({
        where: { sid: sessionId },
        create: { sid: sessionId, data, expiresAt },
        update: { data, expiresAt },
      })
      // Sessions are written only at sign-in: a good time to drop the expired ones.
      .then(() => this.prisma.consoleSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }))
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, result?: StoredSession | null) => void): void {
    this.prisma.consoleSession.findUnique({ where: { sid: sessionId } }).then((row) => {
      if (!row || row.expiresAt.getTime() <= Date.now()) return callback(null, null);
      callback(null, row.data as unknown as StoredSession);
    }, callback);
  }

  destroy(sessionId: string, callback: (err?: unknown) => void): void {
    this.prisma.consoleSession.deleteMany({ where: { sid: sessionId } }).then(() => callback(), callback);
  }
}
