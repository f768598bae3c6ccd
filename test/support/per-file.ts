/**
 * vitest setup file of the integration and browser tests: after each test file, the PGlites kept
 * for reuse between its tests (see `database.ts`) are closed, so nothing outlives the file.
 */
import { afterAll } from "vitest";
import { closeKeptDatabases } from "./database.ts";

afterAll(async () => {
  await closeKeptDatabases();
});
