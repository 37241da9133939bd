// Paper, in a real Chromium: every procedure page of the sample printed to A4 PDF (at least
// 90% on one sheet), and the print styles (download links hidden, tables inside the page, the
// short address under the QR code broken only after a "/").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procedures, useSite } from './lib.mjs';

const site = useSite();

/** Pages of a PDF made by Chromium: its page objects (not the /Pages tree). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

/** The width of an A4 sheet's printable area at 96 px per inch, with the theme's 12 mm margins. */
const A4_CONTENT_PX = Math.floor(((210 - 24) / 25.4) * 96);

test('at least 90% of the sample procedures print on one A4 page', async () => {
  const page = await site.browser.context.newPage();
  const all = procedures(site.dir);
  assert.ok(all.length >= 40, `${all.length} procedures`);
  const counts = [];
  for (const p of all) {
    await page.goto(site.server.url + p.url);
    const pdf = await page.pdf({ format: 'A4' });
    const n = pageCount(pdf);
    assert.ok(n >= 1, `${p.title}: no page found in the PDF`);
    counts.push([n, p.title]);
  }
  const one = counts.filter(([n]) => n === 1).length;
  const longer = counts.filter(([n]) => n > 1).map(([n, t]) => `${n}: ${t}`);
  assert.ok(one / counts.length >= 0.9, `${one} of ${counts.length} on one page; longer:\n${longer.join('\n')}`);
  await page.close();
});

/** The birth registration page, in print media, at the width of the sheet's printable area. */
async function printed() {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const birth = procedures(site.dir).find((p) => p.title === 'Đăng ký khai sinh');
  await page.goto(site.server.url + birth.url);
  return { page, birth };
}

test('download links are not printed, and the checklist says which papers have a form', async () => {
  const { page } = await printed();
  const links = await page.$$eval('a[download]', (as) => as.map((a) => a.getClientRects().length));
  assert.ok(links.length > 0, 'the page has download links on screen');
  assert.deepEqual(links.filter((n) => n > 0), [], 'no download link is laid out in print');
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /Tải mẫu/);
  assert.doesNotMatch(text, /DOCX|KB\)/);
  assert.match(text, /Có mẫu/);
  // On screen the link is there.
  await page.emulateMedia({ media: 'screen' });
  assert.match(await page.evaluate(() => document.body.innerText), /Tải mẫu/);
  await page.close();
});

test('in print every table and the QR code stay inside the page, nothing wider than it', async () => {
  const { page } = await printed();
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const boxes = [...document.querySelectorAll('table, .qr, .summary')]
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.className || e.tagName, Math.ceil(e.getBoundingClientRect().right)]);
    return { width, scroll: document.documentElement.scrollWidth, boxes };
  });
  assert.ok(r.boxes.length >= 3, JSON.stringify(r.boxes));
  for (const [name, right] of r.boxes) assert.ok(right <= r.width, `${name} ends at ${right} px of ${r.width}`);
  assert.ok(r.scroll <= r.width, `page ${r.scroll} px wide in ${r.width}`);
  await page.close();
});

test('the short address is printed whole under the QR code, its lines broken only after a "/"', async () => {
  const { page, birth } = await printed();
  const r = await page.evaluate(() => {
    const url = document.querySelector('.qr .qr-url');
    const qr = document.querySelector('.qr-code').getBoundingClientRect();
    // The line of each character: a new line starts where a character's top moves down.
    const text = url.textContent;
    const walker = document.createTreeWalker(url, NodeFilter.SHOW_TEXT);
    const tops = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        tops.push([n.data[i], Math.round(range.getBoundingClientRect().top)]);
      }
    }
    const breaksAfter = [];
    for (let i = 1; i < tops.length; i++) if (tops[i][1] > tops[i - 1][1]) breaksAfter.push(tops[i - 1][0]);
    const box = url.getBoundingClientRect();
    return { text, breaksAfter, below: box.top >= qr.bottom, inside: box.right <= document.documentElement.clientWidth };
  });
  const code = birth.code.split('.').slice(0, 2).join('.');
  assert.match(r.text, new RegExp(`^https?://[^ ]+/ma/${code.replace('.', '\\.')}/$`), r.text);
  assert.ok(r.breaksAfter.every((c) => c === '/'), `line breaks after ${JSON.stringify(r.breaksAfter)}`);
  assert.ok(r.below && r.inside, JSON.stringify(r));
  await page.close();
});
