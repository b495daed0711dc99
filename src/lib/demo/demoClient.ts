/**
 * The page's side of the demo data set: asks the demo worker to generate the files
 * (src/workers/demo.worker.ts) and resolves with them. Where there is no Worker (Node and
 * jsdom tests) a generator registered with `generateDemoHere` runs on the calling thread;
 * the page bundle itself never imports the generator.
 */
import type { DemoFile } from './generate';
import type { DemoReply } from '../../workers/demo.worker';
// Inlined (a blob worker) so the single-file build also works opened from disk (file://).
import DemoWorker from '../../workers/demo.worker.ts?worker&inline';

let here: ((seed?: number) => DemoFile[]) | null = null;

/** Tests without Worker: generate the demo on this thread with `generate`. */
export function generateDemoHere(generate: (seed?: number) => DemoFile[]): void {
  here = generate;
}

/** The demo data files, generated in a worker (or here, see generateDemoHere). */
export function demoFiles(seed?: number): Promise<DemoFile[]> {
  if (typeof Worker === 'undefined') {
    if (here) return Promise.resolve(here(seed));
    return Promise.reject(new Error('No Worker here and no demo generator registered (generateDemoHere).'));
  }
  return new Promise((resolve, reject) => {
    const worker = new DemoWorker();
    worker.onmessage = (e: MessageEvent<DemoReply>) => {
      worker.terminate();
      if ('files' in e.data) resolve(e.data.files);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e: ErrorEvent) => {
      worker.terminate();
      reject(new Error(e.message || 'The demo data worker failed.'));
    };
    worker.postMessage({ seed });
  });
}
