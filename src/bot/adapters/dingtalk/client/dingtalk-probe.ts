/**
 * The doctor's look at a DingTalk app (`npm run dingtalk:doctor`), calls that change nothing: the
 * access token, the Stream gateway, whether a permission is granted (a call with harmless arguments
 * that DingTalk refuses with 403 `AccessTokenPermissionDenied` when it is not — DING to nobody, a
 * card that does not exist, a phone nobody has), and the robots in a group.
 */
import type { DingtalkSettings } from "../dingtalk-settings.ts";
import { DingtalkApiError, deniedScopes, failureOfAnswer } from "./dingtalk-errors.ts";
import { JsonHttp } from "./dingtalk-http.ts";
import { DingtalkToken } from "./dingtalk-token.ts";

/** One call that needs a permission: where, and with what harmless body. */
export interface PermissionProbe {
  method: "POST" | "PUT";
  path: string;
  body: object;
  /** The old OpenAPI (token in the query) instead of the new one. */
  old?: boolean;
}

export type ProbeSettings = Pick<
  DingtalkSettings,
  "clientId" | "clientSecret" | "robotCode" | "baseUrl" | "oapiUrl" | "requestTimeoutMs"
>;

export class DingtalkProbe {
  private readonly http: JsonHttp;
  private readonly token: DingtalkToken;

  constructor(private readonly settings: ProbeSettings) {
    this.http = new JsonHttp(settings.requestTimeoutMs);
    this.token = new DingtalkToken(this.http, settings);
  }

  /** Throws when the Client ID and Secret get no access token. */
  async checkCredentials(): Promise<void> {
    await this.token.get();
  }

  /** Throws when the Stream gateway does not hand this app a connection. */
  async checkStreamGateway(): Promise<void> {
    const { baseUrl, clientId, clientSecret } = this.settings;
    const answer = await this.http.request("POST", new URL(`${baseUrl}/v1.0/gateway/connections/open`), {
      clientId,
      clientSecret,
      ua: "kuaibao-doctor",
      subscriptions: [{ type: "CALLBACK", topic: "/v1.0/im/bot/messages/get" }],
    });
    const body = (answer.data ?? {}) as { endpoint?: unknown };
    if (answer.status !== 200 || typeof body.endpoint !== "string")
      throw new Error(failureOfAnswer(answer)?.reason ?? `HTTP ${answer.status}`);
  }

  /** undefined when granted; else the permissions DingTalk names (perhaps none). */
  async missingScopes(probe: PermissionProbe): Promise<string[] | undefined> {
    return deniedScopes(await this.send(probe));
  }

  /** The robot codes of the robots in a group (needs qyapi_chat_manage). */
  async robotsInGroup(openConversationId: string): Promise<string[]> {
    const answer = await this.send({
      method: "POST",
      path: "/v1.0/robot/groups/robots/query",
      body: { openConversationId },
    });
    const failure = failureOfAnswer(answer);
    if (failure) throw new DingtalkApiError(failure.reason, failure);
    const list = (answer.data as { chatbotInstanceVOList?: unknown } | undefined)?.chatbotInstanceVOList;
    return Array.isArray(list)
      ? list.flatMap((bot: { robotCode?: unknown }) =>
          typeof bot.robotCode === "string" ? [bot.robotCode] : [],
        )
      : [];
  }

  close(): void {
    this.http.close();
  }

  private async send(probe: PermissionProbe) {
    const token = await this.token.get();
    if (probe.old) {
      const url = new URL(`${this.settings.oapiUrl}${probe.path}`);
      url.searchParams.set("access_token", token);
      return this.http.request(probe.method, url, probe.body);
    }
    return this.http.request(probe.method, new URL(`${this.settings.baseUrl}${probe.path}`), probe.body, {
      "x-acs-dingtalk-access-token": token,
    });
  }
}
