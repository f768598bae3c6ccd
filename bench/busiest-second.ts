/**
 * How many calls the platform received within any one second (a sliding 1,000 ms window over the
 * times the fake server stored them), over all and per chat: the limits held where Feishu counts,
 * not only where the bot took its slots.
 */
export interface BusiestSecond {
  app: number;
  chat: number;
}

export function busiestSecond(calls: readonly { at: number; receiveId: string }[]): BusiestSecond {
  const byChat = new Map<string, number[]>();
  for (const call of calls) byChat.set(call.receiveId, [...(byChat.get(call.receiveId) ?? []), call.at]);
  return {
    app: mostWithinASecond(calls.map((c) => c.at)),
    chat: Math.max(0, ...[...byChat.values()].map(mostWithinASecond)),
  };
}

function mostWithinASecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
