/**
 * The console's conversation history in the database, and the live feed of new messages to the
 * page. Bot messages are stored once per idempotency key, so a retried send never shows twice.
 */
import { EventEmitter } from "node:events";
import type { Directory } from "../../core/directory.ts";
import type { OutboundMessage } from "../../core/message.ts";
import type { DatabaseClient } from "../../core/services.ts";
import { type ConsoleMessageDto, cardText, toDto } from "./console-message.ts";

export class ConsoleHistory {
  private readonly feed = new EventEmitter();

  constructor(
    private readonly prisma: DatabaseClient,
    private readonly directory: Directory,
    private readonly now: () => Date,
  ) {
    this.feed.setMaxListeners(0);
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
  ): Promise<ConsoleMessageDto> {
    const [row] = await this.prisma.consoleMessage.createManyAndReturn({
      data: [{ chatId, senderId, kind: "text", text, mentions, eventId, createdAt: this.now() }],
      skipDuplicates: true,
    });
    if (row) return this.publish(toDto(row, this.directory));
    const existing = await this.prisma.consoleMessage.findUniqueOrThrow({ where: { eventId } });
    return toDto(existing, this.directory);
  }

  /** Stores a bot message unless one with the same idempotency key is there already. */
  async addBotMessage(message: OutboundMessage): Promise<ConsoleMessageDto | null> {
    const card = message.card ?? null;
    const created = await this.prisma.consoleMessage.createManyAndReturn({
      data: [
        {
          chatId: message.chatId,
          senderId: null,
          kind: card ? "card" : "text",
          text: message.text ?? (card ? cardText(card) : ""),
          card: card ? (card as object) : undefined,
          mentions: message.mentions ?? [],
          urgentTo: message.urgentTo ?? [],
          idempotencyKey: message.idempotencyKey,
          createdAt: this.now(),
        },
      ],
      skipDuplicates: true,
    });
    const row = created[0];
    return row ? this.publish(toDto(row, this.directory)) : null;
  }

  async list(chatId: string, afterId = 0, limit = 200): Promise<ConsoleMessageDto[]> {
    const rows = await this.prisma.consoleMessage.findMany({
      where: { chatId, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map((row) => toDto(row, this.directory));
  }

  async find(id: number): Promise<ConsoleMessageDto | null> {
    const row = await this.prisma.consoleMessage.findUnique({ where: { id } });
    return row ? toDto(row, this.directory) : null;
  }

  /** Calls `listener` with every new message; returns the unsubscribe function. */
  subscribe(listener: (message: ConsoleMessageDto) => void): () => void {
    this.feed.on("message", listener);
    return () => this.feed.off("message", listener);
  }

  private publish(message: ConsoleMessageDto): ConsoleMessageDto {
    this.feed.emit("message", message);
    return message;
  }
}
