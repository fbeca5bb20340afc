#!/usr/bin/env node
// Runs the TypeScript compare CLI through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/compareCli.ts');
process.exitCode = await main(process.argv);
