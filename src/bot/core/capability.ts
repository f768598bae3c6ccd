/**
 * What a capability folder under src/handlers registers: commands people type, button actions,
 * dialogs and scheduled jobs. The router and the job registry are built from a list of these.
 */
import type { z } from "zod";
import type { Role } from "../../config/org.ts";
import type { ConversationContext, JobContext } from "./context.ts";
import { type DeskParts, joinDeskParts } from "./desk.ts";
import type { DialogDefinition } from "./dialog/definition.ts";
import type { DialogSession } from "./dialog/session-store.ts";
import type { EventListener } from "./events.ts";
import type { BotServices } from "./services.ts";
import type { UnboundHandler } from "./unbound.ts";

export interface Command {
  /** Words that start it, e.g. `["帮助", "/help"]`; matched on the first word, case-insensitively. */
  names: string[];
  /** One line for the help text. */
  summary: string;
  /**
   * A reply the bot asked people for (收到 to a 批示, 已阅 to an alert): heard in a group without an
   * @ to the bot, where other commands are not; it then keeps quiet when nothing waits for it.
   */
  heardWithoutMention?: boolean;
  /** Roles allowed to use it; absent: everyone in the org file. */
  roles?: Role[];
  /**
   * For a word several capabilities answer (`查询 D2026-0001` vs `查询 2026-0042`, `收到` to a 批示 or
   * under a task card): whether this command takes this use of it. Commands sharing a word are asked
   * in registration order; the one without `owns` (at most one per word) takes what none claims.
   */
  owns?(ctx: ConversationContext, args: string): boolean | Promise<boolean>;
  run(ctx: ConversationContext, args: string): Promise<void>;
}

/** Handles pressed buttons whose action starts with `<prefix>:`. */
export interface ActionHandler {
  prefix: string;
  run(ctx: ConversationContext, value: string): Promise<void>;
}

/** A job the Scheduler fires; its data is validated before it runs. */
export interface JobHandler<S extends z.ZodType = z.ZodType> {
  name: string;
  /** What the job does, in Chinese, for the duty officer's notice when it fails for good. */
  label?: string;
  schema: S;
  run(ctx: JobContext, data: z.output<S>): Promise<void>;
}

/**
 * Decides on photos, videos, files and shared locations (an event with `attachments` or
 * `location`), given the person's open dialog in the chat if any; one capability at most.
 */
export interface MediaHandler {
  run(ctx: ConversationContext, session: DialogSession | null): Promise<void>;
}

export interface Capability {
  name: string;
  commands?: Command[];
  actions?: ActionHandler[];
  // biome-ignore lint/suspicious/noExplicitAny: a registry holds dialogs of every data shape
  dialogs?: DialogDefinition<any>[];
  jobs?: JobHandler[];
  /** What it does when another capability announces something (see events.ts). */
  // biome-ignore lint/suspicious/noExplicitAny: a registry holds listeners of every event
  listeners?: EventListener<any>[];
  /** What it decides when someone speaks in a chat or from an account the org file does not know (unbound.ts). */
  unbound?: UnboundHandler;
  /** What it does with photos and shared locations (see {@link MediaHandler}). */
  media?: MediaHandler;
  /** What it shows and files on the web desk: board panels, charts, item pages, documents (desk.ts). */
  desk?: DeskParts;
  /**
   * Runs once when the app has started: re-arms what a crash between a database write and a
   * Scheduler call may have left unscheduled (keys make this harmless when nothing was lost).
   */
  onStart?(services: BotServices): Promise<void>;
  /**
   * Schedules again every timer the database says is still pending (at start, after `onStart`, and
   * whenever Redis is found to have lost its data), under the same keys as when it was first
   * scheduled, so a timer still on the queue is not added twice; one already due runs at once.
   * Only what the database shows as still to happen may be scheduled: a key whose job ran and was
   * removed from the queue would otherwise run again.
   */
  rebuildTimers?(services: BotServices): Promise<void>;
}

/**
 * What one sub-folder of a capability contributes (commands, actions, dialogs, jobs, listeners,
 * timers); the capability's index.ts joins them with {@link joinParts}.
 */
export type CapabilityParts = Omit<Capability, "name">;

/** One capability named `name` from its sub-folders' parts, in order. */
export function joinParts(name: string, parts: readonly CapabilityParts[]): Capability {
  return {
    name,
    commands: parts.flatMap((p) => p.commands ?? []),
    actions: parts.flatMap((p) => p.actions ?? []),
    dialogs: parts.flatMap((p) => p.dialogs ?? []),
    jobs: parts.flatMap((p) => p.jobs ?? []),
    listeners: parts.flatMap((p) => p.listeners ?? []),
    desk: joinDeskParts(parts.map((p) => p.desk)),
    async onStart(services) {
      for (const part of parts) await part.onStart?.(services);
    },
    async rebuildTimers(services) {
      for (const part of parts) await part.rebuildTimers?.(services);
    },
  };
}
