/**
 * The page's side of the Monte Carlo robustness analysis: posts the prepared model to the
 * robustness worker so the sliders stay responsive while 1 000 draws run, and resolves
 * with the result. Same worker creation as importClient.ts (Vite inlines the worker into the
 * single-file build).
 */
import { cancelledError, gradingGroups, RobustnessError, type RobustnessResult } from '../engine/robustness';
import type { ScoringModel } from '../engine/score';
import type { Scenario } from '../engine/types';
import type { RobustnessReply, RobustnessRequest } from '../../workers/robustness.worker';
// Inlined (a blob worker) so the single-file build also works opened from disk (file://).
import RobustnessWorker from '../../workers/robustness.worker.ts?worker&inline';

export type { RobustnessResult } from '../engine/robustness';

/** What runRobustness needs of a Worker (tests pass an in-process one). */
export interface RobustnessWorkerLike {
  postMessage(message: RobustnessRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<RobustnessReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface RunRobustnessOptions {
  samples: number;
  seed: number;
  /** boundary flag below this modal probability; default 0.8 */
  threshold?: number;
  /** forced distribution by team: `groupIndex(ds, model.staffIndex, 'team').group` */
  teamGroup?: Int32Array;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  createWorker?: () => RobustnessWorkerLike;
}

const moduleWorker = (): RobustnessWorkerLike => new RobustnessWorker() as unknown as RobustnessWorkerLike;

/**
 * Runs the Monte Carlo analysis in a worker. Rejects with RobustnessError: 'cancelled' when
 * `signal` aborts, 'infeasible'/'invalid' for a scenario that cannot be sampled, 'failed'
 * when the worker dies. The worker is terminated when the promise settles.
 * @example const r = await runRobustness(model, scenario, { samples: 1000, seed: 42, onProgress: (d, t) => bar.set(d / t), signal });
 */
export function runRobustness(model: ScoringModel, scenario: Scenario, opts: RunRobustnessOptions): Promise<RobustnessResult> {
  const { signal } = opts;
  if (signal?.aborted) return Promise.reject(cancelledError());
  let group: Int32Array;
  try {
    group = gradingGroups(model, scenario, opts.teamGroup);
  } catch (e) {
    return Promise.reject(e);
  }
  const worker = (opts.createWorker ?? moduleWorker)();
  return new Promise((resolve, reject) => {
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    };
    // Terminating at once (rather than waiting for the worker's own 'cancelled' reply) frees the core immediately.
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' });
      end();
      reject(cancelledError());
    };
    signal?.addEventListener('abort', onAbort);
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
      else if (m.type === 'result') { end(); resolve(m.result); }
      else { end(); reject(new RobustnessError(m.code, m.text.zh, m.text.en)); }
    };
    worker.onerror = (e) => {
      end();
      const detail = e.message || 'worker error';
      reject(new RobustnessError('failed', `稳健性分析意外停止（${detail}）。`, `The robustness analysis stopped unexpectedly (${detail}).`));
    };
    worker.postMessage({
      type: 'start', model, scenario, group, samples: opts.samples, seed: opts.seed, threshold: opts.threshold,
    });
  });
}
