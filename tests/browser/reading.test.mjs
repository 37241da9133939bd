// Reading on any screen: the text-size and contrast controls work on every page and are
// remembered; no page scrolls sideways at 320 px, even with the largest text; the hotline
// and the desk's hours are on every page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procedures, useSite } from './lib.mjs';

const site = useSite(['--now', '2026-12-01']);

/** One page of each kind: [name, path relative to the site root]. */
function pages() {
  const birth = procedures(site.dir).find((p) => p.title === 'Đăng ký khai sinh') || procedures(site.dir)[0];
  return [
    ['home', ''],
    ['procedure', birth.url],
    ['search', 'tra-cuu/'],
    ['field listing', 'linh-vuc/ho-tich/'],
    ['fields', 'linh-vuc/'],
    ['agencies', 'co-quan/'],
    ['contact', 'lien-he/'],
    ['stats', 'thong-ke/'],
    ['open data', 'du-lieu/'],
    ['free page', 'gioi-thieu/'],
    ['not found', '404.html'],
  ];
}

async function rootFontSize(page) {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

test('A+ and A− change the text size on every page and the choice is remembered', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url);
  const box = page.locator('#tuy-chon');
  await box.waitFor({ state: 'visible' });
  const base = await rootFontSize(page);
  await page.click('#tuy-chon button[data-size="1"]');
  await page.click('#tuy-chon button[data-size="1"]');
  assert.equal(await rootFontSize(page), base * 1.25);
  // The next page opens at that size, before any script runs after the first paint.
  await page.goto(site.server.url + 'lien-he/');
  assert.equal(await page.getAttribute('html', 'data-size'), '2');
  assert.equal(await rootFontSize(page), base * 1.25);
  // The largest size stops the A+ button; A goes back.
  await page.click('#tuy-chon button[data-size="1"]');
  assert.equal(await page.isDisabled('#tuy-chon button[data-size="1"]'), true);
  assert.equal(await rootFontSize(page), base * 1.5);
  await page.click('#tuy-chon button[data-size="0"]');
  assert.equal(await rootFontSize(page), base);
  assert.equal(await page.getAttribute('#tuy-chon button[data-size="0"]', 'aria-pressed'), 'true');
  await page.click('#tuy-chon button[data-size="-1"]');
  assert.equal(await rootFontSize(page), base * 0.9375);
  await page.click('#tuy-chon button[data-size="0"]');
  await page.close();
});

test('high contrast turns text black on white, says it is on, and is remembered', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url + 'thong-ke/');
  const toggle = '#tuy-chon button[data-contrast]';
  await page.waitForSelector(toggle, { state: 'visible' });
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'false');
  await page.click(toggle);
  assert.equal(await page.getAttribute(toggle, 'aria-pressed'), 'true');
  const colours = () => page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return [s.color, s.backgroundColor];
  });
  assert.deepEqual(await colours(), ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.goto(site.server.url);
  assert.equal(await page.getAttribute('html', 'data-contrast'), 'high');
  assert.deepEqual(await colours(), ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.click(toggle);
  assert.equal(await page.getAttribute('html', 'data-contrast'), null);
  await page.close();
});

test('without the script the controls stay hidden and the page is whole', async () => {
  // The persistent context cannot turn JavaScript off; blocking the script files is what a
  // failed download or a blocker does.
  const page = await site.browser.context.newPage();
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(site.server.url + pages()[1][1]);
  assert.equal(await page.isVisible('#tuy-chon'), false);
  assert.ok(await page.isVisible('h1'));
  await page.close();
});

for (const size of [null, '3']) {
  test(`no page scrolls sideways at 320 px${size ? ' with the largest text' : ''}`, async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(site.server.url);
    await page.evaluate((s) => {
      if (s) localStorage.setItem('congkhai.prefs', JSON.stringify({ size: Number(s) }));
      else localStorage.removeItem('congkhai.prefs');
    }, size);
    const wide = [];
    for (const [name, path] of pages()) {
      await page.goto(site.server.url + path);
      await page.waitForLoadState('load');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) {
        // The innermost elements that reach past the screen's edge.
        const culprits = await page.evaluate(() => [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.table-scroll'))
          .filter((e, _, all) => !all.some((o) => o !== e && e.contains(o)))
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"`));
        wide.push(`${name}: ${width} px (${culprits.join(', ')})`);
      }
    }
    await page.evaluate(() => localStorage.removeItem('congkhai.prefs'));
    assert.deepEqual(wide, []);
    await page.close();
  });
}

test('tables of several columns stack on a phone, each cell labelled by its header', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(site.server.url + 'lien-he/');
  const officers = page.locator('#cap-cong-chuc').locator('xpath=..');
  const display = await officers.locator('tbody tr').first()
    .evaluate((tr) => getComputedStyle(tr).display);
  assert.equal(display, 'block');
  const label = await officers.locator('tbody td[data-label]').first()
    .evaluate((td) => getComputedStyle(td, '::before').content);
  assert.match(label, /Chức vụ: /);
  // No table region needs to scroll sideways on the pages with tables, even at 320 px.
  await page.setViewportSize({ width: 320, height: 800 });
  for (const [name, path] of pages().filter(([n]) => ['procedure', 'contact', 'open data'].includes(n))) {
    await page.goto(site.server.url + path);
    const scrolling = await page.$$eval('.table-scroll', (regions) => regions
      .filter((r) => r.scrollWidth > r.clientWidth + 1)
      .map((r) => `${r.getAttribute('aria-labelledby')}: ${r.scrollWidth} > ${r.clientWidth}`));
    assert.deepEqual(scrolling, [], name);
  }
  await page.close();
});

test('the hotline and the desk hours are at the top of every page, the number a tel: link', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  for (const [name, path] of pages()) {
    await page.goto(site.server.url + path);
    const link = page.locator('header .strip a[href^="tel:"]');
    assert.equal(await link.count(), 1, name);
    const box = await link.boundingBox();
    assert.ok(box && box.y < 120, `${name}: the hotline is ${box?.y} px down`);
    assert.ok(box.height >= 24, `${name}: a ${box.height} px target`);
    assert.match(await page.textContent('header .strip'), /Tiếp nhận hồ sơ: Thứ Hai – Thứ Sáu/, name);
  }
  await page.close();
});
