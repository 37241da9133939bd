// The statistics page in a real Chromium, on a phone: chart labels of 12 px or more at 390 px,
// the same figures in the chart as in the table, and the one denominator of the rates said in
// words.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './lib.mjs';

const site = useSite();

test('statistics at 390 px: chart labels and figures are 12 px or more, and read as the table does', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${site.server.url}thong-ke/`);
  const r = await page.evaluate(() => [...document.querySelectorAll('.stats-period')].map((sec) => {
    const chart = sec.querySelector('.chart');
    const texts = [...chart.querySelectorAll('.chart-label, .chart-value, svg text')].map((e) => ({
      text: e.textContent,
      size: parseFloat(getComputedStyle(e).fontSize),
      height: e.getBoundingClientRect().height,
      right: e.getBoundingClientRect().right,
    }));
    const rates = Object.fromEntries([...sec.querySelectorAll('.rates dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
    const table = Object.fromEntries([...sec.querySelectorAll('table.stats tbody tr')].map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
    const values = [...chart.querySelectorAll('li')].map((li) => li.querySelector('.chart-value').textContent);
    return { texts, rates, table, values, notes: [...sec.querySelectorAll('.note')].map((p) => p.textContent), width: document.documentElement.clientWidth };
  }));
  assert.equal(r.length, 2, 'two periods in the sample');
  for (const sec of r) {
    assert.equal(sec.texts.length, 12, JSON.stringify(sec.texts));
    for (const t of sec.texts) {
      assert.ok(t.size >= 12 && t.height >= 12, `${t.text}: ${t.size} px font, ${t.height} px high`);
      assert.ok(t.right <= sec.width, `${t.text} ends at ${t.right} px`);
    }
    // The counts of the chart are the table's; its shares are the rates over the resolved
    // dossiers, with the same decimals, and the page says so.
    const [early, onTime, late, inProgress, withdrawn, returned] = sec.values;
    assert.equal(early, `${sec.table['Trước hạn']} (${sec.rates['Tỷ lệ giải quyết trước hạn']})`);
    assert.equal(late, `${sec.table['Quá hạn']} (${sec.rates['Tỷ lệ giải quyết quá hạn']})`);
    assert.match(onTime, new RegExp(`^${sec.table['Đúng hạn'].replace('.', '\\.')} \\(\\d+,\\d\\d%\\)$`));
    assert.equal(inProgress, sec.table['Đang giải quyết']);
    assert.equal(withdrawn, sec.table['Rút hồ sơ']);
    assert.equal(returned, sec.table['Trả lại hồ sơ']);
    const base = `Tỷ lệ giải quyết trước hạn, đúng hạn và quá hạn tính trên ${sec.table['Đã giải quyết']} hồ sơ đã giải quyết trong kỳ.`;
    assert.ok(sec.notes.some((n) => n.includes(base)), sec.notes.join(' | '));
  }
  await page.close();
});
