/**
 * WeChat bindings both ways (real database): a person bound to one contact is refused another, a
 * contact bound anew leaves the person it stood for, and a restart finds the same bindings.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WechatIdentity } from "../../../../../src/bot/adapters/wechat/wechat-identity.ts";
import { Directory } from "../../../../../src/bot/core/directory.ts";
import type { Database } from "../../../../../src/store/database.ts";
import { sampleConfig } from "../../../../support/app.ts";
import { openTestDatabase } from "../../../../support/database.ts";

const directory = new Directory((await sampleConfig()).org);
const AT = new Date("2026-03-02T01:00:00Z");
let database: Database;

beforeEach(async () => {
  database = await openTestDatabase();
}, 60_000);

afterEach(async () => {
  await database?.close();
});

describe("WechatIdentity bindings", () => {
  it("refuses a second contact for a bound person, and frees a person whose contact is bound anew", async () => {
    const identity = new WechatIdentity(directory, database.prisma);
    // The sample org file gives nobody a WeChat name: a one-to-one chat is served only once bound.
    expect(identity.servesChat("dm:zhangsan")).toBe(false);

    expect(await identity.bind("wx-1", "zhangsan", "wu-zhuren", AT)).toBe(true);
    expect(identity.servesChat("dm:zhangsan")).toBe(true);
    expect(await identity.bind("wx-2", "zhangsan", "wu-zhuren", AT)).toBe(false);
    expect(await identity.bind("wx-1", "zhangsan", "wu-zhuren", AT)).toBe(true);

    expect(await identity.bind("wx-1", "lisi", "wu-zhuren", AT)).toBe(true);
    expect(identity.servesChat("dm:lisi")).toBe(true);
    expect(identity.servesChat("dm:zhangsan")).toBe(false);
    expect(await identity.bind("wx-2", "zhangsan", "wu-zhuren", AT)).toBe(true);
  });

  it("finds the same bindings after a restart", async () => {
    const before = new WechatIdentity(directory, database.prisma);
    await before.bind("wx-1", "zhangsan", "wu-zhuren", AT);
    await before.bind("wx-2", "lisi", "wu-zhuren", AT);

    const after = new WechatIdentity(directory, database.prisma);
    await after.loadBindings();
    expect(after.servesChat("dm:zhangsan")).toBe(true);
    expect(after.servesChat("dm:lisi")).toBe(true);
    expect(after.servesChat("dm:wangwu")).toBe(false);
    expect(await after.bind("wx-3", "lisi", "wu-zhuren", AT)).toBe(false);
  });
});
