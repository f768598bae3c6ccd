/**
 * The app's access token (`POST /v1.0/oauth2/accessToken`, valid 2 hours): fetched once for all
 * concurrent callers, kept until five minutes before it expires, and dropped when DingTalk calls it
 * invalid so the next call fetches a new one.
 */
import type { DingtalkSettings } from "../dingtalk-settings.ts";
import { DingtalkApiError, failureOfAnswer } from "./dingtalk-errors.ts";
import type { JsonHttp } from "./dingtalk-http.ts";

const MARGIN_MS = 5 * 60_000;

export class DingtalkToken {
  private current?: { value: string; expiresAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly http: JsonHttp,
    private readonly settings: Pick<DingtalkSettings, "baseUrl" | "clientId" | "clientSecret">,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.current.expiresAt > this.now()) return this.current.value;
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drops the token (DingTalk called it invalid), unless another caller already replaced it. */
  invalidate(value: string): void {
    if (this.current?.value === value) this.current = undefined;
  }

  private async fetch(): Promise<string> {
    const { baseUrl, clientId, clientSecret } = this.settings;
    const answer = await this.http.request("POST", new URL(`${baseUrl}/v1.0/oauth2/accessToken`), {
      appKey: clientId,
      appSecret: clientSecret,
    });
    const failure = failureOfAnswer(answer);
    const body = (answer.data ?? {}) as { accessToken?: unknown; expireIn?: unknown };
    if (failure || typeof body.accessToken !== "string") {
      // A token refused is the credentials' fault: retrying cannot help.
      const reason = failure?.reason ?? "no accessToken in answer";
      throw new DingtalkApiError(`钉钉 accessToken 获取失败：${reason}`, {
        kind: failure?.kind === "retry" ? "retry" : "fatal",
        reason,
      });
    }
    const seconds = typeof body.expireIn === "number" ? body.expireIn : 7200;
    this.current = { value: body.accessToken, expiresAt: this.now() + seconds * 1000 - MARGIN_MS };
    return body.accessToken;
  }
}
