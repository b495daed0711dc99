import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES } from './codes';
import { bandCounts, forcedDistribution, groupIndex, quotas } from './forcedDistribution';
import { GRADE_NONE } from './grades';
import { buildDataset } from './metrics.testkit';
import { roundInt } from './rounding';

const shares = { S: 0.1, A: 0.2, B: 0.6, CD: 0.1 };
const letters = (forced: Uint8Array) => Array.from(forced, (x) => (x === GRADE_NONE ? '-' : GRADES[x])).join('');
const run = (totals: number[], groups?: number[], sh = shares, c = 60) =>
  forcedDistribution(Float64Array.from(totals), Int32Array.from(groups ?? totals.map(() => 0)), sh, c);

/** The spec's definition, literally: O(n²), no cleverness. */
function reference(total: number[], group: number[], sh: typeof shares, c: number) {
  return total.map((t, i) => {
    if (Number.isNaN(t) || group[i] < 0) return { rank: 0, grade: GRADE_NONE };
    const mates = total.filter((u, j) => group[j] === group[i] && !Number.isNaN(u));
    const rank = 1 + mates.filter((u) => u > t).length;
    const N = mates.length;
    const nS = roundInt(sh.S * N);
    const nSA = roundInt((sh.S + sh.A) * N);
    const nSAB = roundInt((sh.S + sh.A + sh.B) * N);
    const grade = rank <= nS ? 0 : rank <= nSA ? 1 : rank <= nSAB ? 2 : t >= c ? 3 : 4;
    return { rank, grade };
  });
}

