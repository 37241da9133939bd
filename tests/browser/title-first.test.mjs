// The first page of results ranked from title postings alone (the sharded tier loads the other
// postings of long lists after it, for the count and the other pages) is the page the whole
// lists give, in the same order. On a synthetic catalogue of 3,000 procedures, where the lists
// of frequent words ("đăng", "ký", "khai") are long enough to be split.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, resultTitles, type, useSite, watch } from './lib.mjs';

const SYNTH = join(ROOT, 'target', 'release', 'examples', 'synth');

function synthetic(n) {
  if (!existsSync(SYNTH)) {
    throw new Error(`${SYNTH} is missing: run \`cargo build --release --example synth\``);
  }
  const root = mkdtempSync(join(tmpdir(), 'congkhai-synth-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const run = spawnSync(SYNTH, ['--n', String(n), '--seed', '1', '--out', root, '--force'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`synth failed:\n${run.stderr}`);
  return root;
}

const site = useSite([], synthetic(3000));
const COUNTING = 'đang đếm';

/** Records, at every change of the status or the list, the status and the complete list. */
function record() {
  window.__seen = [];
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.getElementById('trang-thai');
    const list = document.getElementById('danh-sach');
    new MutationObserver(() => {
      if (list.hasAttribute('aria-busy')) return;
      window.__seen.push({
        status: status.textContent,
        titles: [...list.querySelectorAll('.card-title')].map((e) => e.textContent.trim()),
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The page of results while counting, and once counted. */
async function pages(page, q) {
  await page.waitForFunction((q) => document.getElementById('trang-thai').textContent.startsWith('Tìm thấy')
    && document.getElementById('trang-thai').textContent.includes(`«${q}»`), q);
  const counted = await resultTitles(page);
  const seen = await page.evaluate(() => window.__seen);
  const first = seen.filter((s) => s.status.includes(COUNTING) && s.status.includes(`«${q}»`)).pop();
  return { first: first && first.titles, counted };
}

test('a first page ranked from title postings is the page of the whole lists, in order', async () => {
  const page = await site.browser.context.newPage();
  const problems = watch(page);
  await page.addInitScript(record);
  let early = 0;
  for (const q of ['dang ky', 'khai sinh', 'đăng ký kết hôn', 'giay phep', 'cap']) {
    await page.goto(`${site.server.url}tra-cuu/?q=${encodeURIComponent(q)}`);
    const { first, counted } = await pages(page, q);
    assert.equal(counted.length, 20, q);
    if (first) {
      early++;
      assert.deepEqual(first, counted, q);
    }
  }
  // The frequent words' queries are settled by their title postings.
  assert.ok(early >= 3, `${early} first pages before the count`);

  // Typed key by key, the same.
  await page.goto(`${site.server.url}tra-cuu/`);
  await page.waitForFunction(() => document.querySelector('#bo-loc .facet'));
  await type(page, '#q', 'khai sinh', 200);
  const { first, counted } = await pages(page, 'khai sinh');
  assert.ok(first, 'typed: a first page before the count');
  assert.deepEqual(first, counted);
  assert.deepEqual(problems, []);
  await page.close();
});
