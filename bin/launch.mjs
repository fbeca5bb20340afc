// What both CLIs do first: `--version` alone is answered before the extractor (pdf.js,
// tesseract.js) is loaded; anything else runs the compiled CLI (`npm run build`, or `npm ci`,
// which builds, writes dist/).
import { readFileSync } from 'node:fs';

export async function launch(cli) {
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    return;
  }
  const { main } = await import(cli);
  process.exitCode = await main(process.argv);
}
