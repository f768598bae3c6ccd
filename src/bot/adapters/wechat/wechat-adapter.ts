/**
 * WeChat through wechaty: the puppet is chosen by the caller (wechat4u, puppet-service, or the
 * mock in tests); the login session is kept in a memory card under the data folder, so a restart
 * needs no new scan; the QR code is printed in the terminal and served to the console page; a
 * logout or an error is logged and reported to the duty office through the Messenger.
 */

import type { Logger } from "pino";
import QRCode from "qrcode";
import qrTerminal from "qrcode-terminal";
import { WechatyBuilder } from "wechaty";
import type { ContactInterface, WechatyInterface } from "wechaty/impls";
import type { BindingRequestStore } from "../../core/binding-request-store.ts";
import type { PlatformAdapter, PlatformContext, PlatformRoutes } from "../../core/platform-adapter.ts";
import { openUrgentTracks, recordReply } from "../common/urgent-record.ts";
import { UrgentRepeater, type UrgentSettings } from "../common/urgent-repeater.ts";
import { LoginTracker } from "./login-status.ts";
import { Pacer, type PaceSettings } from "./pacer.ts";
import type { ReplyCodeStore } from "./reply-codes.ts";
import { PLATFORM, WechatIdentity } from "./wechat-identity.ts";
import { WechatInbound } from "./wechat-inbound.ts";
import { WechatSink } from "./wechat-sink.ts";
import { wechatTexts as T } from "./wechat-texts.ts";

/** The WeChat part of the policy, in the adapter's own terms (the app maps the policy file to it). */
export interface WechatSettings {
  pace: PaceSettings;
  urgent: UrgentSettings;
  maxMessageChars: number;
  groupWords: string[];
}

type PuppetOption = Parameters<typeof WechatyBuilder.build>[0];

export interface WechatAdapterOptions {
  /** `{ puppet: 'wechaty-puppet-wechat4u' }`, `{ puppet: 'wechaty-puppet-service', puppetOptions }`, or an instance. */
  puppet: NonNullable<PuppetOption>;
  replyCodes: ReplyCodeStore;
  bindingRequests: BindingRequestStore;
  /** The pace, urgent repetition, message length and group words (the app maps the policy file to them). */
  settings: WechatSettings;
  log: Logger;
  /** How long a message is held to restore the order of its conversation. */
  reorderHoldMs?: number;
  /** Print the login QR code in the terminal (off in tests). */
  printQrCode?: boolean;
  /** Releases what the caller opened for this adapter (its Redis connection). */
  onClose?: () => Promise<void>;
}

/** How often at most a WeChat error is reported to the duty office. */
const ERROR_REPORT_GAP_MS = 10 * 60_000;

export class WechatAdapter implements PlatformAdapter {
  readonly name = "wechat";
  readonly sink: WechatSink;
  readonly login = new LoginTracker();
  private bot?: WechatyInterface;
  private inbound?: WechatInbound;
  private repeater?: UrgentRepeater;
  private lastErrorReport = 0;

  constructor(private readonly options: WechatAdapterOptions) {
    this.sink = new WechatSink(options.replyCodes);
  }

  registerRoutes(routes: PlatformRoutes): void {
    const status = async () => {
      const current = this.login.current();
      const qrSvg = current.qrcode
        ? await QRCode.toString(current.qrcode, { type: "svg", margin: 1 })
        : undefined;
      return { status: 200, body: { ...current, qrSvg } };
    };
    routes.console.get("/api/wechat/status", status);
    // The console page asks here; without WeChat a static file of the same name says "off".
    routes.console.get("/wechat-status.json", status);
  }

