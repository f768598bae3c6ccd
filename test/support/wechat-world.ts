/**
 * A WeChat world for tests: wechaty-puppet-mock with a contact per person and a room per group of
 * the sample office, the real app (database, Redis, queues, handlers) with the WeChat adapter
 * plugged in, and a record of what the bot posted (text and mention ids, as the puppet got them).
 */
import { randomUUID } from "node:crypto";
import type { FileBoxInterface } from "file-box";
import type { Redis } from "ioredis";
import { types } from "wechaty";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { WechatAdapter, type WechatSettings } from "../../src/bot/adapters/wechat/wechat-adapter.ts";
import type { FileStore } from "../../src/bot/core/ports.ts";
import type { OfficeConfig } from "../../src/config/load.ts";
import { RedisBindingRequestStore } from "../../src/queue/redis-binding-requests.ts";
import { createRedis } from "../../src/queue/redis-connection.ts";
import { RedisReplyCodeStore } from "../../src/queue/redis-reply-codes.ts";
import type { Database } from "../../src/store/database.ts";
import { sampleConfig, silentLog, startTestApp, type TestApp } from "./app.ts";
import { testRedisUrl, uniquePrefix } from "./redis.ts";
import { waitFor } from "./wait-for.ts";

export interface Posted {
  /** Group name, or the person's name for a one-to-one chat. */
  to: string;
  text: string;
  /** Names of the people mentioned (from the mention ids the puppet got). */
  mentions: string[];
  at: number;
}

/** A file (a picture) the bot posted. */
export interface PostedFile {
  to: string;
  name: string;
  bytes: Buffer;
}

export const FAST_SETTINGS: WechatSettings = {
  pace: { roomGapMs: 0, overallGapMs: 0, jitterMs: 0 },
  urgent: { repeatEveryMs: 60_000, repeatLimit: 0 },
  maxMessageChars: 1500,
  groupWords: ["收到", "已收到", "已阅"],
};

