// The helper thread of the parallel CSV reader when the library runs from its TypeScript sources
// (tests, benchmarks): registers tsx in the worker, then loads the helper. The package ships the
// built helper instead (dist/node-worker.js, .cjs).
import { register } from 'tsx/esm/api';

register();
await import('./dossierCsvWorker.ts');
