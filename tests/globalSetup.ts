// The CLI, the batch's worker threads and the package test run the compiled package (dist/): build it before any
// test spawns them, so a test never runs code older than the sources (incremental: a second or two
// when nothing changed).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers/paths.ts';

export default function setup(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, [join(ROOT, 'scripts/write-schema.mjs')], { stdio: 'inherit' });
}
