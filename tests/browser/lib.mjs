// Helpers of the browser tests: build the sample site with the release binary, serve it on
// 127.0.0.1, and drive Debian's Chromium with playwright-core (never a downloaded browser).

import { after, before } from 'node:test';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BINARY = join(ROOT, 'target', 'release', 'congkhai');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const cleanups = [];
process.on('exit', () => {
  for (const f of cleanups.splice(0)) {
    try { f(); } catch { /* best effort */ }
  }
});

/** Builds the sample site (content/ of the repository, or of `root`) into a fresh temporary
 * folder. */
export function buildSite(extraArgs = [], root = ROOT) {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: run \`cargo build --release\` (scripts/test does)`);
  }
  const out = mkdtempSync(join(tmpdir(), 'congkhai-site-'));
  cleanups.push(() => rmSync(out, { recursive: true, force: true }));
  const run = spawnSync(BINARY, ['build', '--root', root, '--out', out, ...extraArgs], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`congkhai build failed (${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return out;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * A copy of the sample's root (content/ and themes/) in a temporary folder, with `records`
 * ({ path under content/procedures/, code, title }) added: each a copy of the sample record
 * `from` with its code and title replaced. For tests that need titles the sample lacks.
 */
export function sampleWith(records, from = 'ho-tich/cap-ban-sao-trich-luc-ho-tich.yaml') {
  const root = mkdtempSync(join(tmpdir(), 'congkhai-root-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(ROOT, 'themes'), join(root, 'themes'), { recursive: true });
  const template = readFileSync(join(ROOT, 'content', 'procedures', from), 'utf8');
  for (const r of records) {
    const text = template
      .replace(/^code: .*$/m, `code: "${r.code}"`)
      .replace(/^title: .*$/m, `title: "${r.title}"`)
      .replace(/^online_url: .*\n/m, '');
    writeFileSync(join(root, 'content', 'procedures', r.path), text);
  }
  return root;
}

/** Serves `dir` on 127.0.0.1 at a free port; resolves to { url, close, requests }. */
/**
 * The site every test of a file shares: built (with `buildArgs`), served and opened in
 * Chromium before the first test, closed after the last. Its fields are set in `before`.
 */
export function useSite(buildArgs = [], root = ROOT) {
  const site = {};
  before(async () => {
    site.dir = buildSite(buildArgs, root);
    site.server = await serve(site.dir);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export function serve(dir) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    requests.push(path);
    if (!existsSync(file)) {
      const page = join(dir, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(existsSync(page) ? readFileSync(page) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      ok({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/** Launches headless Chromium with a fresh profile; resolves to { context, page(), close() }. */
export async function launch({ width = 1280, height = 900 } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'congkhai-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  // Playwright passes --headless itself and takes the profile folder as an argument (it
  // refuses --user-data-dir among the flags).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width, height },
    locale: 'vi-VN',
    timeout: 30000,
  });
  context.setDefaultTimeout(10000);
  let spare = context.pages()[0] || null;
  return {
    context,
    async page() {
      const p = spare || (await context.newPage());
      spare = null;
      return p;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Records console errors, uncaught exceptions, failed requests and HTTP errors of a page. */
export function watch(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return problems;
}

/** Titles of the result cards, in order, once the list is complete (the cards below the
 * screen come right after the first paint; the list is aria-busy until then). */
export async function resultTitles(page) {
  await page.waitForSelector('#danh-sach:not([aria-busy])', { state: 'attached' });
  return page.$$eval('#danh-sach .card-title', (els) => els.map((e) => e.textContent.trim()));
}

/** Waits until the status line says something other than the loading message. */
export async function waitForResults(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('trang-thai');
    const app = document.getElementById('tra-cuu');
    return s && app && s.textContent && s.textContent !== app.dataset.loading;
  });
}

/** Types like a person, key by key. */
export async function type(page, selector, text, delay = 30) {
  await page.locator(selector).pressSequentially(text, { delay });
}

/** Every procedure page of a built site: { url (relative), title, code, field }. */
export function procedures(dir) {
  const html = readFileSync(join(dir, 'tra-cuu', 'index.html'), 'utf8');
  const out = [];
  const section = html.slice(html.indexOf('id="tat-ca"'));
  const re = /<li><a href="\.\.\/(thu-tuc\/[^"]+)">([^<]+)<\/a> <span class="code">([^<]+)<\/span>/g;
  let m;
  while ((m = re.exec(section))) out.push({ url: m[1], title: decode(m[2]), code: decode(m[3]) });
  return out;
}

/** Decodes the few entities Tera writes. */
export function decode(s) {
  return s
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x2F;/g, '/')
    .replace(/&amp;/g, '&');
}
