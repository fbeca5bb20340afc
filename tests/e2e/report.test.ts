// `kinerja-extract report` opened in a real headless browser (Debian's chromium, driven by
// puppeteer-core): the outputs of the five seeds and three real PDFs (Excel, SIPD from Chrome,
// Word) plus one input that fails. The pages load from the disk with no console error; the
// comparison shows code 1.06.01.2.02.0001 across the five seed districts (screenshot in
// out/test-report/); a click on another code in the coverage grid changes the chart.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEEDS, SHARED, requireShared } from '../helpers/paths.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'out', 'test-report');
const SEED_STEMS = ['000_3c81d608c39353c9', '001_58bf08c6da99c956', '002_e86b35e174e817cf', '003_a0b8d9f08cf4c655', '004_a30a70c4cd2935b3'];
const REAL = ['rfk-dpupr-kab-grobogan-2021-12.pdf', 'rka-sipd-disdagin-kota-bogor-2022-rapat.pdf', 'evaluasi-renja-tw-dinkes-kota-tangsel-2023.pdf'];

const work = mkdtempSync(join(tmpdir(), 'report-'));
const inputs = join(work, 'in');
const outputs = join(work, 'out');
const site = join(work, 'report');
let browser: Browser;
let cli: ReturnType<typeof spawnSync>;

/** A page opened from the disk, with every console error and uncaught exception it raises. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1300 });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(`file://${join(site, path)}`, { waitUntil: 'load' });
  return { page, errors };
}

/** The budget chart's categories (districts) and series, as ECharts holds them. */
const budgetChart = (page: Page) => page.evaluate(() => {
  const o = (window as unknown as { echarts: { getInstanceByDom(e: Element): { getOption(): { xAxis: { data: string[] }[]; series: { name: string; data: (number | null)[] }[]; title: { text: string }[] } } } })
    .echarts.getInstanceByDom(document.getElementById('budget-chart')!).getOption();
  return { title: o.title[0].text, districts: o.xAxis[0].data, series: o.series.map((s) => ({ name: s.name, data: s.data })) };
});

beforeAll(async () => {
  requireShared();
  mkdirSync(inputs);
  for (const s of SEED_STEMS) copyFileSync(join(SEEDS, `${s}.txt`), join(inputs, `${s}.txt`));
  for (const f of REAL) copyFileSync(join(SHARED, 'real', f), join(inputs, f));
  writeFileSync(join(inputs, 'broken.pdf'), '%PDF-1.7\nthis is not a PDF body\n');
  const bin = join(ROOT, 'bin/kinerja-extract.mjs');
  spawnSync('node', [bin, inputs, '--out', outputs, '--quiet', '--ocr', 'never'], { encoding: 'utf8', cwd: work });
  cli = spawnSync('node', [bin, 'report', outputs, '--out', site], { encoding: 'utf8', cwd: work });
  browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report, built', () => {
  it('writes an index, one page per document and the comparison, with everything they load beside them', () => {
    expect(cli.status, String(cli.stderr)).toBe(0);
    expect(String(cli.stdout)).toMatch(/^8 documents, 1 not read → /m);
    for (const f of ['index.html', 'compare.html', 'assets/echarts.min.js', 'assets/report.js', 'assets/compare.js', 'assets/report.css']) expect(existsSync(join(site, f)), f).toBe(true);
    for (const s of [...SEED_STEMS, ...REAL.map((f) => f.replace(/\.pdf$/, ''))]) expect(existsSync(join(site, 'docs', `${s}.html`)), s).toBe(true);
    // nothing from the network: no http(s) source or stylesheet in any page
    for (const f of ['index.html', 'compare.html', `docs/${SEED_STEMS[3]}.html`]) expect(readFileSync(join(site, f), 'utf8')).not.toMatch(/(src|href)="https?:/);
  });
});

describe('the report in a browser', () => {
  it('the index lists every document and the input that failed with its reason, and sorts by a column', async () => {
    const { page, errors } = await open('index.html');
    const files = await page.$$eval('#documents tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(files).toEqual(expect.arrayContaining([...SEED_STEMS.map((s) => `${s}.txt`), ...REAL, 'broken']));
    expect(await page.$eval('ul.failed', (ul) => ul.textContent)).toMatch(/broken.*extraction failed/);
    // records column, sorted twice: the largest first
    const records = (await page.$$('#documents thead th'))[7];
    await records.click();
    await records.click();
    const first = await page.$eval('#documents tbody tr td:first-child', (td) => td.textContent);
    expect(first).toBe('002_e86b35e174e817cf.txt');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a document page groups warnings by severity and links a PDF page', async () => {
    const { page, errors } = await open('docs/rfk-dpupr-kab-grobogan-2021-12.html');
    expect(await page.$eval('h3.sev-document', (h) => h.textContent)).toMatch(/Inconsistencies in the document \(\d+\)/);
    expect(await page.$eval('h3.sev-extraction', (h) => h.textContent)).toMatch(/Extraction doubts \(\d+\)/);
    const links = await page.$$eval('a[href*=".pdf#page="]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toMatch(/^\.\.\/\.\.\/in\/rfk-dpupr-kab-grobogan-2021-12\.pdf#page=\d+$/);
    // a sum the document gets wrong names its printed and expected figures
    const sums = await page.$$eval('details[data-type="sum_mismatch"] li .figs', (els) => els.map((e) => e.textContent));
    for (const s of sums) expect(s).toMatch(/printed [\d.,-]+ .*expected [\d.,-]+/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the comparison shows 1.06.01.2.02.0001 across the five seed districts, and a click on another code changes it', async () => {
    const { page, errors } = await open('compare.html#code=1.06.01.2.02.0001');
    const chart = await budgetChart(page);
    expect(chart.title).toBe('1.06.01.2.02.0001');
    expect(chart.districts).toEqual(['kabupaten Blitar', 'kabupaten Lampung Barat', 'kota Jambi', 'kota Metro', 'kota Tarakan']);
    // every district has a bar: plan, revised, realised or its Renstra's figure
    chart.districts.forEach((_, i) => expect(chart.series.some((s) => typeof s.data[i] === 'number' && s.data[i]! > 0)).toBe(true));
    await page.screenshot({ path: join(SHOTS, 'compare-1.06.01.2.02.0001.png') });
    const other = await page.$$eval('#coverage a.code', (as) => as.map((a) => a.getAttribute('data-code')).find((c) => c !== '1.06.01.2.02.0001' && c!.split('.').length === 5));
    await page.click(`#coverage a.code[data-code="${other}"]`);
    const after = await budgetChart(page);
    expect(after.title).toBe(other);
    expect(after).not.toEqual(chart);
    expect(await page.$eval('#code-select', (s) => (s as HTMLSelectElement).value)).toBe(other);
    await page.screenshot({ path: join(SHOTS, `compare-${other}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
