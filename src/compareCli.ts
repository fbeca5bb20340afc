// `kinerja-compare <out folder> [--out DIR]`: the comparison of every extracted document.
import { Command } from 'commander';
import { compareFolder } from './compare/index.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('kinerja-compare')
    .description('compare extracted documents across districts: one long table (JSON Lines, CSV) and a per-code summary')
    .argument('<folder>', 'a folder of extracted JSON documents (the extract command\'s --out)')
    .option('--out <dir>', 'where to write comparison.jsonl, comparison.csv and codes.json', 'out/compare')
    .exitOverride();
  try {
    program.parse(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  const r = await compareFolder(program.args[0], program.opts<{ out: string }>().out);
  for (const s of r.skipped) console.log(`skip  ${s.file}: ${s.reason}`);
  // name the districts of a small comparison; an archive's hundreds are in codes.json
  const names = r.districts.length <= 10 ? ` (${r.districts.join('; ')})` : '';
  console.log(`${r.documents} documents, ${r.districts.length} districts${names}, ${r.rows} rows, ${r.codes} codes → ${r.files.join(', ')}`);
  return r.documents ? 0 : 1;
}
