// The single-file tier opened from disk (file://), as kiosks at the one-stop desk and offline
// copies use it: no server, so the index must load through a <script> tag, not fetch().

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSite, launch, resultTitles, type, watch } from './lib.mjs';

let dir, browser;

before(async () => {
  dir = buildSite();
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the sample site uses the single-file tier', () => {
  const files = readdirSync(join(dir, 'tra-cuu'));
  assert.equal(files.filter((f) => /^chi-muc\.[0-9a-f]{8}\.js$/.test(f)).length, 1, files.join(' '));
  assert.ok(!files.some((f) => f.startsWith('chi-muc-')), 'no shard folder');
});

test('search works from file://', async () => {
  const page = await browser.context.newPage();
  const problems = watch(page);
  const url = pathToFileURL(join(dir, 'tra-cuu', 'index.html')).href;
  await page.goto(url);
  await page.waitForSelector('#bo-loc .facet');
  await type(page, '#q', 'dang ky khai sinh');
  await page.waitForFunction(() => document.getElementById('trang-thai').textContent.includes('«dang ky khai sinh»'));
  assert.equal((await resultTitles(page))[0], 'Đăng ký khai sinh');
  // Result links are relative, so they open the page on disk.
  await Promise.all([page.waitForURL(/thu-tuc\/.*index\.html$|thu-tuc\/[^/]+\/$/), page.click('#danh-sach .card-title a')]);
  assert.ok(page.url().startsWith('file://'), page.url());
  assert.equal(await page.textContent('h1'), 'Đăng ký khai sinh');
  assert.deepEqual(problems, []);
  await page.close();
});
