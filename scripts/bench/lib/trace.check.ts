/**
 * Checks of trace.ts's accounting on a small hand-made trace (vitest does not collect scripts/):
 * `npx tsx scripts/bench/lib/trace.check.ts` prints "trace.ts: ok" or fails with the first difference.
 */
import assert from 'node:assert/strict';
import { analyseMainThread, describeFrame, describeTask, frameAnatomy, heapGrowth, type TraceEvent } from './trace';

const MAIN = { pid: 1, tid: 1 };
const X = (name: string, ts: number, dur: number, tdur = dur, args: TraceEvent['args'] = {}): TraceEvent =>
  ({ name, cat: 'devtools.timeline', ph: 'X', ts, dur, tdur, args, ...MAIN });
const task = (ts: number, dur: number, tdur: number, src: string): TraceEvent =>
  ({ ...X('ThreadControllerImpl::RunTask', ts, dur, tdur, { src_func: src }), cat: 'toplevel' });
const instant = (name: string, ts: number, cat = 'disabled-by-default-devtools.timeline.frame'): TraceEvent =>
  ({ name, cat, ph: 'I', ts, ...MAIN });
const call = (fn: string, ts: number, dur: number, tdur = dur) => X('FunctionCall', ts, dur, tdur, { data: { functionName: fn } });
const key = (ts: number, dur: number, tdur = dur) => X('EventDispatch', ts, dur, tdur, { data: { type: 'keydown' } });

// Times in µs. A: keydown task; B: a CDP message; C: the frame (with the bench's rAF inside);
// D: the bench's posted message; E: a frame that only ran the bench's rAF; F, G: a second move.
const events: TraceEvent[] = [
  { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, args: { name: 'CrRendererMain' }, ...MAIN },
  instant('s', 0, 'blink.user_timing'),
  task(1000, 3000, 2500, 'PostTaskToMainThread'), key(1100, 2000, 1800), call('Kr', 1200, 1500, 1400), X('Layout', 3200, 500),
  task(5000, 400, 200, 'Accept'),
  X('Receive mojo message', 5010, 380, 190, { chrome_mojo_event_info: { mojo_interface_tag: 'blink.mojom.DevToolsSession' } }),
  task(8000, 4000, 3000, 'ScheduledActionSendBeginMainFrame'), instant('BeginMainThreadFrame', 8010),
  X('FireAnimationFrame', 8100, 200), call('benchNextFrameRaf', 8110, 150), X('Paint', 8500, 1000, 900), X('Commit', 9600, 2000, 300),
  task(12500, 300, 300, 'Notify'), call('benchNextFrameDone', 12510, 100),
  task(20000, 500, 500, 'ScheduledActionSendBeginMainFrame'), instant('BeginMainThreadFrame', 20010), call('benchNextFrameRaf', 20100, 100),
  task(30000, 2000, 2000, 'PostTaskToMainThread'), key(30100, 1800), instant('grade-changes-rows', 31000, 'blink.user_timing'),
  // A scavenge V8 runs as a task of its own between the two moves' frames.
  task(35000, 3000, 2000, 'MinorGCJob::TryScheduleTask'), X('MinorGC', 35100, 2800, 1900, { type: 'allocation failure' }),
  X('V8.GC_SCAVENGER', 35200, 2500, 1700),
  task(40000, 1000, 1000, 'ScheduledActionSendBeginMainFrame'), instant('BeginMainThreadFrame', 40010), X('Paint', 40100, 200),
  // Another process's main thread: not counted.
  { ...task(2000, 9000, 9000, 'PostTaskToMainThread'), pid: 2, tid: 2 },
  instant('e', 100_000, 'blink.user_timing'),
  { name: 'UpdateCounters', cat: 'disabled-by-default-devtools.timeline', ph: 'I', ts: 2000, args: { data: { jsHeapSizeUsed: 1000 } }, ...MAIN },
  { name: 'UpdateCounters', cat: 'disabled-by-default-devtools.timeline', ph: 'I', ts: 9000, args: { data: { jsHeapSizeUsed: 1600 } }, ...MAIN },
  { name: 'UpdateCounters', cat: 'disabled-by-default-devtools.timeline', ph: 'I', ts: 38000, args: { data: { jsHeapSizeUsed: 900 } }, ...MAIN },
  { name: 'UpdateCounters', cat: 'disabled-by-default-devtools.timeline', ph: 'I', ts: 41000, args: { data: { jsHeapSizeUsed: 1000 } }, ...MAIN },
];

const w = analyseMainThread(events, 's', 'e');
const near = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

