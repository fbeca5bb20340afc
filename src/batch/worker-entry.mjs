// Worker threads started from the TypeScript sources (tests and scripts run under tsx) do not
// inherit the main thread's TypeScript loader: register tsx here, then load the worker itself.
// The compiled package (dist/) loads dist/batch/worker.js directly and never uses this file.
// Piscina calls the default export for each task.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
