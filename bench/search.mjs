// Browser half of bench/search.sh: opens the search page of a built site in Debian's Chromium,
// types queries key by key like a person, and reports
// - first-query bytes: every request the search makes (script, index files, result cards),
//   gzip-compressed as a server would send them; the HTML page and site.css are reported apart;
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
// node bench/search.mjs SITE_DIR [--query "dang ky khai sinh"] [--keystrokes]

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve } from '../tests/browser/lib.mjs';

const args = process.argv.slice(2);
const site = args[0];
const query = args.includes('--query') ? args[args.indexOf('--query') + 1] : 'dang ky khai sinh';
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
const browser = await launch({ width: 412, height: 915 });
const out = { site, query };
try {
  // First query, on a phone-sized screen (filters closed), from an empty cache.
  {
    const page = await browser.page();
    await page.goto(`${server.url}tra-cuu/`);
    await page.waitForSelector('#tra-cuu:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#bo-loc .facet'));
    await page.locator('#q').pressSequentially(query, { delay: 120 });
    await page.waitForFunction((q) => document.getElementById('trang-thai').textContent.includes(`«${q}»`), query);
    await page.waitForTimeout(300);
    const seen = [...new Set(server.requests)];
    const search = seen.filter((p) => /\/(search\.[0-9a-f]+\.js|chi-muc)/.test(p));
    const page_ = seen.filter((p) => !search.includes(p));
    const sum = (list) => list.map(gz).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
    out.first_query = { requests: search.length, ...sum(search) };
    out.page = { requests: page_.length, ...sum(page_) };
    out.first_query_files = search;
    out.first_results = await page.$$eval('#danh-sach .card-title', (e) => e.slice(0, 3).map((x) => x.textContent));
    await page.close();
  }
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
