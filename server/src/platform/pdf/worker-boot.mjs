// The PDF worker run from source (tsx, vitest): registers TypeScript loading in this thread, then starts worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
