/**
 * The demo data worker: generates the built-in demo data set (`generateDemoFiles`) off the
 * page, so the generator's code is not part of the script every page load runs (it sits in
 * the single file as this worker's string and is compiled only when the demo is loaded).
 * Request: `{ seed?: number }`; reply: `{ files }` or `{ error }`.
 */
import { generateDemoFiles, type DemoFile } from '../lib/demo/generate';

export type DemoReply = { files: DemoFile[] } | { error: string };

/** The handler, apart from `self` so a test can drive it. */
export function demoReply(request: { seed?: number } | undefined): DemoReply {
  try {
    return { files: generateDemoFiles(request?.seed) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<{ seed?: number }>) => void) | null; postMessage(m: DemoReply): void };
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  scope.onmessage = (e) => scope.postMessage(demoReply(e.data));
}