  async start(context: PlatformContext): Promise<void> {
    const { services } = context;
    const { directory, database, messenger, clock } = services;
    const log = this.options.log.child({ platform: "wechat" });
    const { settings } = this.options;
    const bot = WechatyBuilder.build(this.options.puppet);
    this.bot = bot;
    const identity = new WechatIdentity(directory, database);
    await identity.loadBindings();
    const pacer = new Pacer(settings.pace);
    const repeater = new UrgentRepeater(settings.urgent, {
      repeat: (repetition) => this.sink.repeat(repetition),
      onReplied: (key, personId) => recordReply(database, PLATFORM, key, personId),
      onError: (error) => log.error({ err: error }, "urgent repetition failed"),
      now: () => clock.now().getTime(),
    });
    this.repeater = repeater;
    const codeLabels = new Set<string>();
    this.sink.attach({
      bot,
      directory,
      identity,
      prisma: database,
      files: context.files,
      pacer,
      repeater,
      codeLabels,
      maxMessageChars: settings.maxMessageChars,
      now: () => clock.now(),
    });
    const dutyChatId = directory.dutyChatId();
    const notifyDuty = async (text: string, key: string) => {
      if (dutyChatId) await messenger.send({ chatId: dutyChatId, text, idempotencyKey: key });
    };
    const sayDirect = async (contact: ContactInterface, text: string) => {
      await pacer.wait(contact.id);
      await contact.say(text);
    };
    this.inbound = new WechatInbound({
      bot,
      directory,
      identity,
      dialogs: context.dialogs,
      files: context.files,
      messenger,
      replyCodes: this.options.replyCodes,
      bindingRequests: this.options.bindingRequests,
      repeater,
      groupWords: settings.groupWords,
      codeLabels,
      log,
      handle: context.handle,
      handleUnbound: context.handleUnbound,
      sayDirect,
      holdMs: this.options.reorderHoldMs ?? 800,
    });
    const inbound = this.inbound;

    this.watchLogin(bot, log, notifyDuty, () => clock.now().getTime());
    bot.on("message", (message) => inbound.receive(message));
    // Urgent messages of before a restart go on being repeated to those still silent.
    for (const track of await openUrgentTracks(database, PLATFORM, settings.urgent, clock.now()))
      repeater.track(track);
    await bot.start();
  }

  /** Login, logout and errors: kept for the console page, logged, and reported to the duty office. */
  private watchLogin(
    bot: WechatyInterface,
    log: Logger,
    notifyDuty: (text: string, key: string) => Promise<void>,
    now: () => number,
  ): void {
    bot.on("scan", (qrcode, status) => {
      log.info({ status }, "wechat login: waiting for a scan");
      if (!qrcode) return;
      this.login.scan(qrcode);
      if (!this.options.printQrCode) return;
      qrTerminal.generate(qrcode, { small: true });
      log.info(`请用机器人的微信扫描上面的二维码登录（也可在网页控制台扫码）：${qrcode}`);
    });
    bot.on("login", (user) => {
      log.info({ user: user.name() }, "wechat logged in");
      this.login.loggedIn(user.name());
    });
    bot.on("logout", (user, reason) => {
      log.warn({ user: user.name(), reason }, "wechat logged out");
      this.login.loggedOut(user.name());
      notifyDuty(T.loggedOut(user.name()), `wechat-logout-${now()}`).catch((error) =>
        log.error({ err: error }, "could not report the logout"),
      );
    });
    bot.on("error", (error) => {
      log.error({ err: error }, "wechat error");
      const at = now();
      if (at - this.lastErrorReport < ERROR_REPORT_GAP_MS) return;
      this.lastErrorReport = at;
      notifyDuty(T.loginError(String(error.message ?? error).slice(0, 100)), `wechat-error-${at}`).catch(
        (sendError) => log.error({ err: sendError }, "could not report the error"),
      );
    });
  }

  /** Resolves when every received message has been handed on and handled. */
  async idle(): Promise<void> {
    await this.inbound?.idle();
  }

  async close(): Promise<void> {
    this.repeater?.close();
    await this.inbound?.flush();
    this.sink.attach(undefined);
    await this.bot?.stop();
    await this.options.onClose?.();
  }
}
