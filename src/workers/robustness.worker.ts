/**
 * The Monte Carlo worker: a thin shell over `robustnessAsync`. The page posts the prepared
 * scoring model (plain typed arrays; posting copies them), the scenario and the grading
 * groups; the worker posts back progress and, at the end, the result with its typed arrays
 * transferred (the worker has no further use for them).
 */
import { RobustnessError, robustnessAsync, type RobustnessErrorCode, type RobustnessResult } from '../lib/engine/robustness';
import type { ScoringModel } from '../lib/engine/score';
import type { Scenario } from '../lib/engine/types';
import type { Text } from '../lib/i18n/text';

export type RobustnessRequest =
  | { type: 'start'; model: ScoringModel; scenario: Scenario; group: Int32Array; samples: number; seed: number; threshold?: number }
  | { type: 'cancel' };

export type RobustnessReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: RobustnessResult }
  | { type: 'error'; code: RobustnessErrorCode; text: Text };

/** The buffers of a result, for postMessage's transfer list. */
export function resultTransfer(r: RobustnessResult): ArrayBuffer[] {
  const views = [r.staffIndex, r.counts, r.current, r.modal, r.modalProbability, r.boundary, r.meanTotal];
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}

/**
 * The worker's message handler, separate from `self` so tests can drive it.
 * @example const handle = createRobustnessHandler((m, t) => self.postMessage(m, t ?? [])); self.onmessage = (e) => handle(e.data);
 */
export function createRobustnessHandler(
  post: (reply: RobustnessReply, transfer?: ArrayBuffer[]) => void,
): (msg: RobustnessRequest) => Promise<void> {
  let current: AbortController | null = null;
  return async (msg) => {
    if (msg.type === 'cancel') {
      current?.abort();
      return;
    }
    current?.abort();
    const ac = new AbortController();
    current = ac;
    try {
      const result = await robustnessAsync(msg.model, msg.scenario, msg.group, {
        samples: msg.samples, seed: msg.seed, threshold: msg.threshold, signal: ac.signal,
        onProgress: (done, total) => post({ type: 'progress', done, total }),
      });
      post({ type: 'result', result }, resultTransfer(result));
    } catch (e) {
      const err = e instanceof RobustnessError ? e
        : new RobustnessError('failed', `稳健性分析出错：${(e as Error)?.message ?? String(e)}`, `The robustness analysis failed: ${(e as Error)?.message ?? String(e)}`);
      post({ type: 'error', code: err.code, text: err.text });
    } finally {
      if (current === ac) current = null;
    }
  };
}

declare const WorkerGlobalScope: { new (): unknown } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createRobustnessHandler((reply, transfer) => scope.postMessage(reply, transfer ?? []));
  scope.onmessage = (e: MessageEvent<RobustnessRequest>) => { void handle(e.data); };
}
