/**
 * A session stored by an older version of its dialog is read in the dialog's current shape: its
 * `upgrade` runs once per read of an older row, and the session then carries the current version.
 */
import { describe, expect, it } from "vitest";
import { defineDialog } from "../../../../../src/bot/core/dialog/definition.ts";
import { upgradeSession } from "../../../../../src/bot/core/dialog/engine.ts";
import type { DialogSession } from "../../../../../src/bot/core/dialog/session-store.ts";

interface Data extends Record<string, unknown> {
  location: string;
  note: string | null;
}

/** Version 2 renamed the step and field `place` to `location`. */
const dialog = defineDialog<Data>({
  id: "test.upgrade",
  version: 2,
  upgrade: ({ version, stepId, data, history }) => {
    if (version >= 2) return { stepId, data, history };
    const { place, ...rest } = data;
    const renamed = (id: string) => (id === "place" ? "location" : id);
    return { stepId: renamed(stepId), data: { ...rest, location: place }, history: history.map(renamed) };
  },
  title: "测试",
  steps: [
    { id: "location", field: "location", label: "地点", prompt: "地点？" },
    { id: "note", field: "note", label: "备注", prompt: "备注？", optional: true },
  ],
  complete: async () => {},
});

function stored(
  version: number,
  stepId: string,
  data: Record<string, unknown>,
  history: string[],
): DialogSession {
  const at = new Date("2026-12-06T03:00:00.000Z");
  return {
    id: "s1",
    chatId: "dm:zhangsan",
    personId: "zhangsan",
    dialogId: dialog.id,
    version,
    stepId,
    data,
    history,
    platform: "console",
    startedAt: at,
    lastActiveAt: at,
    remindedAt: null,
    eventIds: ["console-1"],
  };
}

describe("upgradeSession", () => {
  it.each([
    ["stored before versions (0)", 0],
    ["stored by version 1", 1],
  ])("reads a session %s in today's shape, at the same step", (_what, version) => {
    const old = stored(version, "note", { place: "青山镇" }, ["place"]);
    expect(upgradeSession(dialog, old)).toEqual({
      ...old,
      version: 2,
      stepId: "note",
      data: { location: "青山镇" },
      history: ["location"],
    });
  });

  it("moves a session waiting on a renamed step to the step's new id", () => {
    expect(upgradeSession(dialog, stored(1, "place", {}, []))).toMatchObject({
      stepId: "location",
      version: 2,
    });
  });

  it.each([
    ["the current version", 2],
    ["a newer version (a deploy rolled back)", 3],
  ])("leaves a session of %s as it is", (_what, version) => {
    const session = stored(version, "note", { location: "青山镇" }, ["location"]);
    expect(upgradeSession(dialog, session)).toBe(session);
  });

  it("only stamps the version when the dialog has no upgrade (nothing stored changed)", () => {
    const plain = { ...dialog, upgrade: undefined };
    const session = stored(0, "note", { location: "青山镇" }, ["location"]);
    expect(upgradeSession(plain, session)).toEqual({ ...session, version: 2 });
  });
});
