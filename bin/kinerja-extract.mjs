#!/usr/bin/env node
// The extract CLI, compiled: `npm run build` (or `npm install`/`npm ci`, which build) writes dist/.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