assert.equal(w.tasks.length, 8);
assert.equal(w.benchTasks, 3, 'B, D and E are the bench’s whole');
near(w.bench.wall, 0.4 + 0.3 + 0.5 + 0.15, 'bench wall (B, D, E and the rAF callback inside C)');
near(w.bench.cpu, 0.2 + 0.3 + 0.5 + 0.15, 'bench cpu');
const [a, , c] = w.tasks;
near(a.time.wall, 3, 'A wall');
near(a.time.cpu, 2.5, 'A cpu');
near(a.kinds.script.wall, 2, 'A script (event dispatch + handler)');
near(a.kinds.layout.wall, 0.5, 'A layout');
near(a.kinds.other.wall, 0.5, 'A task overhead');
near(a.kinds.script.cpu + a.kinds.layout.cpu + a.kinds.other.cpu, 2.5, 'A cpu kinds add up');
near(c.time.wall, 4 - 0.15, 'C less the bench callback');
near(c.kinds.paint.wall, 1, 'C paint');
near(c.kinds.commit.wall, 2, 'C commit (wall: waiting for the compositor)');
near(c.kinds.commit.cpu, 0.3, 'C commit cpu');
near(c.kinds.script.wall, 0.05, 'C script: the rAF wrapper less the bench callback');
near(Object.values(c.kinds).reduce((s, k) => s + k.wall, 0), c.time.wall, 'C kinds add up');
assert.equal(describeTask(a), 'keydown (PostTaskToMainThread)');

assert.deepEqual(w.frames.map((f) => f.time.wall), [3 + 3.85, 2 + 3 + 1], 'frames: A + C, F + the scavenge + G; E is not a frame of the page');
assert.deepEqual(w.frames.map((f) => [f.from, f.to]), [[0, 3], [3, 8]], 'the frames’ tasks: D and E (the bench’s, 0 ms) in the second');
assert.equal(w.moves.length, 2);
near(w.moves[0].toFrame.wall, 6.85, 'move 1: keydown → its frame');
near(w.moves[0].cycle.wall, 6.85, 'move 1: to the next keydown (D, E are the bench’s)');
near(w.moves[0].latencyMs, 12 - 1, 'move 1: latency');
near(w.moves[1].toFrame.cpu, 2 + 2 + 1, 'move 2 cpu, the scavenge included');
assert.deepEqual(w.tasks[5].parts.map((p) => p.name), ['EventDispatch keydown']);
assert.deepEqual(w.tasks[6].parts.map((p) => p.name), ['MinorGC (allocation failure)'], 'only the events directly inside a task');
near(w.tasks[6].kinds.gc.cpu, 1.9, 'the scavenge task: its events are gc, the rest of it other');
near(w.tasks[6].kinds.other.cpu, 0.1, 'the scavenge task’s own overhead');
assert.deepEqual(w.marks.map((m) => m.name), ['grade-changes-rows'], 'page marks between the two marks, not the marks themselves');

// The anatomy of a frame: its tasks' kinds summed, tasks of ≥ 0.5 ms, the marks set in it.
const f0 = frameAnatomy(w, 0);
assert.deepEqual(f0.moves, [0]);
assert.deepEqual(f0.marks, []);
near(f0.kinds.paint.wall, 1, 'frame 1 paint');
assert.deepEqual(f0.tasks.map((t) => t.what), ['keydown (PostTaskToMainThread)', 'BeginMainFrame (rAF, style, layout, paint, commit)'], 'B and D are the bench’s (0 ms), not listed');
const f1 = frameAnatomy(w, 1);
assert.deepEqual(f1.moves, [1]);
assert.deepEqual(f1.marks, ['grade-changes-rows']);
near(f1.kinds.gc.wall, 2.8, 'frame 2 gc: the MinorGC event');
near(f1.kinds.gc.cpu + f1.kinds.script.cpu + f1.kinds.paint.cpu + f1.kinds.other.cpu, f1.time.cpu, 'frame 2 cpu kinds add up');
const lines = describeFrame(f1);
assert.match(lines[0], /^frame 2 \(move 2\): 6\.0\/5\.0 ms wall\/CPU; script 1\.8\/1\.8, paint 0\.2\/0\.2, gc 2\.8\/1\.9, other /, lines[0]);
assert.ok(lines.some((l) => l.includes('3.0/2.0 MinorGCJob::TryScheduleTask: MinorGC (allocation failure) 2.8/1.9')), lines.join('\n'));
assert.ok(lines.includes('  page marks: grade-changes-rows ×1'), lines.join('\n'));

// Heap growth: the rises between samples (600 + 100 bytes), the falls apart (700), only the window's samples.
assert.deepEqual(heapGrowth(events, 1, 0, 50_000), { allocated: 700, collected: 700, samples: 4 });
assert.deepEqual(heapGrowth(events, 1, 5000, 50_000), { allocated: 100, collected: 700, samples: 3 });
near(w.windowMs, 100, 'window');

assert.throws(() => analyseMainThread(events, 'nope', 'e'), /no user-timing mark "nope"/);
console.log('trace.ts: ok');
