// Worker threads do not inherit the main thread's TypeScript loader: register tsx here, then
// load the worker itself. Piscina calls the default export for each task.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
