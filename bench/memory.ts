/** Resident memory of this process (Node heap, native buffers and PGlite's WebAssembly memory). */

export interface MemoryFigures {
  /** Highest RSS sampled while the phase ran, in MiB. */
  peakRssMiB: number;
  /** process.memoryUsage() at that peak, in MiB: where the memory is (JS heap or buffers/WebAssembly). */
  atPeak: { heapUsedMiB: number; heapTotalMiB: number; externalMiB: number; arrayBuffersMiB: number };
  samples: number;
}

/** A part's highest RSS while it measured, for parts that measure no phase with withResources. */
export interface UnderLoad {
  peakRssMiB: number;
}

const MIB = 1024 * 1024;
const mib = (bytes: number) => Math.round(bytes / MIB);

/** Samples RSS every `intervalMs` until stopped. */
export function sampleRss(intervalMs = 100): { stop(): MemoryFigures } {
  let peak = process.memoryUsage();
  let samples = 1;
  const sample = () => {
    samples += 1;
    if (process.memoryUsage.rss() <= peak.rss) return;
    peak = process.memoryUsage();
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        peakRssMiB: mib(peak.rss),
        atPeak: {
          heapUsedMiB: mib(peak.heapUsed),
          heapTotalMiB: mib(peak.heapTotal),
          externalMiB: mib(peak.external),
          arrayBuffersMiB: mib(peak.arrayBuffers),
        },
        samples,
      };
    },
  };
}

/** The process's lifetime peak RSS as the kernel counts it, in MiB (includes start-up: PGlite's initdb and dump). */
export function lifetimePeakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
