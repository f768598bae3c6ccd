/** The desk as the web will ask it, for integration tests: every capability's desk parts, and a viewer's context. */
import type { DeskContext, DeskParts } from "../../../../src/bot/core/desk.ts";
import { joinDeskParts } from "../../../../src/bot/core/desk.ts";
import type { OfficeConfig } from "../../../../src/config/load.ts";
import { allCapabilities } from "../../../../src/handlers/index.ts";
import type { TestApp } from "../../../support/app.ts";

export function deskOf(config: OfficeConfig, test: TestApp): DeskParts {
  return joinDeskParts(allCapabilities(config, test.app.services.directory).map((c) => c.desk));
}

export function viewing(test: TestApp, name: string): DeskContext {
  const { services } = test.app;
  const viewer = services.directory.person(name);
  if (!viewer) throw new Error(`no person ${name}`);
  return { services, viewer, now: services.clock.now() };
}
