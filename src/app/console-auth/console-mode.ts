/**
 * Which console the bot serves: the demo (speak as anyone) only on a loopback address, sign-in
 * everywhere else, or none. Decided once at start from the environment.
 */
import { isIP } from "node:net";

/** `demo`: pick anyone and speak as them; `signin`: a signed-in person speaks as themselves; `off`: no console. */
export type ConsoleMode = "demo" | "signin" | "off";

/** The bot must not start with this console setting; the message says why, in Chinese. */
export class ConsoleModeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConsoleModeError";
  }
}

/** Whether a listening address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1";
}

/**
 * The mode asked for (`CONSOLE`), or the default: demo when no platform is configured and the
 * host is loopback, sign-in otherwise. Demo on a non-loopback host throws {@link ConsoleModeError}.
 */
export function decideConsoleMode(options: {
  requested: ConsoleMode | undefined;
  host: string;
  platformConfigured: boolean;
}): ConsoleMode {
  const loopback = isLoopbackHost(options.host);
  if (options.requested === "demo" && !loopback)
    throw new ConsoleModeError(
      `CONSOLE=demo 只能在本机地址上使用（HOST=127.0.0.1 或 localhost）：演示模式下任何人都能冒充任何人发言，` +
        `而 HOST=${options.host} 会让其他电脑也能访问。请改用 CONSOLE=signin（需要登录），或把 HOST 改为 127.0.0.1。`,
    );
  if (options.requested) return options.requested;
  return loopback && !options.platformConfigured ? "demo" : "signin";
}
