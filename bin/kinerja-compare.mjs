#!/usr/bin/env node
// The compare CLI, compiled: `npm run build` (or `npm install`/`npm ci`, which build) writes dist/.
import { main } from '../dist/compareCli.js';

process.exitCode = await main(process.argv);
