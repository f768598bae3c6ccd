import { describe, expect, it } from "vitest";
import { splitNumber } from "../../../../../src/handlers/incident/follow-up/choose-incident.ts";

describe("续报 / 终报 arguments", () => {
  it.each([
    ["", "", ""],
    ["2026-0042", "2026-0042", ""],
    ["42", "42", ""],
    ["2026-0042 伤员已转院", "2026-0042", "伤员已转院"],
    ["伤员已转院", "", "伤员已转院"],
    ["3人受伤，已送医", "", "3人受伤，已送医"],
    ["2026-0042  道路 已恢复通行", "2026-0042", "道路 已恢复通行"],
  ])("reads %j as number %j and text %j", (args, numberText, text) => {
    expect(splitNumber(args)).toEqual({ numberText, text });
  });
});
