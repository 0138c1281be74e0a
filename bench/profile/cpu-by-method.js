#!/usr/bin/env node
// Sums where a Gatehouse process spends its CPU, from a speedscope JSON that `dotnet-trace convert --format speedscope`
// wrote from a sampled-thread-time trace (dotnet-trace collect --profile dotnet-sampled-thread-time).
//
//   node bench/profile/cpu-by-method.js TRACE.speedscope.json [--top 30] [--requests N] [--match TEXT]
//                                       [--callers TEXT [--depth 5]] [--width 150]
//
// The sampler records every thread, running or not. A sample whose innermost frames are a wait (a thread-pool worker
// parked on its semaphore, the socket engine in epoll, a timer, Monitor.Wait) is idle time and is left out; what is
// left is an estimate of time on CPU. Prints exclusive (the method itself) and inclusive (with what it calls) shares of
// those busy samples per method, and exclusive shares per namespace (first three name parts), so hot spots read as %.
'use strict';
const fs = require('fs');

const args = process.argv.slice(2);
if (args.length < 1) {
  console.error('usage: cpu-by-method.js TRACE.speedscope.json [--top 30] [--requests N] [--match TEXT]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const top = Number(option('--top', '30'));
const requests = Number(option('--requests', '0'));
const match = option('--match', null);
// --callers TEXT: also list the call paths (5 frames up) that lead to frames whose name contains TEXT.
const callersOf = option('--callers', null);
const callers = new Map();
const depth = Number(option("--depth", "5"));
const doc = JSON.parse(fs.readFileSync(args[0], 'utf8'));
const frames = doc.shared.frames.map(f => f.name);

// Innermost frames that mean the thread is parked, not working.
// ConsoleLoggerProcessor.TryDequeue: the console logger's thread parks in it (Monitor.Wait on its queue) and some traces
// show it as the innermost frame with no native frame below: one thread for the whole trace, not work.
const WAIT = /(LowLevelLifoSemaphore\.Wait|WaitHandle\.Wait|Monitor\.Wait|Thread\.Sleep|SleepEx|WaitForSocketEvents|SocketAsyncEngine\.EventLoop|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|LowLevelMonitor\.Wait|WaitOneCore|WaitSubsystem|Interop\+Sys\.Poll|TimerQueue\.TimerThread|WaitForSignal|PortableThreadPool\+GateThread|WaitNative|Console.*Read|ReadFile|BlockingCollection|Interop\+Sys\.Read\b|Interop\+Sys\.WaitPid|ConsoleLoggerProcessor\.TryDequeue)/;
// The finalizer thread waits for work in native code that traces fold into GC.RunFinalizers: when that frame is the
// innermost managed one, the thread is parked (a finalizer that runs shows its own frames below it).
const PARKED_LEAF = /GC\.RunFinalizers\(\)$/;
const PSEUDO = /^(UNMANAGED_CODE_TIME|CPU_TIME|BLOCKED_TIME|Thread \(|Process|\?!\?)/;

const exclusive = new Map();
const inclusive = new Map();
const namespaces = new Map();
let busy = 0;
let idle = 0;

function innermostReal(stack) {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (!PSEUDO.test(frames[stack[i]])) return i;
  }
  return -1;
}

function add(stack, weight) {
  if (weight <= 0 || stack.length === 0) return;
  const leafIndex = innermostReal(stack);
  const leafName = leafIndex >= 0 ? frames[stack[leafIndex]] : frames[stack[stack.length - 1]];
  const unmanagedLeaf = frames[stack[stack.length - 1]] === 'UNMANAGED_CODE_TIME';
  // A parked thread: its innermost managed frames wait, and below them it is in native code (or the wait itself).
  const window = stack.slice(Math.max(0, leafIndex - 2), leafIndex + 1).map(i => frames[i]).join(' ');
  if (PARKED_LEAF.test(leafName) || (WAIT.test(window) && (unmanagedLeaf || WAIT.test(leafName)))) {
    idle += weight;
    return;
  }
  if (match && !stack.some(i => frames[i].includes(match))) return;
  busy += weight;
  if (callersOf) {
    const at = stack.findIndex(i => frames[i].includes(callersOf));
    if (at >= 0) {
      const path = stack.slice(Math.max(0, at - depth), at + 1).map(i => frames[i].split('(')[0].replace(/^[^!]*!/, '')).join(' > ');
      callers.set(path, (callers.get(path) || 0) + weight);
    }
  }
  const leaf = unmanagedLeaf && leafIndex >= 0 ? `${leafName} [native]` : leafName;
  exclusive.set(leaf, (exclusive.get(leaf) || 0) + weight);
  const ns = namespaceOf(leafName);
  namespaces.set(ns, (namespaces.get(ns) || 0) + weight);
  for (const f of new Set(stack.map(i => frames[i]))) {
    if (!PSEUDO.test(f)) inclusive.set(f, (inclusive.get(f) || 0) + weight);
  }
}

function namespaceOf(name) {
  const bang = name.indexOf('!');
  const qualified = bang >= 0 ? name.slice(bang + 1) : name;
  const parts = qualified.split('(')[0].split('.');
  return parts.slice(0, Math.min(3, Math.max(1, parts.length - 2))).join('.');
}

for (const profile of doc.profiles) {
  if (profile.type === 'sampled') {
    profile.samples.forEach((stack, i) => add(stack, profile.weights ? profile.weights[i] : 1));
  } else if (profile.type === 'evented') {
    const stack = [];
    let last = profile.startValue;
    for (const e of profile.events) {
      add(stack.slice(), e.at - last);
      last = e.at;
      if (e.type === 'O') stack.push(e.frame);
      else if (e.type === 'C') {
        const at = stack.lastIndexOf(e.frame);
        if (at >= 0) stack.splice(at, 1);
      }
    }
  }
}

const pct = v => (100 * v / busy).toFixed(1).padStart(5) + '%';
const width = Number(option("--width", "150"));
const short = n => (n.length > width ? n.slice(0, width - 3) + "..." : n);
const table = (title, map, n) => {
  console.log(`\n${title}`);
  [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log(`${pct(v)}  ${short(k)}`));
};
console.log(`busy ${busy.toFixed(0)} ${doc.profiles[0]?.unit || ''}, idle (parked threads) ${idle.toFixed(0)}; shares below are of busy time`);
if (requests > 0) console.log(`busy time per request: ${(busy * 1000 / requests).toFixed(0)} µs (if the unit is ms)`);
table('exclusive (the method itself), top ' + top, exclusive, top);
table('inclusive (with what it calls), top ' + top, inclusive, top);
table('exclusive by namespace, top ' + top, namespaces, top);
if (callersOf) table(`paths to ${callersOf}`, callers, top);
