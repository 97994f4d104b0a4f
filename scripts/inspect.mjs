/**
 * Looks into a running app server started with MAPPE_INSPECT=<port> (scripts/launch.ts), over the inspector
 * protocol (the `ws` client Next ships compiled):
 *
 *   node scripts/inspect.mjs <port> mem                     heap and RSS now (after a full GC with `gc`)
 *   node scripts/inspect.mjs <port> gc                      a full collection, then the figures
 *   node scripts/inspect.mjs <port> cpu <seconds> <file>    a CPU profile of the next seconds (.cpuprofile)
 *   node scripts/inspect.mjs <port> alloc <seconds> <file>  a sampling allocation profile incl. garbage (.heapprofile)
 *   node scripts/inspect.mjs <port> snapshot <file>         a heap snapshot (.heapsnapshot)
 *
 * A diagnostic for issue 17 (where time and memory go under load); not used by the app.
 */
import { writeFileSync, createWriteStream } from 'node:fs';
import WebSocket from 'next/dist/compiled/ws/index.js';

const [port, command, ...rest] = process.argv.slice(2);
if (!port || !command) {
  console.error('usage: node scripts/inspect.mjs <port> mem|gc|cpu|alloc|snapshot …');
  process.exit(2);
}
const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { maxPayload: 2 ** 31 });
await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
let next = 1;
const waiting = new Map();
const listeners = new Map();
ws.on('message', (data) => {
  const msg = JSON.parse(data.toString());
  if (msg.id && waiting.has(msg.id)) {
    const { resolve, reject } = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.error) reject(new Error(msg.error.message));
    else resolve(msg.result);
  } else if (msg.method) listeners.get(msg.method)?.(msg.params);
});
const send = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));

async function figures() {
  const { result } = await send('Runtime.evaluate', {
    expression: `(() => { const m = process.memoryUsage();
      const mib = (n) => Math.round(n / 1048576);
      return JSON.stringify({ rss: mib(m.rss), heapTotal: mib(m.heapTotal), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) }); })()`,
    returnByValue: true,
  });
  return JSON.parse(result.value);
}

if (command === 'mem') console.log(await figures());
else if (command === 'gc') {
  await send('HeapProfiler.enable');
  await send('HeapProfiler.collectGarbage');
  console.log(await figures());
} else if (command === 'cpu') {
  const [seconds, file] = rest;
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
  await sleep(Number(seconds));
  const { profile } = await send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  console.log(`wrote ${file}`);
} else if (command === 'alloc') {
  const [seconds, file] = rest;
  await send('HeapProfiler.enable');
  await send('HeapProfiler.startSampling', {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await sleep(Number(seconds));
  const { profile } = await send('HeapProfiler.stopSampling');
  writeFileSync(file, JSON.stringify(profile));
  console.log(`wrote ${file}`);
} else if (command === 'snapshot') {
  const [file] = rest;
  const out = createWriteStream(file);
  listeners.set('HeapProfiler.addHeapSnapshotChunk', (p) => out.write(p.chunk));
  await send('HeapProfiler.enable');
  await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await new Promise((r) => out.end(r));
  console.log(`wrote ${file}`);
} else {
  console.error(`unknown command ${command}`);
  process.exitCode = 2;
}
ws.close();
