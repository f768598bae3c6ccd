/**
 * The dialog session store on a real database, cache on (a process alone on its PGlite) and off
 * (processes sharing PostgreSQL). The idle job reads a session, then decides: an answer saved in
 * between must win, so its reminder and its expiry change nothing then.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DialogSession, DialogSessionStore } from "../../../../../src/bot/core/dialog/session-store.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { openTestDatabase } from "../../../../support/database.ts";

let database: Database;

beforeEach(async () => {
  database = await openTestDatabase();
});

afterEach(async () => {
  await database.close();
});

const T0 = new Date("2026-11-26T08:00:00.000Z");
const T1 = new Date("2026-11-26T08:40:00.000Z");

function session(): DialogSession {
  return {
    id: "s1",
    chatId: "dm:zhangsan",
    personId: "zhangsan",
    dialogId: "profile",
    version: 1,
    stepId: "phone",
    data: {},
    history: [],
    platform: "console",
    startedAt: T0,
    lastActiveAt: T0,
    remindedAt: null,
    eventIds: [],
  };
}

describe.each([
  { cache: true, who: "a process alone on its database" },
  { cache: false, who: "processes sharing the database" },
])("DialogSessionStore, $who", ({ cache }) => {
  it("leaves a session answered after the idle job read it: no reminder mark, no expiry", async () => {
    const store = new DialogSessionStore(database.prisma, cache);
    await store.start(session());
    const readByJob = await store.findById("s1");
    if (!readByJob) throw new Error("session not stored");

    await store.find("dm:zhangsan", "zhangsan");
    const answered = { ...session(), stepId: "title", data: { phone: "13912345678" }, history: ["phone"] };
    expect(await store.save({ ...answered, lastActiveAt: T1 })).toBe(true);

    expect(await store.markReminded(readByJob, T1)).toBe(false);
    expect(await store.expire(readByJob)).toBe(false);
    const now = await store.find("dm:zhangsan", "zhangsan");
    expect(now).toMatchObject({ stepId: "title", data: { phone: "13912345678" }, remindedAt: null });
    expect(await database.prisma.dialogSession.count()).toBe(1);
  });

  it("reminds and then expires a session nobody touched", async () => {
    const store = new DialogSessionStore(database.prisma, cache);
    await store.start(session());
    await store.find("dm:zhangsan", "zhangsan");
    const readByJob = await store.findById("s1");
    if (!readByJob) throw new Error("session not stored");

    expect(await store.markReminded(readByJob, T1)).toBe(true);
    expect((await store.find("dm:zhangsan", "zhangsan"))?.remindedAt).toEqual(T1);
    expect(await store.expire(readByJob)).toBe(true);
    expect(await store.find("dm:zhangsan", "zhangsan")).toBeNull();
    expect(await store.expire(readByJob)).toBe(false);
  });

  it(cache ? "remembers sessions" : "reads every session from the database", async () => {
    const store = new DialogSessionStore(database.prisma, cache);
    await store.start(session());
    // Another process moves the dialog on behind this store's back.
    await database.prisma.dialogSession.update({ where: { id: "s1" }, data: { stepId: "title" } });
    expect((await store.find("dm:zhangsan", "zhangsan"))?.stepId).toBe(cache ? "phone" : "title");
  });

  it("stores the dialog's version beside the data; a row stored before versions reads as version 0", async () => {
    const store = new DialogSessionStore(database.prisma, cache);
    await store.start({ ...session(), data: { phone: "13912345678" } });
    const row = await database.prisma.dialogSession.findUniqueOrThrow({ where: { id: "s1" } });
    expect(row.data).toEqual({ phone: "13912345678", "@version": 1 });
    expect(await store.save({ ...session(), version: 2, lastActiveAt: T1 })).toBe(true);
    expect((await database.prisma.dialogSession.findUniqueOrThrow({ where: { id: "s1" } })).data).toEqual({
      "@version": 2,
    });

    // As an older deploy left it: no version in the data.
    await database.prisma.dialogSession.update({
      where: { id: "s1" },
      data: { data: { phone: "13912345678" } },
    });
    const old = await new DialogSessionStore(database.prisma, cache).findById("s1");
    expect(old).toMatchObject({ version: 0, stepId: "phone", data: { phone: "13912345678" } });
  });
});
