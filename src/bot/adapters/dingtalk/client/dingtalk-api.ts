/**
 * The OpenAPI calls the adapter makes. Each call is retried on 429/5xx/throttling/no answer with
 * backoff (honouring `Retry-After`), fetches a new token when DingTalk calls the token invalid, and
 * throws {@link DingtalkApiError} when retrying cannot help. Calls under the rate limits take
 * `inSlot`, which runs every try in a rate slot of its own.
 */
import type { Logger } from "pino";
import type { DingtalkSettings } from "../dingtalk-settings.ts";
import { DingtalkApiError, type DingtalkFailure, failureOfAnswer } from "./dingtalk-errors.ts";
import { DingtalkHttpError, JsonHttp } from "./dingtalk-http.ts";
import { DingtalkToken } from "./dingtalk-token.ts";

/** Runs one request (in a rate slot, where the caller has limits to keep). */
export type InSlot = <T>(request: () => Promise<T>) => Promise<T>;
const direct: InSlot = (request) => request();

/** DingTalk's robot message kinds (msgKey) the bot sends. */
export type MsgKey = "sampleText" | "sampleMarkdown";

/** DING's remindType: 1 in-app, 2 SMS, 3 phone. */
export const REMIND_TYPE = { app: 1, sms: 2, phone: 3 } as const;

/** Old-API code for "no such user". */
const USER_NOT_FOUND = "60121";

export interface CardSend {
  outTrackId: string;
  /** A group by openConversationId, or one person by userId. */
  to: { openConversationId: string } | { userId: string };
  cardParamMap: Record<string, string>;
  /** userId → name, mentioned on the card. */
  atOpenIds?: Record<string, string>;
}

export class DingtalkApi {
  private readonly http: JsonHttp;
  readonly token: DingtalkToken;

  constructor(
    private readonly settings: Pick<
      DingtalkSettings,
      | "clientId"
      | "clientSecret"
      | "robotCode"
      | "baseUrl"
      | "oapiUrl"
      | "cardTemplateId"
      | "requestTimeoutMs"
      | "callAttempts"
      | "backoffMs"
    >,
    private readonly log: Logger,
  ) {
    this.http = new JsonHttp(settings.requestTimeoutMs);
    this.token = new DingtalkToken(this.http, settings);
  }

  /** A robot message into a group; returns its processQueryKey. */
  async sendGroup(openConversationId: string, msgKey: MsgKey, msgParam: object, inSlot = direct) {
    const data = await this.call("groupMessages.send", "POST", "/v1.0/robot/groupMessages/send", inSlot, {
      robotCode: this.settings.robotCode,
      openConversationId,
      msgKey,
      msgParam: JSON.stringify(msgParam),
    });
    return processQueryKey(data);
  }

  /** A robot message to people one to one; returns its processQueryKey. */
  async sendToUsers(userIds: string[], msgKey: MsgKey, msgParam: object, inSlot = direct) {
    const data = await this.call(
      "oToMessages.batchSend",
      "POST",
      "/v1.0/robot/oToMessages/batchSend",
      inSlot,
      {
        robotCode: this.settings.robotCode,
        userIds,
        msgKey,
        msgParam: JSON.stringify(msgParam),
      },
    );
    const invalid = (data as { invalidStaffIdList?: unknown }).invalidStaffIdList;
    if (Array.isArray(invalid) && invalid.length === userIds.length)
      throw new DingtalkApiError("no valid receiver", {
        kind: "fatal",
        reason: `无效的 userId ${invalid.join(",")}`,
      });
    return processQueryKey(data);
  }

  /** An interactive card from the configured template; the outTrackId identifies it from then on. */
  async sendCard(card: CardSend, inSlot = direct): Promise<string | undefined> {
    const to =
      "openConversationId" in card.to
        ? { conversationType: 1, openConversationId: card.to.openConversationId }
        : { conversationType: 0, singleChatReceiver: JSON.stringify({ userId: card.to.userId }) };
    const data = await this.call("interactiveCards.send", "POST", "/v1.0/im/interactiveCards/send", inSlot, {
      cardTemplateId: this.settings.cardTemplateId,
      outTrackId: card.outTrackId,
      robotCode: this.settings.robotCode,
      ...to,
      cardData: { cardParamMap: card.cardParamMap },
      userIdType: 1,
      ...(card.atOpenIds && Object.keys(card.atOpenIds).length > 0 ? { atOpenIds: card.atOpenIds } : {}),
    });
    const key = (data as { processQueryKey?: unknown }).processQueryKey;
    return typeof key === "string" ? key : undefined;
  }

  /** Changes a sent card in place (for everyone who sees it). */
  async updateCard(outTrackId: string, cardParamMap: Record<string, string>, inSlot = direct): Promise<void> {
    await this.call("interactiveCards.update", "PUT", "/v1.0/im/interactiveCards", inSlot, {
      outTrackId,
      cardData: { cardParamMap },
      userIdType: 1,
      cardOptions: { updateCardDataByKey: true },
    });
  }

