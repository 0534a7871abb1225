/**
 * The helper thread of the parallel CSV reader (parallelCsv.ts, parallelHelper.ts): built as `dist/node-worker.js`
 * and `.cjs`. It waits for the header's layout, reads its chunks and answers with its counts.
 * @internal
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type HelperRows, type HelperTask, readHelperChunks } from './parallelHelper.js';

const port = parentPort!;
port.once('message', (rows: HelperRows) => {
  void readHelperChunks(workerData as HelperTask, rows).then((result) => {
    const transfer: ArrayBuffer[] = [];
    if (result.ids !== null) {
      const { table, prefixes, bitmaps } = result.ids;
      for (const t of [table, prefixes])
        transfer.push(...[t.arena, t.starts, t.values, t.slots].map((a) => a.buffer as ArrayBuffer));
      for (const b of bitmaps) transfer.push(b.buffer as ArrayBuffer);
    }
    port.postMessage(result, transfer);
  });
});
