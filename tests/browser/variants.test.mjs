// Spellings Vietnamese writers mix, on the search page of a real build: "mĩ" and "mỹ" (i or y
// after a consonant), "thuỷ" and "thủy" (old and new tone placement). The sample has no such
// title, so this site is the sample with two records more.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultTitles, sampleWith, type, useSite, watch } from './lib.mjs';

const THUY = 'Cấp giấy phép hoạt động thủy lợi';
const MY = 'Cấp giấy phép kinh doanh dịch vụ thẩm mỹ';
const site = useSite([], sampleWith([
  { path: 'ho-tich/cap-giay-phep-hoat-dong-thuy-loi.yaml', code: '9.000001', title: THUY },
  { path: 'ho-tich/cap-giay-phep-kinh-doanh-dich-vu-tham-my.yaml', code: '9.000002', title: MY },
]));

/** Types `q` into a fresh box and returns the result titles once the status names it. */
async function find(page, q) {
  await page.fill('#q', '');
  await type(page, '#q', q);
  await page.waitForFunction((q) => document.getElementById('trang-thai').textContent.includes(`«${q.trim()}»`), q);
  return resultTitles(page);
}

test('"mĩ" and "mỹ", "thuỷ" and "thủy" find the same procedures in the same order, the title first', async () => {
  const page = await site.browser.context.newPage();
  const problems = watch(page);
  await page.goto(`${site.server.url}tra-cuu/`);
  await page.waitForFunction(() => document.querySelector('#bo-loc .facet'));
  for (const [title, spellings] of [
    [THUY, ['thuỷ lợi ', 'thủy lợi ', 'thuy loi ']],
    [MY, ['thẩm mĩ ', 'thẩm mỹ ', 'tham mi ', 'tham my ']],
  ]) {
    const lists = [];
    for (const q of spellings) {
      const titles = await find(page, q);
      assert.equal(titles[0], title, q);
      lists.push(titles);
    }
    for (const titles of lists.slice(1)) assert.deepEqual(titles, lists[0], spellings.join(' | '));
    // The word as the title writes it is marked, whichever way it was typed.
    const marks = await page.$$eval('#danh-sach .card-title mark', (m) => m.map((x) => x.textContent));
    assert.ok(marks.includes(title.split(' ').at(-1)), marks.join(','));
  }
  assert.deepEqual(problems, []);
  await page.close();
});
