/**
 * The inbound side every platform adapter shares: what a callback or push brings is stored on the
 * inbound queue first, and handed to the bot by the queue's worker once the bot has started
 * (`attach`), those queued before this start too. Each platform says how a job is handled.
 */
import type { InboundQueue } from "../../core/inbound-queue.ts";

export abstract class QueuedInbound<Job, Handlers> {
  private handlers?: Handlers;

  protected constructor(
    private readonly inboundQueue: InboundQueue<Job>,
    private readonly platform: string,
  ) {}

  /** Starts handing queued jobs to the bot, those queued before this start too. */
  attach(handlers: Handlers): void {
    this.handlers = handlers;
    this.inboundQueue.start((job) => this.process(job));
  }

  /** Resolves when every queued job has been handled. */
  idle(): Promise<void> {
    return this.inboundQueue.idle();
  }

  /** Stops the worker; jobs still queued are handled by the next start on the same Redis. */
  close(): Promise<void> {
    return this.inboundQueue.close();
  }

  protected abstract process(job: Job): Promise<void>;

  protected requireHandlers(): Handlers {
    // The worker starts in attach, after the handlers are set: this is a programming error.
    if (!this.handlers) throw new Error(`${this.platform} inbound worker running before the bot started`);
    return this.handlers;
  }
}
