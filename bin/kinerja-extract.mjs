#!/usr/bin/env node
// The extract CLI (src/cli.ts, compiled to dist/).
import { launch } from './launch.mjs';

await launch('../dist/cli.js');
