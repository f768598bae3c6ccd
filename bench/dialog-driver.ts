/**
 * Simulated people answering the 登记 dialog through the console adapter's inbound path
 * (`app.inbox.say`: the person's message is stored, then handed to the pipeline), with every
 * message timed by the latency probe.
 */
import { performance } from "node:perf_hooks";
import type { App } from "../src/app/create-app.ts";
import type { LatencyProbe } from "./latency-probe.ts";
import { PersonScript } from "./profile-script.ts";
import { Samples } from "./stats.ts";
import type { BenchPerson } from "./synthetic-office.ts";

/** What one measured phase saw. */
export class DialogRecorder {
  /** Pipeline handoff → first reply accepted by the Messenger. */
  readonly reply = new Samples();
  /** Pipeline handoff → pipeline.handle resolved (the step fully handled). */
  readonly handled = new Samples();
  /** inbox.say called → resolved (adds storing the person's message in the console history). */
  readonly say = new Samples();
  /** Open loop: when the message was due → first reply accepted. */
  readonly fromDue = new Samples();
  /** Pipeline handoff → first reply delivered (stored in the console history by the send worker). */
  readonly delivered = new Samples();
  steps = 0;
  roundsCompleted = 0;
  replies = 0;
  noReply = 0;
  failed = 0;
  unexpected = 0;
  examples: string[] = [];

  note(problem: string): void {
    if (this.examples.length < 5) this.examples.push(problem);
  }
}

export class DialogDriver {
  private readonly scripts: PersonScript[];
  private sequence = 0;
  recorder = new DialogRecorder();

  constructor(
    private readonly app: App,
    private readonly probe: LatencyProbe,
    people: BenchPerson[],
    private readonly runId: string,
  ) {
    this.scripts = people.map((person) => new PersonScript(person));
  }

  get people(): number {
    return this.scripts.length;
  }

  /** The people a closed-loop slot works through (each finishes a round before the slot moves on). */
  slotPeople(slot: number, slots: number): number[] {
    return this.scripts.map((_, i) => i).filter((i) => i % slots === slot);
  }

  /** Sends person `index`'s next line and records how it went; true when it ended a round. */
  async step(index: number, dueAt?: number): Promise<boolean> {
    const script = this.scripts[index] as PersonScript;
    const line = script.current();
    const eventId = `${this.runId}-${++this.sequence}`;
    const timing = this.probe.watch(eventId);
    const rec = this.recorder;
    const t0 = performance.now();
    try {
      await this.app.inbox.say(script.person.chatId, script.person.id, line.text, eventId);
    } catch (error) {
      rec.failed += 1;
      rec.note(`say threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    const t1 = performance.now();
    this.probe.done(eventId);
    rec.steps += 1;
    rec.say.add(t1 - t0);
    if (timing.handedAt !== undefined && timing.handledAt !== undefined)
      rec.handled.add(timing.handledAt - timing.handedAt);
    if (timing.outcome !== undefined && timing.outcome !== "handled") {
      rec.failed += 1;
      rec.note(`outcome ${timing.outcome} for ${JSON.stringify(line.text)}`);
    }
    rec.replies += timing.replies;
    if (timing.firstReplyAt === undefined || timing.handedAt === undefined) {
      rec.noReply += 1;
      rec.note(`no reply to ${JSON.stringify(line.text)}`);
    } else {
      const handedAt = timing.handedAt;
      const delivered = (t: { deliveredAt?: number }) =>
        rec.delivered.add((t.deliveredAt as number) - handedAt);
      if (timing.deliveredAt !== undefined) delivered(timing);
      else timing.onDelivered = delivered;
      rec.reply.add(timing.firstReplyAt - timing.handedAt);
      if (dueAt !== undefined) rec.fromDue.add(timing.firstReplyAt - dueAt);
      if (!line.expect(timing.firstReply ?? "")) {
        rec.unexpected += 1;
        rec.note(`to ${JSON.stringify(line.text)} the bot said ${JSON.stringify(timing.firstReply)}`);
      }
    }
    if (line.completes) rec.roundsCompleted += 1;
    return script.advance();
  }

  /** Starts a new recorder (after warm-up) and returns the old one. */
  reset(): DialogRecorder {
    const old = this.recorder;
    this.recorder = new DialogRecorder();
    return old;
  }
}
