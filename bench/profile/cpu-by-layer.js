#!/usr/bin/env node
// Shares the gateway's busy time out by layer of the data path, from the same speedscope JSON as cpu-by-method.js, and
// with --cpu (the CPU per request measured beside the trace) turns the shares into microseconds per request.
//
//   node bench/profile/cpu-by-layer.js TRACE.speedscope.json [--cpu MICROSECONDS_PER_REQUEST] [--reference MICROSECONDS]
//
// Each busy sample goes to one layer: a GC stop, logging anywhere in the stack, the thread pool waking or parking a
// worker; otherwise the innermost frame that names a layer (capture/serialisation, authentication, policy, request
// masking, response masking/streaming, audit append + durability, Kestrel/YARP forwarding); else "other".
// --reference (bare YARP's CPU per request from the same run) adds the gap to 0.5x: the CPU the gateway may spend.
'use strict';
const fs = require('fs');

const args = process.argv.slice(2);
if (args.length === 0 || args[0] === '--help') {
  console.error('usage: cpu-by-layer.js TRACE.speedscope.json [--cpu MICROSECONDS_PER_REQUEST] [--reference MICROSECONDS]');
  process.exit(args.length === 0 ? 2 : 0);
}
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const cpu = Number(option('--cpu', '0'));
const reference = Number(option('--reference', '0'));
const doc = JSON.parse(fs.readFileSync(args[0], 'utf8'));
const frames = doc.shared.frames.map(f => f.name);

