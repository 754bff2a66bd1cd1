// The ingest benchmark's summary pipeline, in a worker thread of its own so that sending does not
// share the event loop it measures: POSTs JSON Lines batches to /v1/summaries, either at a steady
// rate (batch k is sent at k × batch / rate seconds) or as fast as they are taken (a few requests
// in flight), and tells the main thread when each batch got its 2xx and which made-up word its
// last summary carries. Plain JavaScript: a worker does not get tsx.
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';

const { url, token, batches, durationMs, inFlight, perSecond, batchSize } = workerData;
const started = performance.now();
let next = 0;
let failures = 0;

async function sender() {
  while (next < batches.length && performance.now() - started < durationMs) {
    const k = next++;
    if (perSecond !== undefined) {
      const due = started + (k * batchSize * 1000) / perSecond;
      if (due > performance.now()) await sleep(due - performance.now());
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: batches[k].lines,
    });
    const body = await response.json();
    if (response.status !== 200) {
      failures++;
      continue;
    }
    parentPort.postMessage({ kind: 'stored', at: performance.timeOrigin + performance.now(), accepted: body.accepted, word: batches[k].word });
  }
}

await Promise.all(Array.from({ length: inFlight }, sender));
parentPort.postMessage({ kind: 'done', sent: next, failures, ms: performance.now() - started });
