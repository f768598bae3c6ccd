/** What the binding capability's unit tests hand it: the sample org, a recording Messenger, a fixed clock. */
import pino from "pino";
import type { BindingRequest, BindingRequestStore } from "../../../../src/bot/core/binding-request-store.ts";
import { Directory } from "../../../../src/bot/core/directory.ts";
import type { OutboundMessage } from "../../../../src/bot/core/message.ts";
import type { BotServices } from "../../../../src/bot/core/services.ts";
import { sampleConfig } from "../../../support/app.ts";

export const AT = new Date("2026-05-04T09:00:00Z");

export const directory = new Directory((await sampleConfig()).org);

/** Services with only what binding uses; `sent` holds what went through the Messenger. */
export function bindingServices(): { services: BotServices; sent: OutboundMessage[] } {
  const sent: OutboundMessage[] = [];
  const services = {
    directory,
    messenger: { send: async (message: OutboundMessage) => void sent.push(message) },
    clock: { now: () => AT },
    log: pino({ level: "silent" }),
  } as unknown as BotServices;
  return { services, sent };
}

/** Binding requests in memory, keyed like the Redis store (expiry not modelled). */
export class MemoryBindingRequests implements BindingRequestStore {
  readonly requests = new Map<string, BindingRequest>();

  async put(platform: string, accountId: string, request: BindingRequest): Promise<void> {
    this.requests.set(`${platform}:${accountId}`, request);
  }

  async get(platform: string, accountId: string): Promise<BindingRequest | null> {
    return this.requests.get(`${platform}:${accountId}`) ?? null;
  }

  async remove(platform: string, accountId: string): Promise<void> {
    this.requests.delete(`${platform}:${accountId}`);
  }
}
