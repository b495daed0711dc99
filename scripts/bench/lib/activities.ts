/**
 * An activities CSV for the slider benchmark's ~2,000 staff: src/lib/demo/big.ts writes only
 * projects and staff, and the process and capability indicators of the standard scenario
 * read activities (visits, insight reports, knowledge contributions, training …), so without
 * them most sliders would move a constant.
 */
import { bigStaffId } from '../../../src/lib/demo/big';
import { Random } from '../../../src/lib/demo/random';
import { dayNumber, formatDay } from '../../../src/lib/engine/dataset';
import { KNOWN_ACTIVITY_TYPES } from '../../../src/lib/engine/codes';

// Types besides visits and requirement feedback, drawn for about a third of person-months.
const OCCASIONAL = KNOWN_ACTIVITY_TYPES.filter((t) => t !== 'visit' && t !== 'requirement_feedback');

/**
 * Activities of staff PS000001…PS{staff} over 2025–2026: about 2.3 rows per person and month.
 * @example generateActivitiesCsv(2000).split('\n').length; // ≈ 110,000
 */
export function generateActivitiesCsv(staff: number, seed = 1): string {
  const rng = new Random(seed ^ 0x2545f491);
  const out = ['staff_id,date,type,count'];
  for (let i = 0; i < staff; i++) {
    const id = bigStaffId(i);
    const busy = 0.5 + rng.next();
    for (let y = 2025; y <= 2026; y++) {
      for (let m = 1; m <= 12; m++) {
        const day = () => formatDay(dayNumber(y, m, rng.int(1, 28)));
        out.push(`${id},${day()},visit,${Math.max(1, Math.round(busy * rng.int(1, 4)))}`);
        out.push(`${id},${day()},requirement_feedback,${rng.int(1, 3)}`);
        if (rng.chance(0.3 * busy)) out.push(`${id},${day()},${rng.pick(OCCASIONAL)},1`);
      }
    }
  }
  return out.join('\n') + '\n';
}
