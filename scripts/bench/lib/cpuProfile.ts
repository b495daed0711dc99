/**
 * V8's sampling CPU profiler over one piece of page work, for a bench's diagnostics:
 * `const self = await cpuSelfTimes(cdp, () => drag(page))` gives the milliseconds of self time
 * per `function:line`, most first ('(idle)' included: leave it out where it is not wanted).
 */
import type { CDPSession } from 'playwright-core';

interface CpuNode { id: number; callFrame: { functionName: string; lineNumber: number }; children?: number[] }

/** Self time (ms) per `name:line` while `go` runs, sampled every 100 µs, sorted most first. */
export async function cpuSelfTimes(cdp: CDPSession, go: () => Promise<unknown>): Promise<[string, number][]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await go();
  const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: CpuNode[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]);
}
