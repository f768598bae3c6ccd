/**
 * The secret that signs the console's session cookie: SESSION_SECRET when set, else one generated
 * the first time and kept in the database (`app_secret`), so every process and every restart use
 * the same one. Never written to the repository or the log.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../store/generated/client.ts";

const NAME = "console-session-secret";

export async function sessionSecret(prisma: PrismaClient, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  // Two processes starting together: the first insert wins, both read the same row.
  await prisma.appSecret.createMany({
    data: [{ name: NAME, value: randomBytes(32).toString("base64url"), createdAt: new Date() }],
    skipDuplicates: true,
  });
  const row = await prisma.appSecret.findUniqueOrThrow({ where: { name: NAME } });
  return row.value;
}
