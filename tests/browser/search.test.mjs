// The search page in a real Chromium: matching, codes, filters and their counts, URL state,
// keyboard-only use, highlighting and announcements, layout stability.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decode, procedures, resultTitles, type, useSite, waitForResults, watch } from './lib.mjs';

const site = useSite();

/** A fresh tab on the search page, the search script ready. */
async function searchPage(query = '') {
  const page = await site.browser.context.newPage();
  const problems = watch(page);
  await page.goto(`${site.server.url}tra-cuu/${query}`);
  await page.waitForSelector('#tra-cuu:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#bo-loc .facet'));
  return { page, problems };
}

/** Waits until the results show `text` in the status line. */
async function statusContains(page, text) {
  await page.waitForFunction((t) => document.getElementById('trang-thai').textContent.includes(t), text);
  return page.textContent('#trang-thai');
}

/** Clears the box and types `q` key by key; waits for the status line to settle on it. */
async function search(page, q) {
  await page.fill('#q', '');
  await type(page, '#q', q);
  await page.waitForFunction(
    (q) => {
      const s = document.getElementById('trang-thai').textContent;
      return s.includes(`«${q.trim()}»`) || s.includes('gần đúng');
    },
    q,
  );
  return resultTitles(page);
}

test('typing "dang ky khai sinh" shows "Đăng ký khai sinh" first', async () => {
  const { page, problems } = await searchPage();
  const titles = await search(page, 'dang ky khai sinh');
  assert.equal(titles[0], 'Đăng ký khai sinh');
  // Every result has all four words (AND), in some field of the record.
  assert.ok(titles.length >= 3, titles.join(' | '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('accents, capitals and Telex "dd" find the same first result', async () => {
  const { page } = await searchPage();
  for (const q of ['Đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH', 'ddang ky khai sinh']) {
    const titles = await search(page, q);
    assert.equal(titles[0], 'Đăng ký khai sinh', q);
  }
  await page.close();
});

test('the procedure code "1.001193" (and "001193", and "1.001193.000.00.00.H54") finds it first', async () => {
  const { page } = await searchPage();
  for (const q of ['1.001193', '001193', '1.001193.000.00.00.H54']) {
    const titles = await search(page, q);
    assert.equal(titles[0], 'Đăng ký khai sinh', q);
  }
  await page.close();
});

test('the last word matches as a prefix while it is typed', async () => {
  const { page } = await searchPage();
  await page.fill('#q', '');
  await type(page, '#q', 'chung thu');
  await statusContains(page, '«chung thu»');
  const titles = await resultTitles(page);
  assert.ok(titles.some((t) => t.startsWith('Chứng thực')), titles.join(' | '));
  await page.close();
});

test('a typo in a long word gives approximate results, and says so', async () => {
  const { page } = await searchPage();
  await page.fill('#q', '');
  await type(page, '#q', 'chuung thuc ');
  const status = await statusContains(page, 'gần đúng');
  assert.match(status, /«chung thuc»/);
  assert.ok((await resultTitles(page)).length > 0);
  await page.close();
});

test('nothing found offers the fields, the hotline and the desk instead of a dead end', async () => {
  const { page } = await searchPage();
  assert.equal(await page.isVisible('#khong-thay'), false);
  await page.fill('#q', '');
  await type(page, '#q', 'qqxxzz ');
  await statusContains(page, 'Không tìm thấy');
  await page.waitForSelector('#khong-thay', { state: 'visible' });
  const hrefs = await page.$$eval('#khong-thay a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.some((h) => h.endsWith('linh-vuc/')), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h.startsWith('tel:')), hrefs.join(' '));
  assert.ok(hrefs.some((h) => h.endsWith('lien-he/')), hrefs.join(' '));
  // A query that finds something hides it again.
  await page.fill('#q', '');
  await type(page, '#q', 'khai sinh ');
  await statusContains(page, 'Tìm thấy');
  assert.equal(await page.isVisible('#khong-thay'), false);
  await page.close();
});

test('"kí" and "ký" are one spelling: "dang ki khai sinh" finds it first and marks "ký"', async () => {
  const { page } = await searchPage();
  for (const q of ['dang ki khai sinh', 'đăng kí khai sinh']) {
    const titles = await search(page, q);
    assert.equal(titles[0], 'Đăng ký khai sinh', q);
  }
  const marked = await page.$$eval('#danh-sach .card:first-child h3 mark, #danh-sach .card:first-child h2 mark', (m) => m.map((e) => e.textContent));
  assert.ok(marked.some((m) => m.toLowerCase() === 'ký'), marked.join(' | '));
  const kethon = await search(page, 'đăng kí kết hôn');
  assert.equal(kethon[0], 'Đăng ký kết hôn');
  await page.close();
});

test('matched words are highlighted and the result count is announced', async () => {
  const { page } = await searchPage();
  await search(page, 'khai sinh');
  const marked = await page.$$eval('#danh-sach .card:first-child mark', (m) => m.map((e) => e.textContent));
  assert.deepEqual(marked.map((m) => m.toLowerCase()), ['khai', 'sinh']);
  const live = page.locator('#thong-bao');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await page.waitForFunction(() => document.getElementById('thong-bao').textContent.includes('khai sinh'));
  await page.close();
});

/** Field id → number of procedures, read from the built field listings. */
function fieldTotals() {
  const totals = {};
  for (const id of readdirSync(join(site.dir, 'linh-vuc'))) {
    let html;
    try { html = readFileSync(join(site.dir, 'linh-vuc', id, 'index.html'), 'utf8'); } catch { continue; }
    const m = html.match(/<p class="count"><strong>(\d+)<\/strong>/);
    if (m) totals[id] = Number(m[1]);
  }
  return totals;
}

test('field filter counts agree with the catalogue, and a filter narrows the results', async () => {
  const { page } = await searchPage();
  const totals = fieldTotals();
  assert.ok(Object.keys(totals).length >= 3, JSON.stringify(totals));
  // No query: the counts are the listing totals.
  const counts = () => page.$$eval('#bo-loc input[name="linh-vuc"]', (boxes) => Object.fromEntries(
    boxes.map((b) => [b.value, Number(b.parentElement.querySelector('.facet-count').textContent.replace(/\D/g, ''))]),
  ));
  await page.waitForFunction(() => document.querySelector('#bo-loc .facet-count').textContent !== '');
  const all = await counts();
  for (const [id, n] of Object.entries(totals)) {
    if (n > 0) assert.equal(all[id], n, `field ${id}`);
  }

  // With a query, each field's count is the number of results in that field.
  const before = await search(page, 'chung thuc');
  const live = await counts();
  const nonzero = Object.entries(live).filter(([, n]) => n > 0);
  assert.ok(nonzero.length >= 1);
  const total = Number((await page.textContent('#trang-thai')).match(/(\d+) thủ tục/)[1]);
  assert.equal(nonzero.reduce((s, [, n]) => s + n, 0), total, 'counts add up to the results');
  const [field, n] = nonzero.sort((a, b) => b[1] - a[1])[0];
  if (nonzero.length > 1) assert.ok(n < before.length);
  await page.check(`#bo-loc input[name="linh-vuc"][value="${field}"]`);
  await page.waitForFunction((f) => location.search.includes(`linh-vuc=${f}`), field);
  await statusContains(page, `Tìm thấy ${n} thủ tục`);
  // Every result is in that field: compare with the procedures the field's listing shows.
  const listing = decode(readFileSync(join(site.dir, 'linh-vuc', field, 'index.html'), 'utf8'));
  for (const t of await resultTitles(page)) assert.ok(listing.includes(t), `${t} is in ${field}`);
  await page.close();
});

test('query and filters live in the URL: reload and the back button restore them', async () => {
  const { page } = await searchPage();
  await search(page, 'chung thuc');
  // While typing, the address is written at a pause in typing (history calls are slow).
  await page.waitForFunction(() => location.search === '?q=chung+thuc');
  assert.match(page.url(), /\?q=chung\+thuc$/);
  const field = await page.$eval('#bo-loc input[name="linh-vuc"]', () => {
    const b = [...document.querySelectorAll('#bo-loc input[name="linh-vuc"]')]
      .find((x) => !x.parentElement.classList.contains('empty'));
    return b.value;
  });
  await page.check(`#bo-loc input[name="linh-vuc"][value="${field}"]`);
  await page.waitForFunction((f) => location.search === `?q=chung+thuc&linh-vuc=${f}`, field);
  const filtered = await resultTitles(page);

  await page.reload();
  await page.waitForSelector('#tra-cuu:not([hidden])');
  await statusContains(page, '«chung thuc»');
  assert.equal(await page.inputValue('#q'), 'chung thuc');
  assert.ok(await page.isChecked(`#bo-loc input[name="linh-vuc"][value="${field}"]`));
  assert.deepEqual(await resultTitles(page), filtered);

  await page.goBack();
  await page.waitForFunction(() => location.search === '?q=chung+thuc');
  await page.waitForFunction((f) => !document.querySelector(`#bo-loc input[value="${f}"]`).checked, field);
  assert.equal(await page.inputValue('#q'), 'chung thuc');
  await page.waitForFunction((n) => document.querySelectorAll('#danh-sach .card').length >= n, filtered.length);

  await page.goBack();
  await page.waitForFunction(() => location.search === '');
  assert.equal(await page.inputValue('#q'), '');
  assert.ok(await page.isVisible('#tat-ca'), 'the full list is back');

  // A shared link opens with its state.
  await page.goto(`${site.server.url}tra-cuu/?q=khai+sinh&linh-vuc=ho-tich&trang=1`);
  await statusContains(page, '«khai sinh»');
  assert.ok(await page.isChecked('#bo-loc input[name="linh-vuc"][value="ho-tich"]'));
  await page.close();
});

test('keyboard only: the home search box, the results, a procedure page', async () => {
  const page = await site.browser.context.newPage();
  const problems = watch(page);
  await page.goto(site.server.url);
  let id = '';
  for (let i = 0; i < 40 && !/^q-/.test(id); i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement.id);
  }
  assert.match(id, /^q-/, 'a search box is reachable with Tab');
  await page.keyboard.type('dang ky khai sinh');
  await Promise.all([page.waitForURL(/tra-cuu\/\?q=dang\+ky\+khai\+sinh/), page.keyboard.press('Enter')]);
  await page.waitForSelector('#tra-cuu:not([hidden])');
  await statusContains(page, '«dang ky khai sinh»');
  // From the box, Tab reaches the first result.
  await page.focus('#q');
  let inResults = false;
  for (let i = 0; i < 80 && !inResults; i++) {
    await page.keyboard.press('Tab');
    inResults = await page.evaluate(() => !!document.activeElement.closest('#danh-sach'));
  }
  assert.ok(inResults, 'Tab reaches the results');
  const text = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(text, 'Đăng ký khai sinh');
  await Promise.all([page.waitForURL(/thu-tuc\//), page.keyboard.press('Enter')]);
  assert.equal(await page.textContent('h1'), 'Đăng ký khai sinh');

  // A filter can be switched with the keyboard.
  await page.goto(`${site.server.url}tra-cuu/?q=khai+sinh`);
  await statusContains(page, '«khai sinh»');
  await page.evaluate(() => { document.getElementById('bo-loc').open = true; });
  await page.focus('#bo-loc input[name="linh-vuc"][value="ho-tich"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => location.search.includes('linh-vuc=ho-tich'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the header search box of any page goes to the search page', async () => {
  const page = await site.browser.context.newPage();
  const p = procedures(site.dir)[0];
  await page.goto(site.server.url + p.url);
  await page.fill('#q-top', 'chung thuc');
  await Promise.all([page.waitForURL(/tra-cuu\/\?q=chung\+thuc/), page.press('#q-top', 'Enter')]);
  await statusContains(page, '«chung thuc»');
  assert.equal(await page.inputValue('#q'), 'chung thuc');
  await page.close();
});

test('nothing above or beside the results moves while typing', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.server.url}tra-cuu/`);
  await page.waitForSelector('#bo-loc .facet');
  const boxes = () => page.evaluate(() => ['q', 'trang-thai', 'bo-loc', 'danh-sach'].map((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return [id, Math.round(r.top), Math.round(r.left), Math.round(r.width)];
  }));
  await type(page, '#q', 'd');
  await page.waitForTimeout(100);
  const first = await boxes();
  for (const ch of 'ang ky khai sinh') {
    await page.keyboard.type(ch);
    await page.waitForTimeout(40);
    assert.deepEqual(await boxes(), first, `after "${ch}"`);
  }
  await page.close();
});

/** Puts `q` into the box at once (long titles typed key by key would take seconds) and waits
 * for its results. */
async function find(page, q) {
  await page.fill('#q', q);
  await page.waitForFunction(
    (q) => {
      const s = document.getElementById('trang-thai').textContent;
      return s.includes(`«${q.trim()}»`);
    },
    q,
  );
  return resultTitles(page);
}

test('old and new tone placement, and i or y, find the same procedures in the same order', async () => {
  const { page } = await searchPage();
  for (const [a, b] of [['hoà giải ', 'hòa giải '], ['uỷ ban ', 'ủy ban '], ['lí lịch tư pháp ', 'lý lịch tư pháp '],
    ['đăng kí kết hôn ', 'đăng ký kết hôn ']]) {
    const ta = await find(page, a);
    const tb = await find(page, b);
    assert.ok(ta.length > 0, a);
    assert.deepEqual(ta, tb, `${a} | ${b}`);
  }
  assert.match((await find(page, 'hoà giải viên '))[0], /hòa giải viên$/);
  assert.equal((await find(page, 'lí lịch tư pháp '))[0],
    'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam');
  await page.close();
});

test('a code typed with spaces, with its suffix, or in part finds its procedure first', async () => {
  const { page } = await searchPage();
  for (const q of ['1 001193', '1. 001193', '1 . 001193', '1.001193 .000.00.00.H54', '1.001193.000.00.00 H54', '00119', '1.0011']) {
    const titles = await find(page, q);
    assert.equal(titles[0], 'Đăng ký khai sinh', q);
  }
  await page.close();
});

test('a query equal to a whole title ranks that procedure first, for every title of the sample', async () => {
  const { page } = await searchPage();
  const wrong = [];
  for (const p of procedures(site.dir)) {
    const titles = await find(page, `${p.title} `);
    if (titles[0] !== p.title) wrong.push(`${p.title} → ${titles[0]}`);
  }
  assert.deepEqual(wrong, []);
  await page.close();
});

test('the shorter title wins: "khai sinh" ranks "Đăng ký khai sinh" above longer titles ending so', async () => {
  const { page } = await searchPage();
  const titles = await find(page, 'khai sinh ');
  assert.equal(titles[0], 'Đăng ký khai sinh');
  const copy = titles.indexOf('Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh');
  assert.ok(copy > titles.indexOf('Đăng ký lại khai sinh'), titles.join(' | '));
  assert.equal((await find(page, 'đăng ký nhận cha, mẹ, con '))[0], 'Đăng ký nhận cha, mẹ, con');
  await page.close();
});

test('common words ("thủ tục", "cấp") weigh little: they neither empty the results nor lead them', async () => {
  const { page } = await searchPage();
  for (const [q, first] of [['thủ tục đăng ký khai sinh ', 'Đăng ký khai sinh'], ['thủ tục kết hôn ', 'Đăng ký kết hôn'],
    ['thủ tục hành chính chứng thực di chúc ', 'Chứng thực di chúc'], ['cấp đổi giấy phép lái xe ', 'Đổi giấy phép lái xe'],
    ['cấp lý lịch tư pháp ', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam']]) {
    const titles = await find(page, q);
    assert.equal(titles[0], first, q);
  }
  // The same procedures with and without them, the same first.
  const plain = await find(page, 'đăng ký khai sinh ');
  const wordy = await find(page, 'thủ tục đăng ký khai sinh ');
  assert.deepEqual([...wordy].sort(), [...plain].sort());
  assert.equal(wordy[0], plain[0]);
  await page.close();
});

test('nothing found: "Có phải bạn muốn tìm" offers the nearest titles, which open the procedure', async () => {
  const { page } = await searchPage();
  await find(page, 'khai sinh qqxxzz ');
  await page.waitForSelector('#goi-y', { state: 'visible' });
  assert.match(await page.textContent('#goi-y'), /Có phải bạn muốn tìm/);
  const links = await page.$$eval('#goi-y a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.ok(links.length >= 1 && links.length <= 3, JSON.stringify(links));
  assert.equal(links[0][0], 'Đăng ký khai sinh');
  // The fields and the hotline are still offered.
  assert.ok(await page.isVisible('#khong-thay a[href^="tel:"]'));
  await Promise.all([page.waitForURL(/thu-tuc\//), page.click('#goi-y a >> nth=0')]);
  assert.equal(await page.textContent('h1'), 'Đăng ký khai sinh');
  // A query with no known word has no near title to offer.
  await page.goBack();
  await page.waitForSelector('#tra-cuu:not([hidden])');
  await find(page, 'qqxxzz wwvvyy ');
  await page.waitForSelector('#khong-thay', { state: 'visible' });
  assert.equal(await page.isVisible('#goi-y'), false);
  await page.close();
});

test('at 1280 px the results sit beside the filters, and the long list of agencies is collapsed with a count', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.server.url}tra-cuu/`);
  await page.waitForSelector('#bo-loc .facet');
  await find(page, 'chung thuc ');
  const box = (sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, left: r.left, right: r.right, bottom: r.bottom }; });
  assert.ok(await page.$eval('#bo-loc', (d) => d.open), 'filters open on a wide screen');
  const filters = await box('#bo-loc'), list = await box('#danh-sach');
  assert.ok(list.left >= filters.right, `list at ${list.left}, filters end at ${filters.right}`);
  assert.ok(list.top < filters.top + 200, `list starts at ${list.top}, filters at ${filters.top}`);
  // Agencies: the first six and a button saying how many more.
  const agencies = await page.$$eval('#bo-loc input[name="co-quan"]', (b) => b.length);
  assert.ok(agencies > 12, `${agencies} agencies`);
  const visible = () => page.$$eval('#bo-loc input[name="co-quan"]', (bs) => bs.filter((b) => b.getClientRects().length).length);
  assert.equal(await visible(), 6);
  const more = page.locator('#bo-loc fieldset:has(input[name="co-quan"]) .facet-more');
  assert.equal(await more.textContent(), `Xem thêm ${agencies - 6}`);
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  assert.equal(await visible(), agencies);
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  // A chosen agency stays in sight when the list is collapsed again.
  const value = await page.$$eval('#bo-loc input[name="co-quan"]', (bs) => bs[bs.length - 1].value);
  await page.check(`#bo-loc input[name="co-quan"][value="${value}"]`);
  await more.click();
  assert.equal(await visible(), 7);
  // The short lists (fields) are whole.
  assert.equal(await page.$$eval('#bo-loc fieldset:has(input[name="linh-vuc"]) .facet-more', (b) => b.length), 0);
  await page.close();
});