// The same parked-thread test as cpu-by-method.js.
const WAIT = /(LowLevelLifoSemaphore\.Wait|WaitHandle\.Wait|Monitor\.Wait|Thread\.Sleep|SleepEx|WaitForSocketEvents|SocketAsyncEngine\.EventLoop|ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|LowLevelMonitor\.Wait|WaitOneCore|WaitSubsystem|Interop\+Sys\.Poll|TimerQueue\.TimerThread|WaitForSignal|PortableThreadPool\+GateThread|WaitNative|Console.*Read|ReadFile|BlockingCollection|Interop\+Sys\.Read\b|Interop\+Sys\.WaitPid|ConsoleLoggerProcessor\.TryDequeue)/;
// The finalizer thread waits for work in native code that traces fold into GC.RunFinalizers: when that frame is the
// innermost managed one, the thread is parked (a finalizer that runs shows its own frames below it).
const PARKED_LEAF = /GC\.RunFinalizers\(\)$/;
const PSEUDO = /^(UNMANAGED_CODE_TIME|CPU_TIME|BLOCKED_TIME|Thread \(|Process|\?!\?)/;

const GC = /PollGC/;
const LOGGING = /Microsoft\.Extensions\.Logging/;
const POOL = /PortableThreadPool|LowLevelSpinWaiter|WorkerThreadStart|MaybeAddWorkingWorker|LowLevelLifoSemaphore/;
// Matched from the innermost frame outwards (code both halves share, such as Protocols.Json.JsonBody, names no layer), so that work resumed after an await (whose stack starts in whatever
// completed it) goes to the code doing it, not to the stage that happened to resume it.
const LAYERS = [
  ['capture/serialisation (audit records, summaries)', /Gatehouse\.Audit\.Payloads|Gatehouse\.Audit\.Chain\.BodyParts|Gatehouse\.Gateway\.Exchanges\.ExchangeRecords|Gatehouse\.Protocols\.Streaming\.SummaryBuilder/],
  ['authentication', /Gatehouse\.Gateway\.Identity|Microsoft\.IdentityModel/],
  ['policy', /Gatehouse\.Gateway\.Decisions|Gatehouse\.Policy/],
  ['request masking (parse, mask, rewrite)', /Gatehouse\.Gateway\.Masking\.(Request|SplitSecret)|Gatehouse\.Gateway\.Forwarding\.RequestBody|Gatehouse\.Protocols\.(Json\.RequestJson|Json\.JsonStringSplicer|Requests|[A-Za-z]+\.[A-Za-z]+RequestParser)/],
  ['response masking/streaming (pipeline, holds)', /Gatehouse\.Gateway\.Forwarding\.(ResponseTap|UpstreamTransformer|ResponsePipelines)|Gatehouse\.Gateway\.ResponseHolds|Gatehouse\.Protocols\.(Pipeline|Rewriting|Holding|Sse|Streaming|Json\.JsonEdits|Json\.EditedStrings|[A-Za-z]+\.[A-Za-z]+(BodyReader|EventReader|BodyRewriter|StreamRewriter|Refusal))|Gatehouse\.Gateway\.Masking\.MaskingTextRewriter/],
  ['audit append + durability (writer, SQLite)', /Gatehouse\.Audit\.|Gatehouse\.Storage|SQLitePCL|Microsoft\.Data\.Sqlite/],
  ['Kestrel/YARP forwarding (server, forwarder, HttpClient, sockets)', /Microsoft\.AspNetCore|Yarp\.|System\.Net\./],
];

const totals = new Map();
let busy = 0;
const add = (layer, weight) => totals.set(layer, (totals.get(layer) || 0) + weight);

function classify(stack) {
  const names = stack.map(i => frames[i]);
  let leaf = names.length - 1;
  while (leaf > 0 && PSEUDO.test(names[leaf])) leaf--;
  if (GC.test(names[leaf])) return 'GC (threads stopped for a collection)';
  if (names.some(n => LOGGING.test(n))) return 'logging';
  if (POOL.test(names[leaf])) return 'runtime: thread pool (waking, parking)';
  for (let i = leaf; i >= 0; i--) {
    for (const [layer, rule] of LAYERS) {
      if (rule.test(names[i])) return layer;
    }
  }
  return 'other (runtime, timers, finalizer)';
}

function sample(stack, weight) {
  if (weight <= 0 || stack.length === 0) return;
  let leafIndex = stack.length - 1;
  while (leafIndex > 0 && PSEUDO.test(frames[stack[leafIndex]])) leafIndex--;
  const unmanagedLeaf = frames[stack[stack.length - 1]] === 'UNMANAGED_CODE_TIME';
  const window = stack.slice(Math.max(0, leafIndex - 2), leafIndex + 1).map(i => frames[i]).join(' ');
  if (PARKED_LEAF.test(frames[stack[leafIndex]]) || (WAIT.test(window) && (unmanagedLeaf || WAIT.test(frames[stack[leafIndex]])))) return;
  busy += weight;
  add(classify(stack), weight);
}

for (const profile of doc.profiles) {
  if (profile.type === 'sampled') {
    profile.samples.forEach((stack, i) => sample(stack, profile.weights ? profile.weights[i] : 1));
  } else if (profile.type === 'evented') {
    const stack = [];
    let last = profile.startValue;
    for (const e of profile.events) {
      sample(stack.slice(), e.at - last);
      last = e.at;
      if (e.type === 'O') stack.push(e.frame);
      else if (e.type === 'C') {
        const at = stack.lastIndexOf(e.frame);
        if (at >= 0) stack.splice(at, 1);
      }
    }
  }
}

const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]);
console.log(`| layer | share of busy time |${cpu ? ' µs per request |' : ''}`);
console.log(`|---|---:|${cpu ? '---:|' : ''}`);
for (const [layer, weight] of rows) {
  const share = weight / busy;
  console.log(`| ${layer} | ${(share * 100).toFixed(1)}% |${cpu ? ` ${(share * cpu).toFixed(0)} |` : ''}`);
}
if (cpu) {
  console.log(`| total | 100% | ${cpu.toFixed(0)} |`);
}
if (cpu && reference) {
  console.log(`\nbare YARP ${reference.toFixed(0)} µs per request: the gateway costs ${(cpu / reference).toFixed(1)}x; at 0.5x it may spend ${(2 * reference).toFixed(0)} µs, ${(cpu - 2 * reference).toFixed(0)} µs less than now`);
}
