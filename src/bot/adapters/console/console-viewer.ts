/**
 * Who is asking the console API, as the routes need it: in the demo anyone may be named as the
 * sender and every chat is readable; signed in, a person speaks only as themselves and reads only
 * the chats they may. The app decides (session, roles); the routes only ask.
 */
import type { FastifyRequest } from "fastify";

export interface ConsoleViewer {
  /** The signed-in person's id; undefined in the demo, where the request names its sender. */
  personId?: string;
  /** Whether the viewer may read the chat (and follow it live). */
  canRead(chatId: string): boolean;
}

/** The viewer of a request; throws a 401 ConsoleRequestError when sign-in is needed and missing. */
export type ViewerOf = (request: FastifyRequest) => ConsoleViewer;

/** The demo: anyone, everything. */
export const demoViewer: ConsoleViewer = { canRead: () => true };
