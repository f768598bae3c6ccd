/**
 * Runs `prisma generate` without Prisma's native schema engine, which cannot be downloaded here
 * (see shared notes: the CLI only checks that some executable exists before generating).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
execFileSync("npx", ["prisma", "generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: `${root}prisma/no-schema-engine.sh`,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
