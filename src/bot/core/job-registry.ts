/** Finds the handler of a fired job by name, validates its data and runs it. */
import type { JobHandler } from "./capability.ts";
import { JobContext } from "./context.ts";
import type { ScheduledJob } from "./ports.ts";
import type { BotServices } from "./services.ts";

/** A job whose data can never be valid: retrying it would not help. */
export class InvalidJobError extends Error {
  override name = "InvalidJobError";
}

export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(handlers: JobHandler[]) {
    for (const handler of handlers) {
      if (this.handlers.has(handler.name)) throw new Error(`job ${handler.name} registered twice`);
      this.handlers.set(handler.name, handler);
    }
  }

  /** The job's Chinese label, or its name when it has none. */
  label(name: string): string {
    return this.handlers.get(name)?.label ?? name;
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  async run(services: BotServices, key: string, job: ScheduledJob): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new InvalidJobError(`no handler for job ${job.name}`);
    const parsed = handler.schema.safeParse(job.data);
    if (!parsed.success)
      throw new InvalidJobError(`job ${job.name} (${key}) has invalid data: ${parsed.error.message}`);
    const log = services.log.child({ job: job.name, key });
    await handler.run(new JobContext({ ...services, log }, key), parsed.data);
  }
}
