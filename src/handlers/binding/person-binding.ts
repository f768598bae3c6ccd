/**
 * A platform account nobody knows, bound to a person of the org file: the account asks with
 * `绑定 张三`; the duty office gets a one-time code and hands it over only after checking it is
 * really 张三 (phone, in person); the account answers `确认码 123456` and the binding is stored.
 * Nobody is trusted just because of a nickname. In a group, only an @-message or one from an
 * account waiting for its code is answered.
 */
import { randomInt } from "node:crypto";
import type { BotServices } from "../../bot/core/services.ts";
import type { UnboundPersonEvent } from "../../bot/core/unbound.ts";
import { bindingMessages as M } from "./messages.ts";

const CODE_TTL_MS = 30 * 60_000;

export async function bindPerson(services: BotServices, event: UnboundPersonEvent): Promise<void> {
  const { requests } = event.binder;
  if (!event.addressed && (await requests.get(event.platform, event.accountId)) === null) return;
  await event.reply(await answer(services, event), "bind");
}

async function answer(services: BotServices, event: UnboundPersonEvent): Promise<string> {
  const ask = /^绑定\s*(\S+)$/.exec(event.text);
  if (ask) return request(services, event, ask[1] as string);
  const confirm = /^确认码\s*(\d{6})$/.exec(event.text);
  if (confirm) return confirmCode(services, event, confirm[1] as string);
  return M.askToBind(event.nickname);
}

async function request(services: BotServices, event: UnboundPersonEvent, name: string): Promise<string> {
  const { directory } = services;
  const person = directory.person(name);
  if (!person) return M.personUnknownName(name);
  const code = String(randomInt(100_000, 1_000_000));
  const now = services.clock.now().getTime();
  await event.binder.requests.put(
    event.platform,
    event.accountId,
    { personId: person.id, code },
    CODE_TTL_MS,
  );
  await notifyDuty(
    services,
    M.personDutyNotice(
      event.nickname,
      person.name,
      directory.unitName(person.unit),
      code,
      CODE_TTL_MS / 60_000,
    ),
    `${event.platform}-bind-${event.accountId}-${now}`,
  );
  return M.personRequested(person.name);
}

async function confirmCode(services: BotServices, event: UnboundPersonEvent, code: string): Promise<string> {
  const { platform, accountId, binder } = event;
  const pending = await binder.requests.get(platform, accountId);
  const now = services.clock.now();
  if (!pending || pending.code !== code) return M.personWrongCode;
  const person = services.directory.person(pending.personId);
  if (!person) return M.personWrongCode;
  await binder.requests.remove(platform, accountId);
  if ((await binder.bindPerson(accountId, person.id, "duty-code", now)) === "taken")
    return M.personTaken(person.name);
  await notifyDuty(
    services,
    M.personBoundDuty(event.nickname, person.name),
    `${platform}-bound-${accountId}-${now.getTime()}`,
  );
  return M.personBound(person.name);
}

/** Tells the duty office through the Messenger, so every platform's duty chat sees it. */
async function notifyDuty(services: BotServices, text: string, key: string): Promise<void> {
  const dutyChatId = services.directory.dutyChatId();
  if (dutyChatId) await services.messenger.send({ chatId: dutyChatId, text, idempotencyKey: key });
}
