/**
 * What a simulated person types in the 登记 dialog, one message at a time, and what the bot's first
 * answer to each must look like. Every fourth round adds a wrong phone number and uses 跳过, so
 * validation and skipping are exercised too; every round ends with a confirmed profile.
 */
import { dialogMessages } from "../src/bot/core/dialog/messages.ts";
import { profileMessages } from "../src/handlers/profile/messages.ts";
import type { BenchPerson } from "./synthetic-office.ts";

export interface ScriptLine {
  text: string;
  /** Whether the first reply is the one this line should get. */
  expect: (firstReply: string) => boolean;
  /** This line completes a round (the profile is saved). */
  completes?: boolean;
}

const startsWith = (fragment: string) => (reply: string) => reply.startsWith(fragment);
const includes = (fragment: string) => (reply: string) => reply.includes(fragment);

const askPhone = startsWith("请输入您的手机号");
const askTitle = startsWith("您的职务是？");
const askNight = startsWith(profileMessages.nightPrompt);
const summary = startsWith(dialogMessages.summaryTitle(profileMessages.dialogTitle));
const saved = includes("您的信息已登记");
const phoneInvalid = includes(profileMessages.phoneInvalid);

export function profileRound(person: BenchPerson, round: number): ScriptLine[] {
  const phone = `13${String(700_000_000 + round * 997 + person.id.length).slice(0, 9)}`;
  if (round % 4 === 3) {
    return [
      { text: "/登记", expect: askPhone },
      { text: "12345", expect: phoneInvalid },
      { text: person.hasPhone ? "跳过" : phone, expect: askTitle },
      { text: "跳过", expect: askNight },
      { text: "2", expect: summary },
      { text: "确认", expect: saved, completes: true },
    ];
  }
  return [
    { text: "/登记", expect: askPhone },
    { text: phone, expect: askTitle },
    { text: `科员${round % 10}`, expect: askNight },
    { text: "1", expect: summary },
    { text: "确认登记", expect: saved, completes: true },
  ];
}

/** Where one person is in their rounds of the dialog. */
export class PersonScript {
  private round = 0;
  private line = 0;
  private lines: ScriptLine[];

  constructor(readonly person: BenchPerson) {
    this.lines = profileRound(person, 0);
  }

  current(): ScriptLine {
    return this.lines[this.line] as ScriptLine;
  }

  /** Moves to the next line; true when the round just ended. */
  advance(): boolean {
    this.line += 1;
    if (this.line < this.lines.length) return false;
    this.round += 1;
    this.line = 0;
    this.lines = profileRound(this.person, this.round);
    return true;
  }
}
