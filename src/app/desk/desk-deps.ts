/** What the desk's routes are given by the app (create-app.ts wires them). */
import type { ConsoleInbox } from "../../bot/adapters/console/console-inbox.ts";
import type { Directory } from "../../bot/core/directory.ts";
import type { FileStore } from "../../bot/core/ports.ts";
import type { WorkAvailability } from "../../bot/core/work-availability.ts";
import type { DeskChanges } from "./desk-changes.ts";
import type { DeskContent } from "./desk-content.ts";
import type { DeskMode, DeskViewerOf } from "./desk-viewer.ts";

export interface DeskDeps {
  mode: DeskMode;
  directory: Directory;
  content: DeskContent;
  viewerOf: DeskViewerOf;
  /** Where actions go in: the console's durable inbound queue, as the person in the chat. */
  inbox: ConsoleInbox;
  availability: WorkAvailability;
  changes: DeskChanges;
  /** Photos of items (served only when an item page lists them). */
  files?: FileStore;
}
