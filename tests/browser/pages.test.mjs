// Whole pages in a real Chromium: no console errors, and no accessibility violations found by
// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA) on the pages citizens use most, in the default
// colours and in high contrast.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { procedures, type, useSite, watch } from './lib.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useSite();

/** The pages to check: [name, path relative to the site root]. */
function pages() {
  const birth = procedures(site.dir).find((p) => p.title === 'Đăng ký khai sinh') || procedures(site.dir)[0];
  return [
    ['home', ''],
    ['procedure', birth.url],
    ['search', 'tra-cuu/'],
    ['field listing', 'linh-vuc/ho-tich/'],
    ['contact', 'lien-he/'],
    ['stats', 'thong-ke/'],
    ['open data', 'du-lieu/'],
  ];
}

/** Opens a page; on the search page, runs a search so that results and filters are shown. */
async function open(path) {
  const page = await site.browser.context.newPage();
  const problems = watch(page);
  await page.goto(site.server.url + path);
  if (path === 'tra-cuu/') {
    await page.waitForSelector('#bo-loc .facet');
    await type(page, '#q', 'dang ky khai sinh');
    await page.waitForFunction(() => document.querySelectorAll('#danh-sach .card').length > 0);
    await page.evaluate(() => { document.getElementById('bo-loc').open = true; });
    await page.waitForTimeout(800); // the announcement, after its delay
  } else {
    await page.waitForLoadState('load');
  }
  return { page, problems };
}

test('no console errors, exceptions or failed requests', async () => {
  for (const [name, path] of pages()) {
    const { page, problems } = await open(path);
    assert.deepEqual(problems, [], name);
    await page.close();
  }
});

for (const [name, path, contrast] of [['home', ''], ['procedure', null], ['search with results', 'tra-cuu/'],
  ['field listing', 'linh-vuc/ho-tich/'], ['contact', 'lien-he/'], ['stats', 'thong-ke/'],
  ['open data', 'du-lieu/'], ['procedure in high contrast', null, true],
  ['home in high contrast', '', true]]) {
  test(`axe-core finds no WCAG 2.2 A/AA violation: ${name}`, async () => {
    const target = path ?? pages()[1][1];
    const { page } = await open(target);
    if (contrast) {
      await page.click('#tuy-chon button[data-contrast]');
    }
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
      }));
    }, TAGS);
    if (contrast) {
      await page.click('#tuy-chon button[data-contrast]');
    }
    assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 2)}`);
    await page.close();
  });
}

test('on a phone the contents list starts closed and the page opens on its facts; wide, it is open', async () => {
  const birth = pages().find(([name]) => name === 'procedure')[1];
  for (const [width, open] of [[390, false], [1280, true]]) {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(site.server.url + birth);
    assert.equal(await page.$eval('#muc-luc', (d) => d.open), open, `${width} px`);
    // The dossier checklist comes before the steps on every width.
    const order = await page.evaluate(() => ['ho-so', 'cach-thuc', 'trinh-tu']
      .map((id) => document.getElementById(id).getBoundingClientRect().top + window.scrollY));
    assert.ok(order[0] < order[1] && order[1] < order[2], order.join(' '));
    if (!open) {
      await page.click('#muc-luc summary');
      assert.equal(await page.$eval('#muc-luc', (d) => d.open), true);
      // Links of the list are at least 24 px apart (WCAG 2.2 target size).
      const tops = await page.$$eval('#muc-luc li', (lis) => lis.map((li) => li.getBoundingClientRect().top));
      const gaps = tops.slice(1).map((t, i) => t - tops[i]);
      assert.ok(Math.min(...gaps) >= 24, gaps.join(' '));
    }
    await page.close();
  }
});
