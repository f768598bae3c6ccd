/** Delivers bot messages into the console's history: every org chat is a console chat. */
import type { Directory } from "../../core/directory.ts";
import type { OutboundMessage } from "../../core/message.ts";
import { type MessageSink, PermanentDeliveryError } from "../../core/message-sink.ts";
import type { ConsoleHistory } from "./console-history.ts";

export class ConsoleSink implements MessageSink {
  readonly name = "console";

  constructor(
    private readonly history: ConsoleHistory,
    private readonly directory: Directory,
  ) {}

  serves(chatId: string): boolean {
    return this.directory.chat(chatId) !== undefined;
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (!this.serves(message.chatId))
      throw new PermanentDeliveryError(`控制台没有这个会话：${message.chatId}`);
    if (message.updateOf) {
      // The card's new state in place of the one sent, as Feishu edits it.
      if (message.card) await this.history.updateBotCard(message.updateOf, message.card);
      return;
    }
    await this.history.addBotMessage(message);
  }
}
