import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` found beside `base` (the caller's `import.meta.url`). Run from
 * source (tests, under tsx), the worker registers tsx before importing it.
 */
export function startWorker(base: string, name: string, workerData: unknown): Worker {
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = JSON.stringify(new URL(`./${name}.ts`, base).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${script}); });`, {
    eval: true,
    workerData,
  });
}