describe('forcedDistribution (spec §6)', () => {
  it.each<[string, number[], string, number[]]>([
    ['10 distinct totals: 1 S, 2 A, 6 B, 1 C/D', [95, 91, 88, 85, 80, 78, 75, 72, 70, 65], 'SAABBBBBBC', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['the last one below the C threshold is D', [95, 91, 88, 85, 80, 78, 75, 72, 70, 55], 'SAABBBBBBD', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['order of input does not matter', [70, 95, 55, 91, 88, 85, 80, 78, 75, 72], 'BSDAABBBBB', [9, 1, 10, 2, 3, 4, 5, 6, 7, 8]],
    ['N = 1: n_S = 0, n_SA = 0, n_SAB = 1 → B', [99], 'B', [1]],
    ['N = 5: n_S = round(0.5) = 1, n_SA = 2, n_SAB = round(4.5) = 5', [50, 60, 70, 80, 90], 'BBBAS', [5, 4, 3, 2, 1]],
    // n_S = 1, n_SA = 3, n_SAB = 9: rank 3 ≤ n_SA makes all three 80s A.
    ['ties share a rank and take the better grade', [90, 90, 80, 80, 80, 70, 70, 70, 70, 60], 'SSAAABBBBC', [1, 1, 3, 3, 3, 6, 6, 6, 6, 10]],
    ['a tie across the S quota gives two S', [95, 95, 88, 85, 80, 78, 75, 72, 70, 65], 'SSABBBBBBC', [1, 1, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['everybody tied: everybody S… if n_S ≥ 1', Array(10).fill(75), 'SSSSSSSSSS', Array(10).fill(1)],
    ['NaN totals are left out (N = 2: n_S = 0, n_SA = 1, n_SAB = 2)', [90, NaN, 80], 'A-B', [1, 0, 2]],
    ['totals above 100 and 2 decimals', [114.74, 114.73, 96.98, 89.87, 83.67, 62.88, 58.52, 50.64, 12.01, 0], 'SAABBBBBBD', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ])('%s', (_, totals, grades, ranks) => {
    const r = run(totals);
    expect(letters(r.forced)).toBe(grades);
    expect(Array.from(r.rank)).toEqual(ranks);
  });

  it('ranks within groups; a negative group is left out', () => {
    const r = run([90, 80, 85, 70, 99], [0, 1, 1, 0, -1]);
    expect(Array.from(r.rank)).toEqual([1, 2, 1, 2, 0]);
    expect(r.forced[4]).toBe(GRADE_NONE);
  });

  it('empty input and all-NaN input', () => {
    expect(run([]).rank).toHaveLength(0);
    expect(letters(run([NaN, NaN]).forced)).toBe('--');
  });

  it('does not modify its inputs', () => {
    const t = Float64Array.of(80, 90, 70);
    const g = Int32Array.of(0, 0, 0);
    forcedDistribution(t, g, shares, 60);
    expect(Array.from(t)).toEqual([80, 90, 70]);
    expect(Array.from(g)).toEqual([0, 0, 0]);
  });

  const cents = fc.integer({ min: 0, max: 12_000 }).map((c) => c / 100);
  const shareArb = fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)).filter(([a, b, c, d]) => a + b + c + d > 0)
    .map(([a, b, c, d]) => ({ S: a / (a + b + c + d), A: b / (a + b + c + d), B: c / (a + b + c + d), CD: d / (a + b + c + d) }));

  it('matches the literal definition for any N, ties, groups and shares (2-decimal totals: counting path)', () => {
    // few distinct values → many ties
    const totals = fc.array(fc.oneof(cents, fc.constantFrom(70, 80, 90, 59.99, 60), fc.constant(NaN)), { maxLength: 120 });
    fc.assert(fc.property(totals, fc.nat(3), shareArb, (ts, groupCount, sh) => {
      const groups = ts.map((_, i) => (groupCount === 0 ? 0 : (i * 7) % (groupCount + 1)) - (i % 11 === 10 ? 100 : 0));
      const r = run(ts, groups, sh);
      const ref = reference(ts, groups, sh, 60);
      expect(Array.from(r.rank)).toEqual(ref.map((x) => x.rank));
      expect(Array.from(r.forced)).toEqual(ref.map((x) => x.grade));
    }));
  });

  it('matches the literal definition for totals that are not 2-decimal or spread widely (sort path)', () => {
    const totals = fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constant(1e8), fc.constant(70.123)), { maxLength: 80 });
    fc.assert(fc.property(totals, (ts) => {
      const groups = ts.map((_, i) => i % 2);
      const r = run(ts, groups);
      const ref = reference(ts, groups, shares, 60);
      expect(Array.from(r.rank)).toEqual(ref.map((x) => x.rank));
      expect(Array.from(r.forced)).toEqual(ref.map((x) => x.grade));
    }));
  });

  it('into reused arrays, one distribution after another, exactly as into new ones', () => {
    // One pair of output arrays for a run of distributions of the same people, as a slider drag
    // does; the scratch of the counting sort is reused too, over ranges wide and narrow.
    const n = 40;
    const totals = fc.array(fc.oneof(cents, fc.constant(NaN), fc.constant(70)), { minLength: n, maxLength: n });
    fc.assert(fc.property(fc.array(totals, { minLength: 2, maxLength: 6 }), fc.nat(2), (runs, groupCount) => {
      const out = { rank: new Int32Array(n), forced: new Uint8Array(n) };
      const group = Int32Array.from({ length: n }, (_, i) => (groupCount === 0 ? 0 : i % (groupCount + 1)));
      for (const ts of runs) {
        const total = Float64Array.from(ts);
        const fresh = forcedDistribution(total, group, shares, 60);
        const reused = forcedDistribution(total, group, shares, 60, out);
        expect(reused.rank).toBe(out.rank);
        expect(reused.forced).toBe(out.forced);
        expect(Array.from(reused.rank)).toEqual(Array.from(fresh.rank));
        expect(Array.from(reused.forced)).toEqual(Array.from(fresh.forced));
      }
    }));
  });

  it('band counts: without ties each band gets exactly its quota; with ties the better bands only grow', () => {
    fc.assert(fc.property(fc.array(cents, { minLength: 1, maxLength: 200 }), shareArb, (ts, sh) => {
      const r = run(ts, undefined, sh);
      const N = ts.length;
      const bands = bandCounts(r.forced, sh, N);
      const q = quotas(sh, N);
      expect(bands.map((b) => b.target)).toEqual([q.S, q.SA - q.S, q.SAB - q.SA, N - q.SAB]);
      expect(bands.reduce((a, b) => a + b.actual, 0)).toBe(N);
      const cumActual = (b: number) => bands.slice(0, b + 1).reduce((a, x) => a + x.actual, 0);
      expect(cumActual(0)).toBeGreaterThanOrEqual(q.S);
      expect(cumActual(1)).toBeGreaterThanOrEqual(q.SA);
      expect(cumActual(2)).toBeGreaterThanOrEqual(q.SAB);
      if (new Set(ts).size === N) expect(bands.map((b) => b.gap)).toEqual([0, 0, 0, 0]);
    }));
  });
});

describe('quotas and bandCounts', () => {
  it.each<[number, [number, number, number]]>([
    [0, [0, 0, 0]], [1, [0, 0, 1]], [5, [1, 2, 5]], [10, [1, 3, 9]], [15, [2, 5, 14]], [24, [2, 7, 22]], [25, [3, 8, 23]],
  ])('N = %s → n_S, n_SA, n_SAB = %j', (N, [s, sa, sab]) => {
    expect(quotas(shares, N)).toEqual({ S: s, SA: sa, SAB: sab });
  });

  it('counts C and D together, ignores "no grade", and reports the gap', () => {
    const grades = Uint8Array.of(0, 0, 1, 2, 2, 2, 3, 4, GRADE_NONE);
    expect(bandCounts(grades, shares, 8)).toEqual([
      { band: 'S', target: 1, actual: 2, gap: 1 },
      { band: 'A', target: 1, actual: 1, gap: 0 }, // n_SA = round(2.4) = 2
      { band: 'B', target: 5, actual: 3, gap: -2 }, // n_SAB = round(7.2) = 7
      { band: 'CD', target: 1, actual: 2, gap: 1 },
    ]);
  });

  it('sums quotas group by group when given group sizes', () => {
    const bands = bandCounts(new Uint8Array(0), shares, 10, [5, 5]);
    expect(bands.map((b) => b.target)).toEqual([2, 2, 6, 0]);
  });
});

describe('groupIndex', () => {
  const ds = buildDataset({
    staff: [
      { staff_id: 'a', team: '华东', level: 'junior', domain: 'consulting' },
      { staff_id: 'b', team: '', level: 'senior', domain: 'consulting' },
      { staff_id: 'c', team: ' 华东 ', level: 'junior', domain: 'product_expert' },
      { staff_id: 'd', team: '', level: 'mid', domain: 'industry_solution' },
    ],
  });
  const rows = Int32Array.of(0, 1, 2, 3);
  it.each<['none' | 'team' | 'level' | 'domain', number[], string[]]>([
    ['none', [0, 0, 0, 0], ['']],
    ['team', [0, 1, 0, 1], ['华东', '']], // people without a team form one group
    ['level', [0, 1, 0, 2], ['junior', 'senior', 'mid']],
    ['domain', [0, 0, 1, 2], ['consulting', 'product_expert', 'industry_solution']],
  ])('%s', (by, group, labels) => {
    const r = groupIndex(ds, rows, by);
    expect(Array.from(r.group)).toEqual(group);
    expect(r.labels).toEqual(labels);
  });
});
