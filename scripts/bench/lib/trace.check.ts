/**
 * Checks of trace.ts's accounting on a small hand-made trace (vitest does not collect scripts/):
 * `npx tsx scripts/bench/lib/trace.check.ts` prints "trace.ts: ok" or fails with the first difference.
 */
import assert from 'node:assert/strict';
import { analyseMainThread, describeTask, type TraceEvent } from './trace';

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
  task(30000, 2000, 2000, 'PostTaskToMainThread'), key(30100, 1800),
  task(40000, 1000, 1000, 'ScheduledActionSendBeginMainFrame'), instant('BeginMainThreadFrame', 40010), X('Paint', 40100, 200),
  // Another process's main thread: not counted.
  { ...task(2000, 9000, 9000, 'PostTaskToMainThread'), pid: 2, tid: 2 },
  instant('e', 100_000, 'blink.user_timing'),
];

const w = analyseMainThread(events, 's', 'e');
const near = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

assert.equal(w.tasks.length, 7);
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

assert.deepEqual(w.frames.map((f) => f.time.wall), [3 + 3.85, 2 + 1], 'frames: A + C, F + G; E is not a frame of the page');
assert.equal(w.moves.length, 2);
near(w.moves[0].toFrame.wall, 6.85, 'move 1: keydown → its frame');
near(w.moves[0].cycle.wall, 6.85, 'move 1: to the next keydown (D, E are the bench’s)');
near(w.moves[0].latencyMs, 12 - 1, 'move 1: latency');
near(w.moves[1].toFrame.cpu, 3, 'move 2 cpu');
near(w.windowMs, 100, 'window');

assert.throws(() => analyseMainThread(events, 'nope', 'e'), /no user-timing mark "nope"/);
console.log('trace.ts: ok');
