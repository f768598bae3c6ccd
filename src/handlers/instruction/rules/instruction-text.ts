/** What an instruction's text must be: something, and short enough to read on a phone and relay as one message. */
import { z } from "zod";
import { instructionMessages as M } from "../messages.ts";

/** The longest instruction accepted, in characters. */
export const MAX_INSTRUCTION_LENGTH = 1000;

/** Validates the text typed in the dialog or after `批示 <编号>`; its messages are what the leader reads. */
export const instructionTextSchema = z
  .string()
  .trim()
  .min(1, M.textEmpty)
  .max(MAX_INSTRUCTION_LENGTH, M.textTooLong(MAX_INSTRUCTION_LENGTH));
