/**
 * A Chromium trace over a CDP session (playwright-core's CDPSession), and what the renderer's
 * main thread did during it: the browser benchmarks' account of main-thread BUSY time, which
 * page-side performance marks cannot give (a mark-to-mark window also holds the time the
 * thread sat idle, waiting for the next vsync or for a task the scheduler put off).
 *
 * Only top-level tasks count (`ThreadControllerImpl::RunTask`, category `toplevel`): the thread
 * runs one at a time, so their summed durations are its busy time and the gaps between them
 * are idle. Everything a task does (script, style, layout, paint, commit, GC, and the
 * scheduler's own overhead) is inside its duration. `npx tsx scripts/bench/lib/trace.check.ts` checks
 * the accounting on a hand-made trace.
 */
import type { CDPSession } from 'playwright-core';

/** One Chrome trace event (the Trace Event Format); `ts` and `dur` in microseconds. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** the thread's CPU time within `dur` */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; src_func?: string; name?: string; [key: string]: unknown };
}

/**
 * Every main-thread task, what ran inside it (script, style, layout, paint, commit, GC), user-timing
 * marks and the BeginMainFrame marker; the v8.execute and devtools.timeline.stack categories are
 * left out, they slow the page down the most while adding nothing these figures use.
 */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  // Garbage collection, V8's and Blink's (Oilpan): its steps run inside script, style and layout
  // (allocation pays for incremental marking), and would be counted as those without these.
  'disabled-by-default-v8.gc',
  'cppgc',
  'blink_gc',
  '__metadata',
];

/**
 * Starts a trace on `cdp`; the returned function stops it and resolves with every event.
 * @example const stop = await startTrace(cdp); …; const events = await stop();
 */
export async function startTrace(cdp: CDPSession, categories: readonly string[] = TRACE_CATEGORIES): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => { for (const v of e.value) events.push(v as TraceEvent); };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: [...categories] },
  });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

/** Where a task's time went: the innermost traced event around each microsecond decides. */
export const WORK_KINDS = ['script', 'style', 'layout', 'paint', 'commit', 'gc', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

const KIND_OF: Record<string, WorkKind> = {
  FunctionCall: 'script', EventDispatch: 'script', TimerFire: 'script', FireAnimationFrame: 'script',
  FireIdleCallback: 'script', EvaluateScript: 'script', RunMicrotasks: 'script', 'v8.compile': 'script',
  'v8.run': 'script', 'v8.callFunction': 'script', BlinkScheduler_PerformMicrotaskCheckpoint: 'script',
  'UserTiming::Measure': 'script', XHRReadyStateChange: 'script', XHRLoad: 'script',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout', HitTest: 'layout', 'LocalFrameView::RunResizeObserverSteps': 'layout',
  PrePaint: 'paint', Paint: 'paint', PaintImage: 'paint', Layerize: 'paint', UpdateLayer: 'paint',
  UpdateLayerTree: 'paint', CompositeLayers: 'paint',
  Commit: 'commit',
  MinorGC: 'gc', MajorGC: 'gc', 'BlinkGC.AtomicPhase': 'gc', ScheduledMinorGC: 'gc',
};
const kindOf = (name: string): WorkKind | undefined =>
  KIND_OF[name] ?? (/^(V8\.GC|BlinkGC|CppGC|V8\.CppGC)/.test(name) ? 'gc' : undefined);

/** Wall-clock (`dur`) and thread CPU (`tdur`) time, in ms. */
export interface Time { wall: number; cpu: number }

/** One top-level task of the main thread; times in ms, on the trace clock. */
export interface MainTask {
  start: number;
  end: number;
  /** the task's duration less `bench`: wall clock, and the thread's CPU time (less when the thread was descheduled or blocked, as in Commit) */
  time: Time;
  /** the benchmark's own bookkeeping inside the task (see `analyseMainThread`), not counted in `time` */
  bench: Time;
  /** `time` split by what ran (the `bench` part taken out of `script`) */
  kinds: Record<WorkKind, Time>;
  /** a BeginMainFrame task: rAF callbacks, style, layout, paint and the commit of one frame */
  frame: boolean;
  /** DOM events dispatched in the task, e.g. ['keydown', 'input', 'change'] */
  events: string[];
  /** Chromium's name for what posted it (args.src_func), e.g. 'PostTaskToMainThread' */
  source: string;
  /**
   * The traced events directly inside the task, in order, e.g. 'EventDispatch keydown',
   * 'MinorGC (allocation failure)', 'Layout', 'Paint', 'Commit' (`partName`); empty for the bench's own tasks
   */
  parts: { name: string; time: Time }[];
}

export interface MainThreadWork {
  /** the main thread of the renderer that recorded `startMark`, the marks' times and distance (ms, trace clock) */
  pid: number;
  tid: number;
  start: number;
  end: number;
  windowMs: number;
  /** top-level tasks that started between the two marks, in order */
  tasks: MainTask[];
  /**
   * per frame: the counted time of the tasks since the previous frame's task ended, up to this
   * frame's end: `tasks.slice(from, to)`, the frame's own BeginMainFrame task last
   */
  frames: { end: number; time: Time; from: number; to: number }[];
  /**
   * per keydown: counted time from its task's start to the end of the next frame's task (`toFrame`)
   * and to the next keydown's task (`cycle`); `latencyMs`: wall time from the keydown task's start to that frame's end
   */
  moves: { toFrame: Time; cycle: Time; latencyMs: number }[];
  /** tasks taken out whole as the benchmark's own, and all the bench time left out (whole tasks and callbacks) */
  benchTasks: number;
  bench: Time;
  /** the page's user-timing marks (performance.mark) between the two marks, `at` in ms on the trace clock */
  marks: { name: string; at: number }[];
}

const dataOf = (e: TraceEvent): Record<string, unknown> => (e.args?.data ?? {}) as Record<string, unknown>;
const zero = (): Time => ({ wall: 0, cpu: 0 });
const timeOf = (e: TraceEvent): Time => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 });
const add = (x: Time, y: Time): Time => ({ wall: x.wall + y.wall, cpu: x.cpu + y.cpu });
const sub = (x: Time, y: Time): Time => ({ wall: Math.max(0, x.wall - y.wall), cpu: Math.max(0, x.cpu - y.cpu) });

