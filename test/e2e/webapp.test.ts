/**
 * The web app (dist/app/, issue 23) in Debian's Chromium: a tracker written by the CLI's demo opened through
 * the file input, the Q3 report made by the pane, the workbook saved through the download path and through
 * the write-back path (a FileSystemFileHandle of the Origin Private File System given in place of the
 * picker), and each saved file read back by the CLI: its `report --json` is the CLI's on the same input, and
 * the report sheet the browser wrote is the one the CLI writes. Then: a file changed on disk is not
 * overwritten without asking, unreadable files are refused in Vietnamese, the app reloads and works offline
 * (Workbox's service worker), axe finds nothing at 1280 and 375 px, the page allows only its own origin, and a
 * tab closed with unsaved work asks first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview-server';
import { APP_CSP, APP_CSP_HEADER } from '../../bin/content-policy';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { Package } from '../../src/workbook/xlsx/opc';
import { hostileCases } from '../corpus/hostile';
import { cchcIn } from '../cli/run';
import { buildApp, launchChromium, requireChromium, runAxe, SCREENSHOTS, type AxeViolation } from './support';

const TODAY = '2026-09-30';
const NOW = new Date('2026-09-30T10:00:00+07:00');
const REPORT_SHEET = 'Báo cáo 9 tháng 2026';
const REPORT_DONE = `Đã tổng hợp báo cáo 9 tháng năm 2026 vào trang "${REPORT_SHEET}"`;
const PERIOD = ['--period', '2026-Q3', '--as-of', TODAY] as const;

describe('the web app: the pane on the user’s own workbook, in the browser', () => {
  let outDir: string;
  let ownBuild = false;
  /** webpack's cache for this file's two builds (the second release reuses the first's work). */
  const buildCache = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-app-cache-'));
  let work: string;
  let tracker: string;
  let server: PreviewServer;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const cchc = (...argv: string[]) => cchcIn(work, NOW)(...argv);
  /** What the CLI itself makes of the input: the report file and its JSON. */
  let cliFile: string;
  let cliJson: unknown;

  beforeAll(async () => {
    requireChromium();
    outDir = process.env.CCHC_APP_DIR ?? '';
    if (!outDir) {
      outDir = await buildApp('test-1', { cacheDir: buildCache });
      ownBuild = true;
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-webapp-'));
    // The tracker as the CLI's demo writes it (as of 04/09/2026, with its 9-month report).
    const demo = await cchcIn(work, new Date('2026-09-04T10:00:00+07:00'))('demo');
    expect(demo.code).toBe(0);
    tracker = path.join(work, 'out', 'ke-hoach-cchc-2026.xlsx');
    // What the CLI itself makes of it: the Q3 report as of 30/09, its file and its JSON.
    cliFile = path.join(work, 'cli-q3.xlsx');
    const cli = await cchc('report', tracker, ...PERIOD, '--out', cliFile, '--json');
    expect(cli.code).toBe(0);
    cliJson = JSON.parse(cli.out);
    server = await startPreviewServer({ root: outDir, port: 0 });
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
    context = await launchChromium(userDataDir);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
        report(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const dir of [userDataDir, work, buildCache, ownBuild ? outDir : '']) {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const pane = () => page.getByTestId('pane');
  const notice = () => page.getByTestId('notice');

  async function openThroughInput(file: string, name = path.basename(file)): Promise<void> {
    await page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fs.readFileSync(file),
    });
  }

  async function makeQ3Report(): Promise<void> {
    await pane().getByRole('tab', { name: 'Thao tác' }).click();
    expect(await pane().getByLabel('Kỳ báo cáo').inputValue()).toBe('2026-Q3');
    await pane().getByRole('button', { name: 'Tổng hợp báo cáo' }).click();
    await pane().getByText(REPORT_DONE).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: REPORT_SHEET, selected: true }).waitFor();
    // The sheet view shows the report just made (as of 30/09), not the one the file had (as of 04/09).
    await page
      .locator(`table[data-sheet="${REPORT_SHEET}"]`)
      .getByText('Long Điền A, ngày 30 tháng 9 năm 2026')
      .waitFor({ timeout: 60_000 });
  }

  /** The report sheet's values, as the .xlsx adapter reads them. */
  async function reportSheet(file: string): Promise<unknown[][]> {
    const book = await openXlsx(new Uint8Array(fs.readFileSync(file)));
    return (await book.read([REPORT_SHEET])).contents[REPORT_SHEET].values;
  }

  /** The CLI's `report --json` on `file` (written to a scratch copy: the file itself stays as it is). */
  async function cliReport(file: string): Promise<unknown> {
    const out = path.join(work, `scratch-${path.basename(file)}-${Date.now()}.xlsx`);
    const run = await cchc('report', file, ...PERIOD, '--out', out, '--json');
    expect(run.code).toBe(0);
    return JSON.parse(run.out);
  }

  it('shows the first screen with only the shell loaded, and the page allows only its own origin', async () => {
    const response = await page.goto(`${server.url}?today=${TODAY}`);
    expect(response?.headers()['content-security-policy']).toBe(APP_CSP_HEADER);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(APP_CSP);
    expect(meta).toMatch(/default-src 'self'/);
    expect(meta).toMatch(/connect-src 'self'/);
    await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
    await page.getByRole('button', { name: 'Tạo bảng theo dõi mới' }).waitFor();
    // The .xlsx libraries (the xlsx chunk) are not loaded before a file is opened.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? ''),
    );
    expect(scripts.some((s) => /^xlsx\./.test(s))).toBe(false);
    expect(scripts.some((s) => /^workspace\./.test(s))).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'app-start-1280.png') });
  });

  it('opens the CLI’s tracker through the file input, makes the Q3 report and downloads the same file', async () => {
    await openThroughInput(tracker);
    await pane()
      .getByText(/Quá hạn/)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Sổ làm việc: ke-hoach-cchc-2026.xlsx' }).waitFor();
    // Where the browser can write back but the file came from the input, "Tải về" is the only way out.
    expect(await page.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);
    await makeQ3Report();
    await page.getByTestId('save-state').getByText('Có thay đổi chưa lưu').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'app-report-1280.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ke-hoach-cchc-2026.xlsx');
    const saved = path.join(work, 'downloaded.xlsx');
    await download.saveAs(saved);
    await notice().getByText('Đã tải về tệp "ke-hoach-cchc-2026.xlsx"').waitFor();
    await page.getByTestId('save-state').getByText('Đã lưu mọi thay đổi').waitFor();

    expect(await cliReport(saved)).toEqual(cliJson);
    expect(await reportSheet(saved)).toEqual(await reportSheet(cliFile));
    // The graft: every part of the user's file is still there.
    const before = (await Package.load(new Uint8Array(fs.readFileSync(tracker)))).names();
    const after = new Set((await Package.load(new Uint8Array(fs.readFileSync(saved)))).names());
    expect(before.filter((p) => !after.has(p))).toEqual([]);
  }, 180_000);

  it('downloads the report as a Word document and next year’s tracker, each made by the pane', async () => {
    // The page is where the download test left it: the tracker with its Q3 report just made.
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      pane().getByRole('button', { name: 'Tải báo cáo Word (.docx)' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const docxFile = path.join(work, docx.suggestedFilename());
    await docx.saveAs(docxFile);
    expect(fs.readFileSync(docxFile).subarray(0, 2).toString()).toBe('PK');
    await pane().getByRole('button', { name: 'Chuyển sang năm mới' }).click();
    const [next] = await Promise.all([
      page.waitForEvent('download'),
      pane()
        .getByRole('button', { name: /^Tải tệp .*2027.*\.xlsx$/ })
        .click({ timeout: 60_000 }),
    ]);
    const nextFile = path.join(work, next.suggestedFilename());
    await next.saveAs(nextFile);
    const check = await cchc('check', nextFile, '--json');
    expect(check.code).toBe(0);
  }, 180_000);

  it('creates a new tracker ("Tạo bảng theo dõi mới") and one inside an existing workbook, keeping its sheets', async () => {
    await page.goto(`${server.url}?today=${TODAY}`);
    await page.getByRole('button', { name: 'Tạo bảng theo dõi mới' }).click();
    await initInPane();
    const [fresh] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về' }).click(),
    ]);
    expect(fresh.suggestedFilename()).toBe('ke-hoach-cchc-2026.xlsx');

    // Any workbook of the office: its own sheet and cell stay as they were.
    const own = path.join(work, 'so-cong-van.xlsx');
    const book = await openXlsx({ firstSheet: 'Công văn' });
    await book.apply({ write: [], updates: [{ sheet: 'Công văn', cell: 'B2', value: 'Số 12/UBND' }] });
    fs.writeFileSync(own, await book.toBuffer());
    await openThroughInput(own);
    await initInPane();
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe('so-cong-van.xlsx');
    const savedFile = path.join(work, 'so-cong-van-saved.xlsx');
    await saved.saveAs(savedFile);
    const back = await openXlsx(new Uint8Array(fs.readFileSync(savedFile)));
    const read = await back.read(['Công văn', 'Nhiệm vụ']);
    expect(read.contents['Công văn'].values[1][1]).toBe('Số 12/UBND');
    expect(read.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Công văn', 'Nhiệm vụ', 'Cài đặt']),
    );
  }, 180_000);

  async function initInPane(): Promise<void> {
    await pane().getByText('Chưa có bảng theo dõi').waitFor({ timeout: 60_000 });
    const overview = pane().getByRole('tabpanel', { name: 'Tổng quan' });
    await overview.getByRole('textbox', { name: /Tên đơn vị/ }).fill('UBND xã Long Điền A');
    await overview.getByRole('textbox', { name: /Địa danh/ }).fill('Long Điền A');
    await overview.getByRole('textbox', { name: /Họ tên người ký/ }).fill('Trương Minh Sơn');
    await overview.getByRole('button', { name: 'Khởi tạo bảng theo dõi' }).click();
    await pane().getByText('Đã tạo bảng theo dõi năm 2026 ở trang "Nhiệm vụ"').waitFor({ timeout: 60_000 });
  }

  /** Puts `bytes` in the Origin Private File System and hands its handle to the page's next "Mở tệp…". */
  async function offerHandle(name: string, bytes: Buffer): Promise<void> {
    await page.evaluate(
      async ({ name, base64 }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const root = await navigator.storage.getDirectory();
        const handle = await root.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(data);
        await writable.close();
        (
          window as unknown as { showOpenFilePicker: () => Promise<FileSystemFileHandle[]> }
        ).showOpenFilePicker = async () => [handle];
      },
      { name, base64: bytes.toString('base64') },
    );
  }

  async function readHandle(name: string): Promise<Buffer> {
    const base64 = await page.evaluate(async (name) => {
      const root = await navigator.storage.getDirectory();
      const file = await (await root.getFileHandle(name)).getFile();
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    }, name);
    return Buffer.from(base64, 'base64');
  }

  it('writes the report back into the same file where the browser allows it ("Lưu")', async () => {
    await page.goto(`${server.url}?today=${TODAY}`);
    await offerHandle('ke-hoach-cchc-2026.xlsx', fs.readFileSync(tracker));
    await page.getByRole('button', { name: 'Mở tệp…' }).click();
    await pane()
      .getByText(/Quá hạn/)
      .first()
      .waitFor({ timeout: 60_000 });
    await makeQ3Report();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await notice().getByText('Đã lưu vào tệp "ke-hoach-cchc-2026.xlsx" trên máy').waitFor();
    await page.mouse.move(1270, 950);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'app-saved-1280.png') });
    const saved = path.join(work, 'written-back.xlsx');
    fs.writeFileSync(saved, await readHandle('ke-hoach-cchc-2026.xlsx'));
    expect(await cliReport(saved)).toEqual(cliJson);
    expect(await reportSheet(saved)).toEqual(await reportSheet(cliFile));
  }, 180_000);

  it('does not overwrite a file changed on disk since it was opened without asking', async () => {
    await page.goto(`${server.url}?today=${TODAY}`);
    await offerHandle('ke-hoach-cchc-2026.xlsx', fs.readFileSync(tracker));
    await page.getByRole('button', { name: 'Mở tệp…' }).click();
    await pane()
      .getByText(/Quá hạn/)
      .first()
      .waitFor({ timeout: 60_000 });
    await makeQ3Report();
    // Edit a status in the sheet view (unsaved work), then another program changes the file.
    await page.getByRole('tab', { name: 'Nhiệm vụ', exact: true }).click();
    const status = page.locator('select[aria-label^="Trạng thái, dòng"]').first();
    await status.selectOption('Hoàn thành');
    await page.getByTestId('save-state').getByText('Có thay đổi chưa lưu').waitFor();
    const other = Buffer.from('changed by another program');
    await page.evaluate(async (text) => {
      const root = await navigator.storage.getDirectory();
      const writable = await (await root.getFileHandle('ke-hoach-cchc-2026.xlsx')).createWritable();
      await writable.write(new TextEncoder().encode(text));
      await writable.close();
    }, other.toString());
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await notice()
      .getByText(/đã bị thay đổi .* sau khi mở ở đây/)
      .waitFor();
    expect((await readHandle('ke-hoach-cchc-2026.xlsx')).toString()).toBe(other.toString());
    await notice().getByRole('button', { name: 'Vẫn ghi đè' }).click();
    await notice().getByText('Đã lưu vào tệp "ke-hoach-cchc-2026.xlsx" trên máy').waitFor();
    const saved = path.join(work, 'overwritten.xlsx');
    fs.writeFileSync(saved, await readHandle('ke-hoach-cchc-2026.xlsx'));
    expect(await reportSheet(saved)).toEqual(await reportSheet(cliFile));
  }, 120_000);

  it('refuses what the CLI refuses, in the CLI’s Vietnamese: not a workbook, password-protected, damaged', async () => {
    await page.goto(`${server.url}?today=${TODAY}`);
    const cases = hostileCases().filter((c) => ['password-protected'].includes(c.id));
    const files: { name: string; bytes: Buffer; says: RegExp }[] = [
      { name: 'ghi-chu.xlsx', bytes: Buffer.from('chỉ là văn bản'), says: /không phải \.xlsx hoặc đã hỏng/ },
      {
        name: 'cat-do.xlsx',
        bytes: fs.readFileSync(tracker).subarray(0, 20_000),
        says: /bị hỏng|không phải \.xlsx/,
      },
      ...(await Promise.all(
        cases.map(async (c) => ({
          name: 'mat-khau.xlsx',
          bytes: Buffer.from(await c.build()),
          says: /mật khẩu/,
        })),
      )),
    ];
    for (const f of files) {
      await page.getByTestId('file-input').setInputFiles({
        name: f.name,
        mimeType: 'application/octet-stream',
        buffer: f.bytes,
      });
      await notice().getByText(`Không mở được tệp "${f.name}"`, { exact: false }).waitFor();
      expect(await notice().textContent()).toMatch(f.says);
    }
    expect(files.length).toBe(3);
  }, 120_000);

  it('works offline after the first visit (Workbox’s service worker), opening a file and making the report', async () => {
    await page.goto(`${server.url}?today=${TODAY}`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first visit's service worker controls the page from the next load on; everything is cached.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
      await openThroughInput(tracker);
      await pane()
        .getByText(/Quá hạn/)
        .first()
        .waitFor({ timeout: 60_000 });
      await makeQ3Report();
    } finally {
      await context.setOffline(false);
    }
  }, 180_000);

  it('has no axe violations on its screens at 1280 and 375 px', async () => {
    const found: Record<string, AxeViolation[]> = {};
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}?today=${TODAY}`);
      await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
      found[`start ${width}`] = await runAxe(page);
      await openThroughInput(tracker);
      await pane()
        .getByText(/Quá hạn/)
        .first()
        .waitFor({ timeout: 60_000 });
      found[`tracker ${width}`] = await runAxe(page);
      await pane().getByRole('tab', { name: 'Thao tác' }).click();
      found[`actions ${width}`] = await runAxe(page);
      if (width === 375)
        await page.screenshot({ path: path.join(SCREENSHOTS, 'app-375.png'), fullPage: false });
    }
    await page.setViewportSize({ width: 1280, height: 960 });
    expect(Object.values(found).flat()).toEqual([]);
  }, 240_000);

  it('sent nothing anywhere but its own origin and broke no policy', () => {
    const origin = new URL(server.url).origin;
    expect(
      requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
    ).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('replaces the old release with a new one on the next visit, and tells the user', async () => {
    // A host of its own (a copy of the build), so that the new release does not touch the other tests' files.
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-app-site-'));
    fs.cpSync(outDir, site, { recursive: true });
    const host = await startPreviewServer({ root: site, port: 0 });
    const tab = await context.newPage();
    let next = '';
    try {
      await tab.goto(host.url);
      await tab.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await tab.reload();
      await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
      expect(await tab.getByText('Đã có phiên bản mới').count()).toBe(0);
      next = await buildApp('test-2', { cacheDir: buildCache });
      fs.cpSync(next, site, { recursive: true });
      await tab.goto(host.url);
      await tab.getByText('Đã có phiên bản mới…', { exact: false }).waitFor({ timeout: 60_000 });
      // The page now runs the new release's code.
      const scripts = await tab.evaluate(() =>
        [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? ''),
      );
      const fresh = fs.readFileSync(path.join(next, 'index.html'), 'utf8');
      for (const src of scripts) expect(fresh).toContain(src);
    } finally {
      await tab.close();
      await host.close();
      for (const dir of [site, next]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('asks before a tab with unsaved work is closed', async () => {
    await page.goto(`${server.url}?today=${TODAY}`);
    await openThroughInput(tracker);
    await pane()
      .getByText(/Quá hạn/)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Nhiệm vụ', exact: true }).click();
    await page.locator('select[aria-label^="Trạng thái, dòng"]').first().selectOption('Hoàn thành');
    await page.getByTestId('save-state').getByText('Có thay đổi chưa lưu').waitFor();
    // Chromium runs beforeunload only for a page the user interacted with.
    await page.getByRole('heading', { name: /Sổ làm việc/ }).click();
    const dialog = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.type());
        void d.accept();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    page = await context.newPage();
  }, 120_000);
});
