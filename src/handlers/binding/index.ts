/**
 * Binding capability: decides what is said and bound when someone speaks in a platform group or
 * from a platform account the org file does not know (core/unbound.ts); the adapter binds and
 * answers as told.
 */
import type { Capability } from "../../bot/core/capability.ts";
import { bindGroup } from "./group-binding.ts";
import { bindPerson } from "./person-binding.ts";

export const bindingCapability: Capability = {
  name: "binding",
  unbound: {
    run: (services, event) =>
      event.unknown === "chat" ? bindGroup(services, event) : bindPerson(services, event),
  },
};