/** A report's name for a traced event: what was dispatched, called or collected, and why. */
export function partName(e: TraceEvent): string {
  const d = dataOf(e);
  if (e.name === 'EventDispatch' && d.type) return `EventDispatch ${String(d.type)}`;
  if (e.name === 'FunctionCall' && d.functionName) return `FunctionCall ${String(d.functionName)}`;
  const why = e.args?.type;
  return typeof why === 'string' && why ? `${e.name} (${why})` : e.name;
}

/**
 * The main thread's work between two `performance.mark`s of the page, from a trace recorded
 * with TRACE_CATEGORIES. The benchmark's own bookkeeping is counted apart, never in `time`:
 *  - tasks that deliver a DevTools protocol message to the page (a mojo message on
 *    `blink.mojom.DevToolsSession`: the bench's Runtime.evaluate calls);
 *  - script callbacks whose function name starts with `benchPrefix` (name them so): a task
 *    with no other work is taken out whole, else only the callback's own duration. A
 *    BeginMainFrame task counts as "no other work" when it ran no other script, dispatched no
 *    event and did no style, layout or paint: a frame that exists only because the bench
 *    requested an animation frame after the page had already drawn the move. It is not a frame
 *    of the page either.
 * Keyboard input from Playwright (Input.dispatchKeyEvent) is not among them: the browser
 * process delivers it as ordinary input, the way a real key press arrives.
 */
