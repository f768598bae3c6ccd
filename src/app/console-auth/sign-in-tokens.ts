/**
 * One-time proofs of who someone is, in `console_sign_in_token`: 6-digit codes (HMAC under the
 * session secret, a few attempts) and sign-in links (SHA-256 of a random token). Each is good once,
 * until it expires; only hashes are stored.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../../store/generated/client.ts";

export const CODE_TTL_MS = 10 * 60 * 1000;
export const LINK_TTL_MS = 10 * 60 * 1000;
export const CODE_ATTEMPTS = 5;
/** Spent and expired codes and links are kept a day (to see what happened), then deleted. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** What checking a code or a link came to. */
export type TokenCheck = { ok: true; personId: string } | { ok: false; reason: "wrong-code" | "expired" };

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export class SignInTokens {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly secret: string,
  ) {}

  /** A new code for the person (their earlier unused codes end); returns the digits to send. */
  async newCode(personId: string, now = new Date()): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await this.prisma.consoleSignInToken.deleteMany({
      where: { expiresAt: { lt: new Date(now.getTime() - DAY_MS) } },
    });
    await this.prisma.consoleSignInToken.updateMany({
      where: { personId, kind: "code", usedAt: null },
      data: { usedAt: now },
    });
    await this.prisma.consoleSignInToken.create({
      data: {
        kind: "code",
        personId,
        // The random part keeps the unique hash unique when two people get the same digits.
        hash: `${randomBytes(8).toString("hex")}:${this.codeHash(personId, code)}`,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        createdAt: now,
      },
    });
    return code;
  }

  /** Checks a code typed for the person: right once, within its time and attempts. */
  async checkCode(personId: string, code: string, now = new Date()): Promise<TokenCheck> {
    const row = await this.prisma.consoleSignInToken.findFirst({
      where: { personId, kind: "code", usedAt: null },
      orderBy: { createdAt: "desc" },
    });
    if (!row || row.expiresAt <= now || row.attempts >= CODE_ATTEMPTS)
      return { ok: false, reason: "expired" };
    const stored = Buffer.from(row.hash.split(":")[1] ?? "", "hex");
    const given = Buffer.from(this.codeHash(personId, code), "hex");
    if (stored.length !== given.length || !timingSafeEqual(stored, given)) {
      await this.prisma.consoleSignInToken.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 } },
      });
      return { ok: false, reason: "wrong-code" };
    }
    const taken = await this.prisma.consoleSignInToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    return taken.count === 1 ? { ok: true, personId } : { ok: false, reason: "expired" };
  }

  /** A new sign-in link token for the person; returns the token to put in the link. */
  async newLink(personId: string, now = new Date()): Promise<string> {
    return createLinkToken(this.prisma, personId, now);
  }

  /** Uses a link token: good once, until it expires. */
  async useLink(token: string, now = new Date()): Promise<TokenCheck> {
    const row = await this.prisma.consoleSignInToken.findUnique({ where: { hash: hashLinkToken(token) } });
    if (row?.kind !== "link" || row.usedAt || row.expiresAt <= now) return { ok: false, reason: "expired" };
    const taken = await this.prisma.consoleSignInToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: now },
    });
    return taken.count === 1 ? { ok: true, personId: row.personId } : { ok: false, reason: "expired" };
  }

  private codeHash(personId: string, code: string): string {
    return createHmac("sha256", this.secret).update(`code:${personId}:${code}`).digest("hex");
  }
}

/** Stores a link token for the person (also used by `npm run console:link` when no bot answers). */
export async function createLinkToken(
  prisma: PrismaClient,
  personId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await prisma.consoleSignInToken.create({
    data: {
      kind: "link",
      personId,
      hash: hashLinkToken(token),
      expiresAt: new Date(now.getTime() + LINK_TTL_MS),
      createdAt: now,
    },
  });
  return token;
}
