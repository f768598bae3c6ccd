/**
 * The neutral events a platform adapter hands the app's pipeline, recorded on their way in: each is
 * handled exactly as before (the pipeline's own `handle` runs), so a test can see what an adapter
 * made of a platform message (attachments, a shared place) even when no capability answers it.
 */
import type { App } from "../../src/app/create-app.ts";
import type { InboundEvent } from "../../src/bot/core/message.ts";

export function recordHandedEvents(app: App): InboundEvent[] {
  const handed: InboundEvent[] = [];
  const { pipeline } = app;
  const handle = pipeline.handle.bind(pipeline);
  pipeline.handle = (event) => {
    handed.push(event);
    return handle(event);
  };
  return handed;
}