export function analyseMainThread(events: readonly TraceEvent[], startMark: string, endMark: string, benchPrefix = 'bench'): MainThreadWork {
  const mark = (name: string) => {
    const m = events.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
    if (!m) throw new Error(`trace: no user-timing mark "${name}" (was blink.user_timing recorded?)`);
    return m;
  };
  const a = mark(startMark);
  const b = mark(endMark);
  const { pid, tid } = a;
  const threadName = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.tid === tid)?.args?.name;
  if (threadName !== undefined && threadName !== 'CrRendererMain') throw new Error(`trace: marks on thread "${String(threadName)}", not CrRendererMain`);

  const marks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.cat.includes('blink.user_timing') && (e.ph === 'I' || e.ph === 'i' || e.ph === 'R')
      && e.ts > a.ts && e.ts < b.ts)
    .map((e) => ({ name: e.name, at: e.ts / 1000 }))
    .sort((x, y) => x.at - y.at);
  const on = events
    .filter((e) => e.pid === pid && e.tid === tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'i') && e.ts >= a.ts && e.ts <= b.ts)
    .sort((x, y) => x.ts - y.ts || (y.dur ?? 0) - (x.dur ?? 0));
  const tasks: MainTask[] = [];
  let benchTasks = 0;
  let bench = zero();
  let k = 0;
  while (k < on.length) {
    const t = on[k];
    if (t.ph !== 'X' || t.name !== 'ThreadControllerImpl::RunTask') { k++; continue; }
    const end = t.ts + (t.dur ?? 0);
    // Everything recorded inside the task, nested RunTasks (a nested run loop) included.
    let j = k + 1;
    while (j < on.length && on[j].ts <= end) j++;
    const inner = on.slice(k + 1, j);
    k = j;

    const kinds = Object.fromEntries(WORK_KINDS.map((w) => [w, zero()])) as Record<WorkKind, Time>;
    // Self time of each complete event goes to the innermost one that has a kind.
    type Open = { end: number; kind: WorkKind; own: Time; children: Time };
    // Tasks V8 or Oilpan post for their incremental marking and sweeping are GC as a whole.
    const gcTask = /IncrementalMarking|Sweeper|cppgc|GarbageCollection|MemoryReducer/.test(String(t.args?.src_func ?? ''));
    const stack: Open[] = [{ end, kind: gcTask ? 'gc' : 'other', own: timeOf(t), children: zero() }];
    const pop = () => { const s = stack.pop()!; kinds[s.kind] = add(kinds[s.kind], sub(s.own, s.children)); };
    let frame = t.args?.src_func === 'ScheduledActionSendBeginMainFrame';
    let devtools = false;
    const fired: string[] = [];
    let benchInside = zero();
    let otherCalls = 0;
    let rendered = false;
    const parts: MainTask['parts'] = [];
    for (const e of inner) {
      if (e.name === 'BeginMainThreadFrame') frame = true;
      if (e.ph !== 'X') continue;
      while (stack.length > 1 && e.ts >= stack[stack.length - 1].end) pop();
      const own = timeOf(e);
      const top = stack[stack.length - 1];
      if (stack.length === 1) parts.push({ name: partName(e), time: own });
      top.children = add(top.children, own);
      stack.push({ end: e.ts + (e.dur ?? 0), kind: kindOf(e.name) ?? top.kind, own, children: zero() });
      if (e.name === 'EventDispatch') fired.push(String(dataOf(e).type));
      if (e.name === 'Paint' || e.name === 'Layout' || e.name === 'UpdateLayoutTree') rendered = true;
      if (e.name === 'Receive mojo message') {
        const info = e.args?.chrome_mojo_event_info as { mojo_interface_tag?: string } | undefined;
        if (info?.mojo_interface_tag === 'blink.mojom.DevToolsSession') devtools = true;
      }
      if (e.name === 'FunctionCall') {
        if (String(dataOf(e).functionName ?? '').startsWith(benchPrefix)) benchInside = add(benchInside, own);
        else otherCalls++;
      }
    }
    while (stack.length) pop();
    const total = timeOf(t);
    // A frame that only ran the bench's rAF callback and drew nothing exists because the bench asked for it.
    const benchOnly = devtools || (benchInside.wall > 0 && fired.length === 0 && otherCalls === 0 && !rendered);
    const mine = benchOnly ? total : benchInside;
    if (benchOnly) {
      benchTasks++;
      for (const w of WORK_KINDS) kinds[w] = zero();
    } else kinds.script = sub(kinds.script, mine);
    bench = add(bench, mine);
    tasks.push({
      start: t.ts / 1000, end: end / 1000, time: sub(total, mine), bench: mine, kinds, frame: frame && !benchOnly, events: fired,
      source: String(t.args?.src_func ?? ''), parts: benchOnly ? [] : parts,
    });
  }

  const sum = (from: number, to: number) => tasks.slice(from, to).reduce((s, t) => add(s, t.time), zero());
  const frames: MainThreadWork['frames'] = [];
  let since = 0;
  tasks.forEach((t, i) => {
    if (!t.frame) return;
    frames.push({ end: t.end, time: sum(since, i + 1), from: since, to: i + 1 });
    since = i + 1;
  });

  const keydowns = tasks.map((t, i) => (t.events.includes('keydown') ? i : -1)).filter((i) => i >= 0);
  const moves: MainThreadWork['moves'] = [];
  keydowns.forEach((i, n) => {
    const f = tasks.findIndex((t, j) => j > i && t.frame);
    if (f < 0) return;
    moves.push({ toFrame: sum(i, f + 1), cycle: sum(i, keydowns[n + 1] ?? tasks.length), latencyMs: tasks[f].end - tasks[i].start });
  });
  return { pid, tid, start: a.ts / 1000, end: b.ts / 1000, windowMs: (b.ts - a.ts) / 1000, tasks, frames, moves, benchTasks, bench, marks };
}

/** A short description of a task for a report: 'keydown/input/change (PostTaskToMainThread)', 'frame'. */
export const describeTask = (t: MainTask): string =>
  t.frame ? 'BeginMainFrame (rAF, style, layout, paint, commit)' : t.events.length ? `${[...new Set(t.events)].join('/')} (${t.source})` : t.source;

