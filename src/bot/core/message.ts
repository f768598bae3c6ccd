/**
 * The neutral message model: every platform adapter turns its events into an {@link InboundEvent}
 * and renders an {@link OutboundMessage} its own way, so handlers never see a platform.
 */

/** A button on a card; `action` is what comes back in {@link InboundEvent.action} when it is pressed. */
export interface CardButton {
  label: string;
  action: string;
  /**
   * Drawn as the filled, default-looking button: only for what the bot suggests (a dialog's
   * suggested choice); without it every button looks alike, so nothing reads as pre-chosen.
   */
  primary?: boolean;
}

export interface CardField {
  label: string;
  value: string;
}

/** One named row of numbers in a chart, one value per category. */
export interface ChartSeries {
  name: string;
  /** One per category; null where there is nothing to show (no bar, no point). */
  values: (number | null)[];
}

/**
 * A chart people would rather look at than read (on-time rate per unit, incidents per day), kept
 * neutral: Feishu draws it as a native card chart, the console as SVG, WeChat gets a rendered PNG.
 * The card's fields still carry the same numbers as text for platforms that show no chart.
 */
export interface Chart {
  kind: "bar" | "line";
  title: string;
  /** The x axis: unit names, days. */
  categories: string[];
  series: ChartSeries[];
  /** Written after each value, e.g. `%`. */
  unit?: string;
}

/** A box to type in on a form card. */
export interface FormTextInput {
  kind: "text";
  /** The key the typed value comes back under. */
  name: string;
  label: string;
  placeholder?: string;
  required?: boolean;
  /** Several lines (what happened, measures taken). */
  multiline?: boolean;
  /** What the box holds already (from an earlier answer or a rejected submit). */
  initial?: string;
}

/** A drop-down on a form card; the chosen option's `value` comes back under `name`. */
export interface FormSelect {
  kind: "select";
  name: string;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
  /** The value chosen already. */
  initial?: string;
}

export type FormField = FormTextInput | FormSelect;

/**
 * All the questions of a dialog on one screen, sent back at once: where a platform has forms
 * (Feishu), pressing `submit` comes back as an action whose `form` holds every field by name.
 * Platforms without forms ignore it and show the card's title, fields and buttons.
 */
export interface CardForm {
  fields: FormField[];
  submit: CardButton;
}

/** A structured message: buttons where the platform has them, numbered replies where it does not. */
export interface Card {
  title: string;
  /** Colour hint for platforms that colour headers (grades: red, orange, yellow, blue). */
  tone?: "red" | "orange" | "yellow" | "blue" | "grey";
  fields: CardField[];
  buttons: CardButton[];
  /** A line under the fields. */
  note?: string;
  /**
   * What to type instead of pressing the buttons (`可回复「已阅 2026-0001」…`), for a platform that can
   * show the buttons neither as buttons nor as reply codes; the others leave it out.
   */
  typedReplies?: string;
  /** A chart drawn under the fields. */
  chart?: Chart;
  /** Inputs filled in on the card and submitted together (see {@link CardForm}). */
  form?: CardForm;
}

/**
 * A photo, short video or other file a person sent, already downloaded by the adapter into the
 * {@link FileStore} (see ports.ts). Handlers keep the `fileKey`, never the bytes.
 */
export interface InboundAttachment {
  kind: "image" | "video" | "file";
  /** Where the bytes are in the FileStore; null when they were not stored (see `refused`). */
  fileKey: string | null;
  /** The file name as sent, or one the adapter made up (`图片.jpg`). */
  name: string;
  mimeType: string;
  /** Bytes; for a refused file, as far as it is known (0 when unknown). */
  size: number;
  /** Hex SHA-256 of the bytes, as {@link FileStore.put} returned it (absent when not stored). */
  sha256?: string;
  /** Why the adapter did not store it: over the file store's byte limit. The capability answers. */
  refused?: "too-large";
}

/** A place a person shared from their phone (Feishu `location`, a WeChat location share). */
export interface SharedLocation {
  /** The place's name as the platform gives it (青山镇中心小学). */
  name: string;
  address?: string;
  latitude: number;
  longitude: number;
}

/** A stored file the bot sends along with a message (现场图片 forwarded to the alert chats). */
export interface OutboundFile {
  kind: "image" | "video" | "file";
  fileKey: string;
  name: string;
  mimeType: string;
}

/** Something a person did towards the bot, in a platform-neutral form. */
export interface InboundEvent {
  platform: string;
  /** The platform's own id for this event; a redelivery carries the same id. */
  eventId: string;
  /** Org-file id of the chat (a group id, or `dm:<personId>` for a one-to-one chat). */
  chatId: string;
  /** Org-file id of the person, or null when the platform user is not in the org file. */
  senderId: string | null;
  /** How the platform named the sender, for a reply to someone unknown. */
  senderName?: string;
  text: string;
  /** Org-file ids of people mentioned; `bot` when the bot itself was mentioned. */
  mentions: string[];
  /**
   * A pressed button: the button's action and the message it was on; `form` holds the fields of a
   * submitted form card (field name → value) on platforms with forms.
   */
  action?: { value: string; messageId?: string; form?: Record<string, string> };
  /** Photos, videos and files sent with (or as) this message; `text` is then often empty. */
  attachments?: InboundAttachment[];
  /** A shared location; `text` is then empty. */
  location?: SharedLocation;
  receivedAt: Date;
}

/** Urgent delivery channels: in-app (free), SMS and phone (paid by the tenant). */
export type UrgentChannel = "app" | "sms" | "phone";

/** What the bot says. `idempotencyKey` makes a retried send land once. */
export interface OutboundMessage {
  chatId: string;
  text?: string;
  card?: Card;
  /** Org-file ids of people to @-mention. */
  mentions?: string[];
  /** Org-file ids of people this message is sent to as urgent (加急). */
  urgentTo?: string[];
  /**
   * Paid urgent channels besides the in-app one, where the platform has them (Feishu: SMS, phone);
   * the policy decides, since they spend the tenant's quota.
   */
  urgentChannels?: UrgentChannel[];
  idempotencyKey: string;
  /**
   * The new state of a card sent earlier under this idempotency key (an alert once acknowledged):
   * platforms that can edit a sent message edit it in place; the others skip the message, so it
   * must come with a plain notice of what changed.
   */
  updateOf?: string;
  /**
   * A form card offered besides a text way of doing the same thing (the one-page 首报 beside the
   * step-by-step dialog): platforms that can show forms send it, the others skip the message.
   */
  formOnly?: boolean;
  /**
   * Stored files sent after the text or card, in order (images as pictures, the rest as files);
   * a platform that cannot send one sends its name instead.
   */
  files?: OutboundFile[];
}

/** Prefix of one-to-one chat ids: `dm:<personId>`. */
export const DIRECT_CHAT_PREFIX = "dm:";

export function directChatId(personId: string): string {
  return `${DIRECT_CHAT_PREFIX}${personId}`;
}

export function isDirectChat(chatId: string): boolean {
  return chatId.startsWith(DIRECT_CHAT_PREFIX);
}

/** The person of a one-to-one chat id (`dm:zhangsan` → `zhangsan`). */
export function personOfDirectChat(chatId: string): string {
  return chatId.slice(DIRECT_CHAT_PREFIX.length);
}

/** Whether an event is said to the bot: in a one-to-one chat, or @-mentioning it in a group. */
export function isSaidToBot(event: Pick<InboundEvent, "chatId" | "mentions">): boolean {
  return isDirectChat(event.chatId) || event.mentions.includes("bot");
}
