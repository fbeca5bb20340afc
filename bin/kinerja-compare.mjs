#!/usr/bin/env node
// The compare CLI (src/compareCli.ts, compiled to dist/).
import { launch } from './launch.mjs';

await launch('../dist/compareCli.js');
