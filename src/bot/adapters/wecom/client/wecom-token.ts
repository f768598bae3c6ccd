/**
 * The app's access_token: fetched once for every caller at the same moment, kept until five minutes
 * before WeCom's `expires_in`, and dropped when WeCom calls it invalid (it may end a token early).
 */

/** Renew this long before the token runs out, so a call never carries one that expires on the way. */
const EARLY_MS = 5 * 60_000;

export class WecomToken {
  private value?: { token: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.value && this.value.expiresAt > this.now()) return this.value.token;
    this.pending ??= this.fetchToken()
      .then(({ token, expiresInSeconds }) => {
        this.value = { token, expiresAt: this.now() + Math.max(0, expiresInSeconds * 1000 - EARLY_MS) };
        return token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** WeCom called `token` invalid: the next call fetches another (unless one came meanwhile). */
  invalidate(token: string): void {
    if (this.value?.token === token) this.value = undefined;
  }
}
