/**
 * Every stored row and the periods found in them, for AppState's reload: the periods are found
 * in pieces (periodsInDataSteps, pacedSteps.ts) before the data set is shown, instead of in the
 * task that swaps it in, where finding them over 200,000 rows was ~10 ms on a quiet PC (and
 * ~50 ms at a million rows) on top of drawing every page that follows the data.
 */
import type { Dataset } from '../engine/dataset';
import { periodsInDataSteps } from '../engine/periods';
import type { Period } from '../engine/types';
import { runPaced, type Pacing } from '../data/pacedSteps';
import type { BatchInfo, Store } from '../data/store';

/** @example const { dataset, batches, periods } = await loadWithPeriods(store); */
export async function loadWithPeriods(store: Pick<Store, 'loadSnapshot'>, pacing?: Pacing): Promise<{ dataset: Dataset; batches: BatchInfo[]; periods: Period[] }> {
  const { dataset, batches } = await store.loadSnapshot();
  return { dataset, batches, periods: await runPaced(periodsInDataSteps(dataset), pacing) };
}
