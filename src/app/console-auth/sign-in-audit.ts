/**
 * Every sign-in, failed attempt and sign-out: a pino line (never a code or token) and a
 * `console_sign_in` row.
 */
import type { Logger } from "pino";
import type { PrismaClient } from "../../store/generated/client.ts";

/** How someone signed in (or out). */
export type SignInMethod = "code" | "link" | "feishu" | "sign-out";
/** What came of it. */
export type SignInOutcome =
  | "ok"
  | "code-sent"
  | "wrong-code"
  | "expired"
  | "unknown-person"
  | "feishu-unknown"
  | "feishu-failed"
  | "signed-out";

export class SignInAudit {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: Logger,
  ) {}

  async record(entry: {
    personId?: string;
    method: SignInMethod;
    outcome: SignInOutcome;
    ip: string;
  }): Promise<void> {
    const ok = entry.outcome === "ok" || entry.outcome === "signed-out" || entry.outcome === "code-sent";
    (ok ? this.log.info : this.log.warn).call(
      this.log,
      { ...entry, component: "console-sign-in" },
      "控制台登录",
    );
    await this.prisma.consoleSignIn.create({
      data: {
        personId: entry.personId ?? null,
        method: entry.method,
        outcome: entry.outcome,
        ip: entry.ip,
        at: new Date(),
      },
    });
  }
}