/** What one frame of `MainThreadWork.frames` held: its work split by kind, its tasks, and the page's marks in it. */
export interface FrameAnatomy {
  /** index in `frames`, and the moves (0-based, in keydown order) whose keydown task is among its tasks */
  index: number;
  moves: number[];
  time: Time;
  kinds: Record<WorkKind, Time>;
  /** the frame's tasks of at least `minMs` wall, in order, with what ran directly inside each */
  tasks: { what: string; time: Time; parts: { name: string; time: Time }[] }[];
  /** the frame's other tasks (bench tasks not counted), summed */
  rest: { count: number; time: Time; underMs: number };
  /** names of the page's user-timing marks set inside the frame's tasks */
  marks: string[];
}

/** The anatomy of `w.frames[index]`: see FrameAnatomy. */
export function frameAnatomy(w: MainThreadWork, index: number, minMs = 0.5): FrameAnatomy {
  const f = w.frames[index];
  const own = w.tasks.slice(f.from, f.to);
  const kinds = Object.fromEntries(WORK_KINDS.map((k) => [k, own.reduce((s, t) => add(s, t.kinds[k]), zero())])) as Record<WorkKind, Time>;
  const big = own.filter((t) => t.time.wall >= minMs);
  const small = own.filter((t) => t.time.wall < minMs && t.time.wall > 0);
  const keydowns = w.tasks.map((t, i) => (t.events.includes('keydown') ? i : -1)).filter((i) => i >= 0);
  return {
    index,
    moves: keydowns.map((i, n) => (i >= f.from && i < f.to ? n : -1)).filter((n) => n >= 0),
    time: f.time,
    kinds,
    tasks: big.map((t) => ({ what: describeTask(t), time: t.time, parts: t.parts })),
    rest: { count: small.length, time: small.reduce((s, t) => add(s, t.time), zero()), underMs: minMs },
    marks: w.marks.filter((m) => own.some((t) => m.at >= t.start && m.at <= t.end)).map((m) => m.name),
  };
}

const ms = (t: Time) => `${t.wall.toFixed(1)}/${t.cpu.toFixed(1)}`;
/**
 * Report lines for a FrameAnatomy, times as "wall/CPU" ms; the parts of a task shown are those of
 * at least `minMs` wall, the rest summed. E.g.
 * `frame 82 (move 83): 17.6/11.2 ms; CPU script 2.9, …` then one line per task.
 */
export function describeFrame(a: FrameAnatomy, minMs = 0.3): string[] {
  const kinds = WORK_KINDS.filter((k) => a.kinds[k].wall >= 0.05).map((k) => `${k} ${ms(a.kinds[k])}`).join(', ');
  const moves = a.moves.length ? ` (move ${a.moves.map((m) => m + 1).join(', ')})` : ' (no keydown)';
  const lines = [`frame ${a.index + 1}${moves}: ${ms(a.time)} ms wall/CPU; ${kinds}`];
  for (const t of a.tasks) {
    const shown = t.parts.filter((p) => p.time.wall >= minMs);
    const rest = t.parts.length - shown.length;
    const parts = shown.map((p) => `${p.name} ${ms(p.time)}`).join(', ') + (rest > 0 ? `${shown.length ? ', ' : ''}${rest} smaller` : '');
    lines.push(`  ${ms(t.time)} ${t.what}${parts ? `: ${parts}` : ''}`);
  }
  if (a.rest.count) lines.push(`  ${ms(a.rest.time)} in ${a.rest.count} tasks under ${a.rest.underMs} ms`);
  if (a.marks.length) lines.push(`  page marks: ${[...new Set(a.marks)].map((m) => `${m} ×${a.marks.filter((x) => x === m).length}`).join(', ')}`);
  return lines;
}

/**
 * JS heap growth on the page's renderer between two trace times (µs, the events' clock): the sum
 * of the rises of `jsHeapSizeUsed` from one UpdateCounters sample to the next (falls are
 * collections). A lower bound of what was allocated (a collection between two samples hides
 * what it freed), in bytes; `collected` is the sum of the falls.
 */
export function heapGrowth(events: readonly TraceEvent[], pid: number, fromUs: number, toUs: number): { allocated: number; collected: number; samples: number } {
  const used = events
    .filter((e) => e.pid === pid && e.name === 'UpdateCounters' && e.ts >= fromUs && e.ts <= toUs)
    .sort((x, y) => x.ts - y.ts)
    .map((e) => Number(dataOf(e).jsHeapSizeUsed))
    .filter((x) => Number.isFinite(x));
  let allocated = 0;
  let collected = 0;
  for (let i = 1; i < used.length; i++) {
    const d = used[i] - used[i - 1];
    if (d > 0) allocated += d;
    else collected -= d;
  }
  return { allocated, collected, samples: used.length };
}
