/**
 * An optional CPU profile of one phase (BENCH_PROFILE=1), taken with the inspector so that set-up
 * and warm-up stay out of it. Open the .cpuprofile in Chrome DevTools, or summarise it with
 * `npx tsx bench/profile-summary.ts <file>`.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";

export async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  }
}
