/** What a person sees of a message the fake DingTalk received: its text, or its card as shown now. */
import type { FakeDingtalkServer, StoredMessage } from "./fake-dingtalk-server.ts";

export function buttonsOf(
  fake: FakeDingtalkServer,
  message: StoredMessage,
): { label: string; value: string }[] {
  if (message.msgKey !== "card") return [];
  const raw = fake.currentParams(message).buttons;
  return raw ? (JSON.parse(raw) as { label: string; value: string }[]) : [];
}

const plainMarkdown = (text: string) => text.replace(/\\([*_#`[\]])/g, "$1").replace(/\*\*/g, "");

export function viewText(fake: FakeDingtalkServer, message: StoredMessage): string {
  if (message.msgKey === "sampleText") return message.param.content ?? "";
  if (message.msgKey === "sampleMarkdown") return plainMarkdown(message.param.text ?? "");
  const params = fake.currentParams(message);
  return [
    params.title,
    plainMarkdown(params.markdown ?? ""),
    params.status,
    ...buttonsOf(fake, message).map((b) => b.label),
  ]
    .filter(Boolean)
    .join("\n");
}