export interface WechatWorld {
  test: TestApp;
  adapter: WechatAdapter;
  mocker: mock.Mocker;
  bot: mock.ContactMock;
  contacts: Map<string, mock.ContactMock>;
  rooms: Map<string, mock.RoomMock>;
  posted: Posted[];
  files: PostedFile[];
  /** A person says something in a group (mentioning the bot when the text starts with @快报助手). */
  say(group: string, person: string, text: string): void;
  /** A person writes to the bot one-to-one. */
  sayDirect(person: string, text: string): void;
  /**
   * A person sends a picture, video or file (by the box's kind), or shares a location (no box), in a
   * group or one-to-one (no group). Returns the message id.
   */
  sendMedia(
    kind: "image" | "video" | "file" | "location",
    person: string,
    options?: { group?: string; box?: FileBoxInterface },
  ): string;
  /** Waits for a bot post to `to` containing every fragment, after `from` posts. */
  expectPost(to: string, fragments: string[], from?: number): Promise<Posted>;
  /** Waits until the adapter, the pipeline and the send queue have nothing left to do. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The sample office with WeChat names: every group's topic is its name, every person's WeChat name theirs. */
export async function wechatConfig(): Promise<OfficeConfig> {
  const config = await sampleConfig();
  for (const group of config.org.groups) group.wechat = { topic: group.name };
  for (const person of config.org.people) person.wechat = { name: person.name };
  return config;
}

export async function startWechatWorld(
  options: {
    settings?: WechatSettings;
    config?: OfficeConfig;
    unknown?: string[];
    database?: Database;
    /** Where the app keeps people's files (a throwaway folder unless given). */
    files?: FileStore;
  } = {},
): Promise<WechatWorld> {
  const config = options.config ?? (await wechatConfig());
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const bot = mocker.createContact({ name: config.org.bot.name });
  const contacts = new Map<string, mock.ContactMock>();
  for (const person of config.org.people)
    contacts.set(person.name, mocker.createContact({ name: person.name }));
  for (const name of options.unknown ?? []) contacts.set(name, mocker.createContact({ name }));
  const rooms = new Map<string, mock.RoomMock>();
  for (const group of config.org.groups) {
    const members = group.members.map((id) => config.org.people.find((p) => p.id === id)?.name ?? id);
    rooms.set(
      group.name,
      mocker.createRoom({
        id: `${group.id}@chatroom`,
        topic: group.name,
        memberIdList: [bot.id, ...members.map((n) => contacts.get(n)?.id ?? n)],
      }),
    );
  }
  const posted: Posted[] = [];
  const nameOf = (id: string) => mocker.contactPayload(id).name;
  const send = puppet.messageSendText.bind(puppet);
  // The puppet is the edge: record what the bot asked WeChat to post, mention ids included.
  // wechaty passes the mention ids as a third argument the mock's signature leaves out.
  (puppet as { messageSendText: unknown }).messageSendText = async (
    conversationId: string,
    text: string,
    mentionIdList?: string[],
  ) => {
    const to = conversationId.includes("@")
      ? mocker.roomPayload(conversationId).topic
      : nameOf(conversationId);
    posted.push({ to, text, mentions: (mentionIdList ?? []).map(nameOf), at: Date.now() });
    return send(conversationId, text);
  };
  const files: PostedFile[] = [];
  const sendFile = puppet.messageSendFile.bind(puppet);
  puppet.messageSendFile = async (conversationId, file) => {
    const to = conversationId.includes("@")
      ? mocker.roomPayload(conversationId).topic
      : nameOf(conversationId);
    files.push({ to, name: file.name, bytes: await file.toBuffer() });
    return sendFile(conversationId, file);
  };
  const prefix = uniquePrefix("wechat");
  const redis: Redis = createRedis(testRedisUrl());
  const adapter = new WechatAdapter({
    puppet: { puppet },
    replyCodes: new RedisReplyCodeStore(redis, prefix),
    bindingRequests: new RedisBindingRequestStore(redis, prefix),
    settings: options.settings ?? FAST_SETTINGS,
    log: silentLog,
    reorderHoldMs: 150,
    onClose: async () => {
      await redis.quit();
    },
  });
  // The tests act through the console API as anyone: the demo, asked for explicitly (a platform is configured).
  const test = await startTestApp({
    config,
    platforms: [adapter],
    prefix,
    database: options.database,
    files: options.files,
    console: { mode: "demo" },
  });
  mocker.login(bot);
  await waitFor("the bot to log in", () => adapter.login.current().state === "logged-in");

  const world: WechatWorld = {
    test,
    adapter,
    mocker,
    bot,
    contacts,
    rooms,
    posted,
    files,
    say(group, person, text) {
      const contact = contacts.get(person);
      const room = rooms.get(group);
      if (!contact || !room) throw new Error(`no ${person} or ${group}`);
      const mentionsBot = text.startsWith(`@${config.org.bot.name}`);
      contact
        .say(
          mentionsBot ? text.replace(`@${config.org.bot.name} `, `@${config.org.bot.name}\u2005`) : text,
          mentionsBot ? [bot] : [],
        )
        .to(room);
    },
    sayDirect(person, text) {
      const contact = contacts.get(person);
      if (!contact) throw new Error(`no ${person}`);
      contact.say(text).to(bot);
    },
    sendMedia(kind, person, options = {}) {
      const contact = contacts.get(person);
      const room = options.group ? rooms.get(options.group) : undefined;
      if (!contact || (options.group && !room)) throw new Error(`no ${person} or ${options.group}`);
      // Made as the mock's own say() makes them, with the kind set: say() types a PDF as unknown.
      const type = {
        image: types.Message.Image,
        video: types.Message.Video,
        file: types.Message.Attachment,
        location: types.Message.Location,
      }[kind];
      const id = randomUUID();
      if (options.box) mocker.cacheFileBoxPayload.set(id, options.box.toJSON());
      const base = { id, talkerId: contact.id, timestamp: Date.now(), type };
      const message = mocker.MessageMock.create(
        room ? { ...base, roomId: room.id, mentionIdList: [] } : { ...base, listenerId: bot.id },
      );
      mocker.puppet.emit("message", { messageId: message.id });
      return message.id;
    },
    async expectPost(to, fragments, from = 0) {
      try {
        return await waitFor(`a post to ${to} with ${fragments.join(" && ")}`, () =>
          posted.slice(from).find((p) => p.to === to && fragments.every((f) => p.text.includes(f))),
        );
      } catch (error) {
        const seen = posted.filter((p) => p.to === to).map((p) => p.text);
        throw new Error(`${(error as Error).message}\nposts to ${to}:\n${seen.join("\n---\n")}`);
      }
    },
    settle: () => test.app.idle(),
    async close() {
      await test.close();
    },
  };
  return world;
}
