import { describe, expect, it } from 'vitest';
import { deriveMetrics } from '../engine/metrics';
import { parsePeriod } from '../engine/periods';
import { presetScenario } from '../engine/presets';
import { gradingGroups, robustness } from '../engine/robustness';
import { prepareScoring } from '../engine/score';
import { metricsDataset } from '../engine/metricsDataset.testkit';
import { createRobustnessHandler, type RobustnessReply, type RobustnessRequest } from '../../workers/robustness.worker';
import { runRobustness, type RobustnessWorkerLike } from './robustnessClient';

/** The worker's handler in this process, with messages cloned as postMessage would. */
function inProcessWorker(log: RobustnessRequest['type'][] = []) {
  const w: RobustnessWorkerLike & { terminated: boolean } = {
    onmessage: null, onerror: null, terminated: false,
    postMessage(msg) {
      log.push(msg.type);
      void handle(structuredClone(msg));
    },
    terminate() { w.terminated = true; },
  };
  const handle = createRobustnessHandler((reply: RobustnessReply) => {
    const copy = structuredClone(reply);
    setTimeout(() => { if (!w.terminated) w.onmessage?.({ data: copy } as MessageEvent<RobustnessReply>); }, 0);
  });
  return w;
}

function setup() {
  const scenario = presetScenario('standard');
  const ds = metricsDataset(25);
  const model = prepareScoring(ds, deriveMetrics(ds, parsePeriod('2026Q1'), scenario), scenario);
  return { scenario, model };
}

describe('runRobustness', () => {
  it('runs in the worker, reports progress and resolves with the same result as the engine', async () => {
    const { scenario, model } = setup();
    const worker = inProcessWorker();
    const progress: number[] = [];
    const r = await runRobustness(model, scenario, {
      samples: 60, seed: 4, createWorker: () => worker, onProgress: (done) => progress.push(done),
    });
    const direct = robustness(model, scenario, gradingGroups(model, scenario), { samples: 60, seed: 4 });
    expect(Array.from(r.counts)).toEqual(Array.from(direct.counts));
    expect(r.boundaryCount).toBe(direct.boundaryCount);
    expect(progress.at(-1)).toBe(60);
    expect(worker.terminated).toBe(true);
  });

  it('cancels: sends cancel, terminates the worker and rejects with a bilingual message', async () => {
    const { scenario, model } = setup();
    const log: RobustnessRequest['type'][] = [];
    const worker = inProcessWorker(log);
    const ac = new AbortController();
    const p = runRobustness(model, scenario, {
      samples: 100_000, seed: 4, signal: ac.signal, createWorker: () => worker, onProgress: () => ac.abort(),
    });
    await expect(p).rejects.toMatchObject({ code: 'cancelled', text: { zh: '稳健性分析已取消。' } });
    expect(log).toEqual(['start', 'cancel']);
    expect(worker.terminated).toBe(true);
  });

  it('passes the engine\'s refusal through and never starts a worker for an already aborted signal', async () => {
    const { scenario, model } = setup();
    const bad = structuredClone(scenario);
    bad.indicators.find((i) => i.id === 'sales_satisfaction')!.weight = 60;
    await expect(runRobustness(model, bad, { samples: 5, seed: 1, createWorker: () => inProcessWorker() }))
      .rejects.toMatchObject({ code: 'infeasible' });
    let created = 0;
    const ac = new AbortController();
    ac.abort();
    await expect(runRobustness(model, scenario, { samples: 5, seed: 1, signal: ac.signal, createWorker: () => { created++; return inProcessWorker(); } }))
      .rejects.toMatchObject({ code: 'cancelled' });
    expect(created).toBe(0);
  });

  it('rejects with "failed" when the worker dies', async () => {
    const { scenario, model } = setup();
    const dead: RobustnessWorkerLike = {
      onmessage: null, onerror: null, terminate() {},
      postMessage() { setTimeout(() => dead.onerror?.({ message: 'out of memory' } as ErrorEvent), 0); },
    };
    await expect(runRobustness(model, scenario, { samples: 5, seed: 1, createWorker: () => dead }))
      .rejects.toMatchObject({ code: 'failed', text: { en: expect.stringContaining('out of memory') } });
  });
});
