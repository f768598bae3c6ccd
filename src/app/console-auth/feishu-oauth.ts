/**
 * 飞书登录: OAuth of the bot's own Feishu app. The browser goes to Feishu's authorize page, comes
 * back with a code, and the code is exchanged (with the app's secret, through the configured Feishu
 * domain) for the user's access token and then their open_id.
 */
import { z } from "zod";

/** The Feishu app whose OAuth signs people in (the same app as the bot). */
export interface FeishuOAuthSettings {
  appId: string;
  appSecret: string;
  /** https://open.feishu.cn, https://open.larksuite.com or a test server. */
  domain: string;
}

const tokenAnswer = z.object({ code: z.number(), access_token: z.string().min(1).optional() });
const userAnswer = z.object({
  code: z.number(),
  data: z.object({ open_id: z.string().min(1) }).optional(),
});

export class FeishuOAuth {
  constructor(readonly settings: FeishuOAuthSettings) {}

  /** Feishu's page that asks the user to allow the sign-in, then returns to `redirectUri`. */
  authorizeUrl(redirectUri: string, state: string): string {
    const url = new URL("/open-apis/authen/v1/authorize", this.settings.domain);
    url.searchParams.set("client_id", this.settings.appId);
    url.searchParams.set("app_id", this.settings.appId);
    url.searchParams.set("response_type", "code");
    url.searchParams.set("redirect_uri", redirectUri);
    url.searchParams.set("state", state);
    return url.toString();
  }

  /** The open_id of the user who allowed the sign-in; throws when Feishu says no. */
  async openIdFor(code: string, redirectUri: string): Promise<string> {
    const tokenResponse = await fetch(new URL("/open-apis/authen/v2/oauth/token", this.settings.domain), {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({
        grant_type: "authorization_code",
        client_id: this.settings.appId,
        client_secret: this.settings.appSecret,
        code,
        redirect_uri: redirectUri,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const token = tokenAnswer.parse(await tokenResponse.json());
    if (token.code !== 0 || !token.access_token) throw new Error(`feishu oauth token: code ${token.code}`);
    const userResponse = await fetch(new URL("/open-apis/authen/v1/user_info", this.settings.domain), {
      headers: { authorization: `Bearer ${token.access_token}` },
      signal: AbortSignal.timeout(10_000),
    });
    const user = userAnswer.parse(await userResponse.json());
    if (user.code !== 0 || !user.data) throw new Error(`feishu user_info: code ${user.code}`);
    return user.data.open_id;
  }
}
