/** Splits a long text into WeChat-sized messages between lines, never inside a line that fits. */

export function splitText(text: string, maxChars: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    for (const piece of cutLine(line, maxChars)) {
      const joined = current ? `${current}\n${piece}` : piece;
      if ([...joined].length <= maxChars) {
        current = joined;
        continue;
      }
      if (current) parts.push(current);
      current = piece;
    }
  }
  if (current || parts.length === 0) parts.push(current);
  return parts;
}

/** A line longer than a whole message has to be cut; anything shorter stays whole. */
function cutLine(line: string, maxChars: number): string[] {
  const chars = [...line];
  if (chars.length <= maxChars) return [line];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += maxChars) pieces.push(chars.slice(i, i + maxChars).join(""));
  return pieces;
}
