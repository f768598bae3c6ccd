/** The SDK's token cache, ours so a token Feishu calls invalid can be dropped and fetched again. */
export class TokenCache {
  private readonly values = new Map<string, { value: unknown; expiresAt?: number }>();

  async get(key: { toString(): string }, options?: { namespace?: string }): Promise<unknown> {
    const entry = this.values.get(this.key(key, options));
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) return undefined;
    return entry.value;
  }

  async set(
    key: { toString(): string },
    value: unknown,
    expiresAt?: number,
    options?: { namespace?: string },
  ): Promise<boolean> {
    this.values.set(this.key(key, options), { value, expiresAt });
    return true;
  }

  clear(): void {
    this.values.clear();
  }

  private key(key: { toString(): string }, options?: { namespace?: string }): string {
    return `${options?.namespace ?? ""}/${key.toString()}`;
  }
}