  /** DING to people: in-app, SMS or phone; returns the DING's id. */
  async ding(
    channel: keyof typeof REMIND_TYPE,
    userIds: string[],
    content: string,
    inSlot = direct,
  ): Promise<string> {
    const data = await this.call("ding.send", "POST", "/v1.0/robot/ding/send", inSlot, {
      robotCode: this.settings.robotCode,
      remindType: REMIND_TYPE[channel],
      receiverUserIdList: userIds,
      content,
    });
    const id = (data as { openDingId?: unknown }).openDingId;
    return typeof id === "string" ? id : "";
  }

  /** Who has read a robot message in a group (every page). */
  async readUsers(openConversationId: string, key: string, inSlot = direct): Promise<string[]> {
    const users: string[] = [];
    let nextToken: string | undefined;
    do {
      const data = (await this.call(
        "groupMessages.query",
        "POST",
        "/v1.0/robot/groupMessages/query",
        inSlot,
        {
          openConversationId,
          robotCode: this.settings.robotCode,
          processQueryKey: key,
          maxResults: 200,
          ...(nextToken ? { nextToken } : {}),
        },
      )) as { readUserIds?: unknown; nextToken?: unknown };
      if (Array.isArray(data.readUserIds))
        users.push(...data.readUserIds.filter((u): u is string => typeof u === "string"));
      nextToken = typeof data.nextToken === "string" && data.nextToken ? data.nextToken : undefined;
    } while (nextToken);
    return users;
  }

  /** A person's userId from their phone (old API), or undefined when nobody has it. */
  userIdByMobile(mobile: string, inSlot = direct): Promise<string | undefined> {
    return this.oldUserLookup("/topapi/v2/user/getbymobile", { mobile }, inSlot);
  }

  /** A person's userId from their unionId (old API), or undefined when nobody has it. */
  userIdByUnionId(unionid: string, inSlot = direct): Promise<string | undefined> {
    return this.oldUserLookup("/topapi/user/getbyunionid", { unionid }, inSlot);
  }

  close(): void {
    this.http.close();
  }

  private async oldUserLookup(path: string, body: object, inSlot: InSlot): Promise<string | undefined> {
    try {
      const data = (await this.call(path, "POST", path, inSlot, body, "old")) as {
        result?: { userid?: unknown };
      };
      return typeof data.result?.userid === "string" ? data.result.userid : undefined;
    } catch (error) {
      if (
        error instanceof DingtalkApiError &&
        error.failure.kind === "fatal" &&
        error.failure.code === USER_NOT_FOUND
      )
        return undefined;
      throw error;
    }
  }

  /** One call with retries; resolves with the answer's body. */
  private async call(
    name: string,
    method: "POST" | "PUT",
    path: string,
    inSlot: InSlot,
    body: object,
    api: "new" | "old" = "new",
  ): Promise<object> {
    const { callAttempts, backoffMs } = this.settings;
    let last: DingtalkFailure = { kind: "retry", reason: "not tried" };
    for (let attempt = 1; attempt <= callAttempts; attempt++) {
      const token = await this.token.get();
      let failure: DingtalkFailure | undefined;
      let data: unknown;
      try {
        const answer = await inSlot(() =>
          this.http.request(method, this.url(path, api, token), body, this.headers(api, token)),
        );
        failure = failureOfAnswer(answer);
        data = answer.data;
      } catch (error) {
        if (!(error instanceof DingtalkHttpError)) throw error;
        failure = { kind: "retry", reason: error.code ?? error.message };
      }
      if (!failure) return (data ?? {}) as object;
      last = failure;
      if (failure.kind === "fatal") break;
      if (failure.kind === "token") {
        this.token.invalidate(token);
        continue;
      }
      const waitMs = failure.waitMs ?? backoffMs * 2 ** (attempt - 1);
      this.log.warn({ call: name, attempt, waitMs, reason: failure.reason }, "dingtalk call will be retried");
      if (attempt < callAttempts) await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    throw new DingtalkApiError(`dingtalk ${name} failed: ${last.reason}`, last);
  }

  private url(path: string, api: "new" | "old", token: string): URL {
    if (api === "new") return new URL(`${this.settings.baseUrl}${path}`);
    const url = new URL(`${this.settings.oapiUrl}${path}`);
    url.searchParams.set("access_token", token);
    return url;
  }

  private headers(api: "new" | "old", token: string): Record<string, string> {
    return api === "new" ? { "x-acs-dingtalk-access-token": token } : {};
  }
}

function processQueryKey(data: object): string {
  const key = (data as { processQueryKey?: unknown }).processQueryKey;
  if (typeof key !== "string" || !key)
    throw new DingtalkApiError("no processQueryKey", {
      kind: "fatal",
      reason: "no processQueryKey in answer",
    });
  return key;
}
