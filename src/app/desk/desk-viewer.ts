/**
 * Who looks at the desk: the console's signed-in person (its session), or — in the loopback demo
 * only — the person the visitor picked on the page (a cookie the page sets, like the console
 * demo's 我是 picker). A name in a request proves nothing anywhere else.
 */
import type { FastifyRequest } from "fastify";
import type { Directory } from "../../bot/core/directory.ts";
import type { Person } from "../../config/org.ts";
import { DeskRequestError } from "./desk-error.ts";
import { deskTexts as T } from "./desk-texts.ts";

/** The demo's pick: the person's id, set by the page. */
export const DEMO_VIEWER_COOKIE = "kuaibao_desk_as";

export type DeskMode = "demo" | "signin";

/** The viewer of a request; throws a 401 {@link DeskRequestError} when there is none. */
export type DeskViewerOf = (request: FastifyRequest) => Person;

export function deskViewerOf(directory: Directory, mode: DeskMode): DeskViewerOf {
  if (mode === "demo")
    return (request) => {
      const picked = cookieValue(request.headers.cookie, DEMO_VIEWER_COOKIE);
      const person = picked ? directory.person(picked) : undefined;
      if (!person) throw new DeskRequestError(401, picked ? T.unknownViewer(picked) : T.pickViewer);
      return person;
    };
  return (request) => {
    // Sign-in mode registers the console's session; without one nobody is signed in.
    const personId = (request as { session?: { personId?: string } }).session?.personId;
    const person = personId ? directory.person(personId) : undefined;
    if (!person) throw new DeskRequestError(401, T.signInRequired);
    return person;
  };
}

/** One cookie's value from a Cookie header (the demo has no cookie plugin). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
