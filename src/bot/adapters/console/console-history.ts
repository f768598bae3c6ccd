/**
 * The console's conversation history in the database, and the live feed of new messages to the
 * page. Bot messages are stored once per idempotency key, so a retried send never shows twice; a
 * card the bot updates later (an alert once acknowledged) takes the new state in place, as Feishu
 * edits its card.
 */
import { EventEmitter } from "node:events";
import type { Directory } from "../../core/directory.ts";
import type { Card, OutboundFile, OutboundMessage } from "../../core/message.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { type ConsoleMessageDto, cardText, storedFiles, toDto } from "./console-message.ts";
import { ConsoleWriter } from "./console-writer.ts";

export class ConsoleHistory {
  private readonly feed = new EventEmitter();
  private readonly writer: ConsoleWriter;

  constructor(
    private readonly prisma: DatabaseClient,
    private readonly directory: Directory,
    private readonly now: () => Date,
  ) {
    this.feed.setMaxListeners(0);
    this.writer = new ConsoleWriter(prisma);
  }

  /**
   * Stores what a person said; returns it as the page shows it. The same event id twice is
   * stored (and shown) once.
   */
  async addPersonMessage(
    chatId: string,
    senderId: string,
    text: string,
    mentions: string[],
    eventId: string,
    files: OutboundFile[] = [],
  ): Promise<ConsoleMessageDto> {
    const { row, created } = await this.writer.write({
      chatId,
      senderId,
      kind: "text",
      text,
      card: null,
      mentions,
      urgentTo: [],
      files,
      idempotencyKey: null,
      eventId,
      createdAt: this.now(),
    });
    const dto = toDto(row, this.directory);
    return created ? this.publish(dto) : dto;
  }

  /** Stores a bot message unless one with the same idempotency key is there already. */
  async addBotMessage(message: OutboundMessage): Promise<ConsoleMessageDto | null> {
    const card = message.card ?? null;
    const { row, created } = await this.writer.write({
      chatId: message.chatId,
      senderId: null,
      kind: card ? "card" : "text",
      text: message.text ?? (card ? cardText(card) : ""),
      card,
      mentions: message.mentions ?? [],
      urgentTo: message.urgentTo ?? [],
      files: message.files ?? [],
      idempotencyKey: message.idempotencyKey,
      eventId: null,
      createdAt: this.now(),
    });
    return created ? this.publish(toDto(row, this.directory)) : null;
  }

  /**
   * Puts `card` in place of the card sent under `idempotencyKey` and shows it live (same id, new
   * state); null when no such card is here.
   */
  async updateBotCard(idempotencyKey: string, card: Card): Promise<ConsoleMessageDto | null> {
    const { count } = await this.prisma.consoleMessage.updateMany({
      where: { idempotencyKey, kind: "card" },
      data: { card: card as object, text: cardText(card) },
    });
    if (count === 0) return null;
    const row = await this.prisma.consoleMessage.findUniqueOrThrow({ where: { idempotencyKey } });
    return this.publish(toDto(row, this.directory));
  }

  async list(chatId: string, afterId = 0, limit = 200): Promise<ConsoleMessageDto[]> {
    const rows = await this.prisma.consoleMessage.findMany({
      where: { chatId, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map((row) => toDto(row, this.directory));
  }

  /** A stored file of a message, with the chat it is in (whoever serves it checks the reader). */
  async file(messageId: number, index: number): Promise<{ chatId: string; file: OutboundFile } | null> {
    const row = await this.prisma.consoleMessage.findUnique({ where: { id: messageId } });
    const file = row ? storedFiles(row.files)[index] : undefined;
    return row && file ? { chatId: row.chatId, file } : null;
  }

  async find(id: number): Promise<ConsoleMessageDto | null> {
    const row = await this.prisma.consoleMessage.findUnique({ where: { id } });
    return row ? toDto(row, this.directory) : null;
  }

  /**
   * Calls `listener` with every new message, and with a card's new state (a message id already
   * seen); returns the unsubscribe function.
   */
  subscribe(listener: (message: ConsoleMessageDto) => void): () => void {
    this.feed.on("message", listener);
    return () => this.feed.off("message", listener);
  }

  private publish(message: ConsoleMessageDto): ConsoleMessageDto {
    this.feed.emit("message", message);
    return message;
  }
}
