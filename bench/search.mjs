// Browser half of bench/search.sh: opens the search page of a built site in Debian's Chromium,
// types queries key by key like a person, and reports
// - first-query bytes, for each query: every request the search makes (script, index files,
//   result cards), gzip-compressed at zlib's default level as a server would send them; the
//   HTML page and site.css are reported apart. Each query runs in a fresh browser (empty
//   cache), on a phone-sized screen (filters closed), two ways: typed key by key on the search
//   page (200 ms a key by default: slow enough for the client to fetch at each pause, the most
//   typing costs), and arriving in the URL (`?q=`, what the search box of every other page
//   sends). Three counts each: the requests made until the first results show (`first`),
//   until the page of 20 results is complete (`page_of_results`), and until the number of
//   results is shown (`counted`: a first page ranked from title postings comes before it);
// - keystroke-to-results time: from the `input` event to the results list changing, median
//   90th and 95th percentile, with and without a 4× CPU slowdown (Lighthouse's mid-range
//   phone); over every keystroke that changed the list, and over those that fetched no file
//   (main-thread time alone: the others include the 150 ms pause before a fetch). The client
//   puts the cards a screen shows in place with the keystroke and the rest of the page after
//   that paint, so the first change is the visible results;
// - keystroke-to-paint time: from the same `input` event to the end of the first frame after
//   that change (a message posted from requestAnimationFrame runs once the frame is painted),
//   which adds the browser's own style, layout and paint work.
//
// node bench/search.mjs SITE_DIR [--query "khai sinh"]... [--delay MS] [--keystrokes]

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
const site = args[0];
const option = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const queries = option('--query').length ? option('--query') : ['khai sinh', 'dang ky'];
const delay = Number(option('--delay')[0] || 200);
const keystrokes = args.includes('--keystrokes');
const QUERIES = ['dang ky khai sinh', 'chung thuc ban sao', 'giay phep xay dung', 'tro cap xa hoi'];

function gz(path) {
  const file = join(site, path);
  try {
    if (statSync(file).isDirectory()) return gz(join(path, 'index.html'));
    const bytes = readFileSync(file);
    return { raw: bytes.length, gzip: gzipSync(bytes).length };
  } catch {
    return { raw: 0, gzip: 0 };
  }
}

function stats(xs) {
  if (!xs.length) return { n: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return {
    n: s.length, median: +at(0.5).toFixed(2), p90: +at(0.9).toFixed(2), p95: +at(0.95).toFixed(2),
    max: +s[s.length - 1].toFixed(2),
  };
}

const server = await serve(site);
const out = { site, delay_ms: delay, first_query: {} };
const sum = (list) => list.map(gz).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
const isSearch = (p) => /\/(search\.[0-9a-f]+\.js|chi-muc)/.test(p);
/** The search files among `paths`, counted and summed. */
function searchBytes(paths) {
  const files = [...new Set(paths)].filter(isSearch);
  return { requests: files.length, ...sum(files) };
}

/** One first query in a fresh browser: typed on the search page, or given in the URL. */
async function firstQuery(query, how) {
  const browser = await launch({ width: 412, height: 915 });
  server.requests.length = 0;
  try {
    const page = await browser.page();
    await page.goto(`${server.url}tra-cuu/${how === 'url' ? `?q=${encodeURIComponent(query)}` : ''}`);
    await page.waitForSelector('#tra-cuu:not([hidden])');
    if (how === 'typed') {
      await page.waitForFunction(() => document.querySelector('#bo-loc .facet'));
      await page.locator('#q').pressSequentially(query, { delay });
    }
    await page.waitForFunction((q) => document.getElementById('trang-thai').textContent.includes(`«${q}»`)
      && document.querySelector('#danh-sach .card-title'), query);
    const first = searchBytes(server.requests);
    await page.waitForSelector('#danh-sach:not([aria-busy])', { state: 'attached' });
    await page.waitForTimeout(500);
    const all = [...new Set(server.requests)];
    // A first page ranked from title postings says "counting" until the rest of the lists
    // is loaded (once typing pauses): the bytes until the count is shown.
    await page.waitForSelector('#trang-thai:not([data-counting])', { state: 'attached' });
    await page.waitForTimeout(500);
    const counted = [...new Set(server.requests)];
    return {
      first,
      page_of_results: searchBytes(all),
      counted: searchBytes(counted),
      html_and_styles: { requests: all.filter((p) => !isSearch(p)).length, ...sum(all.filter((p) => !isSearch(p))) },
      files: all.filter(isSearch),
      results: await page.$$eval('#danh-sach .card-title', (e) => e.slice(0, 3).map((x) => x.textContent)),
    };
  } finally {
    await browser.close();
  }
}

for (const query of queries) {
  out.first_query[query] = { typed: await firstQuery(query, 'typed'), url: await firstQuery(query, 'url') };
}
const browser = await launch({ width: 412, height: 915 });
try {
  if (keystrokes) {
    for (const slowdown of [1, 4]) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
      // The search page of a large catalogue is long (its no-JS list names every procedure).
      page.setDefaultTimeout(120000);
      await page.addInitScript(() => {
        // [ms, whether a file was fetched on the way]: a keystroke that needs a new shard or
        // new result cards waits for the client's pause in typing (150 ms) and the network.
        // [ms to the change, whether a file was fetched, ms to the frame painted after it].
        window.__lat = [];
        let t0 = 0, files = 0;
        const fetched = () => performance.getEntriesByType('resource').length;
        document.addEventListener('input', () => { t0 = performance.now(); files = fetched(); }, true);
        document.addEventListener('DOMContentLoaded', () => {
          new MutationObserver(() => {
            if (!t0) return;
            const start = t0, row = [performance.now() - start, fetched() > files, null];
            window.__lat.push(row);
            t0 = 0;
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => { row[2] = performance.now() - start; };
              ch.port2.postMessage(0);
            });
          }).observe(document.getElementById('danh-sach'), { subtree: true, childList: true, characterData: true });
        });
      });
      await page.goto(`${server.url}tra-cuu/`);
      await page.waitForFunction(() => document.querySelector('#bo-loc .facet'));
      // Warm: the shards of these words are loaded once; then every keystroke is measured.
      for (const q of QUERIES) {
        await page.fill('#q', '');
        await page.locator('#q').pressSequentially(q, { delay: 60 });
        await page.waitForTimeout(400);
      }
      await page.evaluate(() => { window.__lat = []; });
      for (const q of QUERIES) {
        await page.fill('#q', '');
        await page.waitForTimeout(200);
        await page.evaluate(() => { window.__lat = window.__lat.slice(0, -1); });
        await page.locator('#q').pressSequentially(q, { delay: 150 });
        await page.waitForTimeout(400);
      }
      const lat = await page.evaluate(() => window.__lat);
      out[`keystroke_ms_cpu${slowdown}x`] = stats(lat.map((x) => x[0]));
      // Main-thread time alone: the keystrokes that fetched nothing.
      out[`keystroke_ms_cpu${slowdown}x_no_fetch`] = stats(lat.filter((x) => !x[1]).map((x) => x[0]));
      out[`keystroke_paint_ms_cpu${slowdown}x_no_fetch`] = stats(lat.filter((x) => !x[1] && x[2] !== null).map((x) => x[2]));
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(out));
