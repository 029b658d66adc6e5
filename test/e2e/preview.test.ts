/**
 * The task pane in a real browser: the production build of the preview (npm run preview), served on
 * localhost, driven in Debian's Chromium. One user's session, step by step: an empty workbook, "Khởi tạo",
 * tasks marked done in the sheet, "Kiểm tra dữ liệu", "Tổng hợp báo cáo", the settings form, and the .xlsx
 * download read back with ExcelJS. Each view is checked with axe-core and photographed at 320 and 500 px
 * (docs/screenshots, the README's pictures).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../scripts/preview-server';
import { writeCommuneDemo } from '../../src/app/demo';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import {
  buildPreview,
  launchChromium,
  requireChromium,
  runAxe,
  SCREENSHOTS,
  seriousOrWorse,
  type AxeViolation,
} from './support';

const TODAY = '2026-06-02';
const WIDTHS = [320, 500] as const;

describe('the task pane in the browser preview', () => {
  let outDir: string;
  let ownBuild = false;
  let server: PreviewServer;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const axeLog: Record<string, AxeViolation[]> = {};

  beforeAll(async () => {
    requireChromium();
    outDir = process.env.CCHC_PREVIEW_DIR ?? '';
    if (!outDir) {
      outDir = await buildPreview();
      ownBuild = true;
    }
    server = await startPreviewServer({ root: outDir, port: 0 });
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
    context = await launchChromium(userDataDir);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
        report(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(`${server.url}?today=${TODAY}&pane=320`);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    if (ownBuild && outDir) fs.rmSync(outDir, { recursive: true, force: true });
    if (Object.keys(axeLog).length > 0 && process.env.CCHC_AXE_LOG) {
      fs.writeFileSync(process.env.CCHC_AXE_LOG, JSON.stringify(axeLog, null, 2));
    }
  });

  const pane = () => page.getByTestId('pane');
  const button = (name: string | RegExp) => pane().getByRole('button', { name });

  async function setPaneWidth(width: number): Promise<void> {
    await page.getByLabel('Độ rộng ngăn').selectOption(String(width));
    await page.waitForFunction((w) => {
      const el = document.querySelector('[data-testid="pane"]');
      return el !== null && Math.round(el.getBoundingClientRect().width) === w;
    }, width);
  }

  /** Screenshots of the pane at both widths; `scrollTo` puts that element at the top of the pane first. */
  async function shoot(name: string, scrollTo?: string): Promise<void> {
    await page.mouse.move(1270, 950); // no hover highlight in the pictures
    for (const width of WIDTHS) {
      await setPaneWidth(width);
      await pane().evaluate((el, selector) => {
        const target = selector ? el.querySelector(selector) : null;
        el.scrollTop = target
          ? target.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 8
          : 0;
      }, scrollTo ?? null);
      await page.evaluate(() => document.fonts.ready);
      await pane().screenshot({
        path: path.join(SCREENSHOTS, `${name}-${width}.png`),
        animations: 'disabled',
      });
    }
    await setPaneWidth(320);
  }

  async function expectAccessible(view: string): Promise<void> {
    const violations = await runAxe(page);
    axeLog[view] = violations;
    expect(seriousOrWorse(violations)).toEqual([]);
  }

  async function setStatus(row: number, status: string): Promise<void> {
    await page.getByLabel(`Trạng thái, dòng ${row}`, { exact: true }).selectOption(status);
    await page.locator(`tr[data-row="${row}"] select`).filter({ hasText: status }).waitFor();
  }

  /** Types `date` into Ngày hoàn thành; the cell then shows `shown` (an apostrophe is not shown). */
  async function setCompletedOn(row: number, date: string, shown = date): Promise<void> {
    const input = page.getByLabel(`Ngày hoàn thành, dòng ${row}`, { exact: true });
    await input.fill(date);
    await input.press('Enter');
    await page.waitForFunction(
      ([r, d]) =>
        (document.querySelector(`input[aria-label="Ngày hoàn thành, dòng ${r}"]`) as HTMLInputElement | null)
          ?.defaultValue === d,
      [row, shown] as const,
    );
  }

  it('opens on an empty workbook and offers to create the tracker', async () => {
    await pane().getByText('Chưa có bảng theo dõi').waitFor({ timeout: 30_000 });
    expect(
      await pane().getByRole('tabpanel', { name: 'Tổng quan' }).getByLabel('Năm theo dõi').inputValue(),
    ).toBe('2026');
    await page.getByRole('tab', { name: 'Trang tính1' }).waitFor();
    await shoot('empty');
    await expectAccessible('empty workbook');
  });

  it('creates the tracker, shows its sheet and sums it up', async () => {
    const overview = pane().getByRole('tabpanel', { name: 'Tổng quan' });
    // Whose tracker it is comes from the user (issue 20, item 7).
    await overview.getByRole('textbox', { name: /Tên đơn vị/ }).fill('UBND xã Long Điền A');
    await overview.getByRole('textbox', { name: /Địa danh/ }).fill('Long Điền A');
    await overview.getByRole('textbox', { name: /Họ tên người ký/ }).fill('Trương Minh Sơn');
    await overview.getByRole('button', { name: 'Khởi tạo bảng theo dõi' }).click();
    await pane().getByText('Đã tạo bảng theo dõi năm 2026 ở trang "Nhiệm vụ" với 48 nhiệm vụ').waitFor();
    await page.getByRole('tab', { name: 'Nhiệm vụ', selected: true }).waitFor();
    // Deadlines are judged against 02/06/2026: the first quarter's tasks are late.
    await pane().getByText('Quá hạn: 13').waitFor();
    await pane().getByText('Báo cáo 6 tháng đầu năm 2026 — hạn 05/06/2026, còn 3 ngày').waitFor();
    expect(await page.locator('tr[data-row="2"]').getAttribute('data-state')).toBe('overdue');
    expect(await page.locator('td[data-address="L2"]').textContent()).toBe('Quá hạn');
  });

  it('follows tasks marked done in the sheet (debounced change events) and colours their rows', async () => {
    await setStatus(2, 'Hoàn thành');
    await setCompletedOn(2, '15/03/2026');
    await setStatus(3, 'Hoàn thành');
    await setCompletedOn(3, '10/04/2026');
    await setStatus(4, 'Hoàn thành'); // no completion date: an error for the check
    await setStatus(5, 'Đang thực hiện');
    await setCompletedOn(5, '01/05/2026'); // a date but not done: an error for the check
    await pane().getByText('Hoàn thành đúng hạn: 2').waitFor();
    await pane().getByText('Hoàn thành quá hạn: 1').waitFor();
    await pane().getByText('Quá hạn: 10').waitFor();
    // Rows 2 and 4 done on time of the 13 tasks due by 02/06 (row 3 done late, 10 overdue).
    await pane()
      .getByText('2/13 nhiệm vụ đã đến hạn được hoàn thành đúng hạn (15%); không tính nhiệm vụ thường xuyên')
      .waitFor();
    expect(await page.locator('tr[data-row="2"]').getAttribute('data-state')).toBe('doneOnTime');
    expect(await page.locator('tr[data-row="3"]').getAttribute('data-state')).toBe('doneLate');
    expect(await page.locator('td[data-address="L3"]').textContent()).toBe('Hoàn thành quá hạn');
    await button('Đóng thông báo').click();
    await shoot('overview');
    await expectAccessible('overview');
  });

  it('selects a late task’s row when it is clicked, or reached with Tab and activated with Enter or Space', async () => {
    const late = pane().locator('section[aria-labelledby="overdue-heading"] li button');
    const rowOf = async (i: number) =>
      Number(/dòng (\d+)/.exec((await late.nth(i).getAttribute('title')) ?? '')?.[1]);
    const [first, second, third] = [await rowOf(0), await rowOf(1), await rowOf(2)];
    await late.first().click();
    await page.getByTestId('selection').getByText(`Nhiệm vụ!C${first}`).waitFor();

    // Keyboard only: from the tabs, Tab walks the pane in reading order to the late tasks.
    await pane().getByRole('tab', { name: 'Tổng quan' }).focus();
    const focusedTitle = () => page.evaluate(() => document.activeElement?.getAttribute('title') ?? '');
    let presses = 0;
    while (!(await focusedTitle()).includes(`dòng ${first}`) && presses++ < 30)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedTitle()).toContain(`dòng ${second}`);
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe('solid'); // the focus is visible
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.getByTestId('selection').getByText(`Nhiệm vụ!C${second}`).waitFor();
    expect(await page.locator(`td[data-address="C${second}"]`).getAttribute('data-selected')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.getByTestId('selection').getByText(`Nhiệm vụ!C${third}`).waitFor();
  });

  it('checks the data: errors and warnings apart, each selecting its cell', async () => {
    // A completion date kept as text (an apostrophe, as an Excel reading dates month first would keep it):
    // the sheet cannot read it, and the row shows Lỗi dữ liệu.
    await setStatus(6, 'Hoàn thành');
    await setCompletedOn(6, "'20/5/2026", '20/5/2026');
    await page.locator('td[data-address="L6"]', { hasText: 'Lỗi dữ liệu' }).waitFor();
    await pane().getByRole('tab', { name: 'Thao tác' }).click();
    await button('Kiểm tra dữ liệu').click();
    await pane().getByText('Tìm thấy 3 lỗi và 0 cảnh báo.').waitFor();
    const errors = pane().getByRole('region', { name: 'Lỗi (3)' });
    const items = await errors.getByRole('button').allTextContents();
    expect(items.map((t) => /Nhiệm vụ!([A-Z]+\d+)/.exec(t)?.[1])).toEqual(['I4', 'H5', 'I6']);
    await errors.getByRole('button').first().click();
    await page.getByTestId('selection').getByText('Nhiệm vụ!I4').waitFor();
    await shoot('check', '#check-heading');
    await expectAccessible('check results');
  });

  it('fixes the date typed as text in one confirmed click, and nothing else', async () => {
    await button('Sửa tự động 1 ô…').click();
    await pane().getByText('I6: «20/5/2026» → 20/05/2026').waitFor();
    await shoot('fix', '#fix-heading');
    await expectAccessible('fix list');
    await button('Sửa các ô này').click();
    await pane().getByText('Đã sửa 1 ô ở trang "Nhiệm vụ".').waitFor();
    await pane().getByRole('region', { name: 'Lỗi (2)' }).waitFor();
    await page.locator('td[data-address="L6"]', { hasText: 'Hoàn thành đúng hạn' }).waitFor();
    expect(await page.locator('td[data-address="H5"]').textContent()).toContain('Đang thực hiện');
  });

  it('compiles the report for the chosen quarter and as-of date, and opens its sheet', async () => {
    await setCompletedOn(4, '20/05/2026'); // fix the errors the check found
    await setStatus(5, 'Hoàn thành');
    await pane().getByText('Bảng theo dõi đã thay đổi sau lần kiểm tra này').waitFor();
    const period = pane().getByLabel('Kỳ báo cáo');
    expect(await period.inputValue()).toBe('2026-Q2');
    expect(await period.locator('option:checked').textContent()).toBe('Quý II/2026');
    const asOf = pane().getByLabel('Số liệu tính đến ngày');
    expect(await asOf.inputValue()).toBe('02/06/2026');
    await asOf.fill('31/02/2026');
    await button('Tổng hợp báo cáo').click();
    await pane().getByText('Ngày chưa hợp lệ').waitFor();
    await asOf.fill('02/06/2026');
    await button('Tổng hợp báo cáo').click();
    await pane()
      .getByText(
        'Đã tổng hợp báo cáo 6 tháng đầu năm 2026 vào trang "Báo cáo 6 tháng 2026" và cập nhật trang "Tổng hợp".',
      )
      .waitFor();
    await page.getByRole('tab', { name: 'Báo cáo 6 tháng 2026', selected: true }).waitFor();
    await page
      .locator('table[data-sheet="Báo cáo 6 tháng 2026"]')
      .getByText('BÁO CÁO', { exact: true })
      .waitFor();
    await page.getByRole('tab', { name: 'Nhiệm vụ' }).click();
    await button('Mở trang "Báo cáo 6 tháng 2026"').click();
    await page.getByRole('tab', { name: 'Báo cáo 6 tháng 2026', selected: true }).waitFor();
    // Tổng hợp's COUNTIFS, computed by the domain's roll-up: 48 tasks, 3 done on time, 2 late, 10 overdue.
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    const summary = page.locator('table[data-sheet="Tổng hợp"]');
    await summary.waitFor();
    const totals = await summary
      .locator('tr', { hasText: 'Tổng cộng' })
      .first()
      .locator('td')
      .allTextContents();
    expect(totals.slice(0, 6)).toEqual(['', 'Tổng cộng', '48', '3', '2', '10']);
    await page.getByRole('tab', { name: 'Báo cáo 6 tháng 2026' }).click();
    await shoot('report', '#report-heading');
    await page.getByTestId('pane').evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'preview-report.png') });
    await expectAccessible('report');
  });

  /** Types a row of Hồ sơ TTHC in the sheet view: the counts (C…K but F) and a reason, each with Enter. */
  async function typeTthcRow(row: number, counts: number[], reason?: string): Promise<void> {
    const headers = [
      'Kỳ trước chuyển qua',
      'Tiếp nhận trực tuyến',
      'Tiếp nhận trực tiếp, bưu chính',
      'Đã giải quyết trước hạn',
      'Đã giải quyết đúng hạn',
      'Đã giải quyết quá hạn',
      'Đang giải quyết trong hạn',
      'Đang giải quyết quá hạn',
    ];
    const entries: [string, string][] = headers.map((h, i) => [h, String(counts[i])]);
    if (reason) entries.push(['Nguyên nhân quá hạn, biện pháp khắc phục', reason]);
    for (const [header, value] of entries) {
      const input = page.getByLabel(`${header}, dòng ${row}`, { exact: true });
      await input.fill(value);
      await input.press('Enter');
      await page.waitForFunction(
        ([label, v]) =>
          (document.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement | null)
            ?.defaultValue === v,
        [`${header}, dòng ${row}`, value] as const,
      );
    }
  }

  it('follows the dossier counts typed into Hồ sơ TTHC: rates, the late field, its row', async () => {
    await pane().getByRole('tab', { name: 'Tổng quan' }).click();
    const section = pane().getByRole('region', { name: 'Hồ sơ thủ tục hành chính' });
    await section.getByText('Chưa có số liệu hồ sơ của năm 2026').waitFor();
    await page.getByRole('tab', { name: 'Hồ sơ TTHC' }).click();
    // Tháng 1: Hộ tịch (row 2) all on time; Đất đai (row 4) one late with its reason, two pending.
    await typeTthcRow(2, [0, 20, 10, 10, 20, 0, 0, 0]);
    await typeTthcRow(4, [3, 2, 6, 0, 8, 1, 2, 0], 'Chờ kết quả đo đạc');
    // Tháng 2 (row 16): Đất đai late again; the two pending of January carried over.
    await typeTthcRow(16, [2, 3, 3, 1, 5, 1, 1, 0], 'Cán bộ địa chính nghỉ phép');
    expect(await page.locator('td[data-address="F4"]').textContent()).toBe('11');
    expect(await page.locator('tr[data-row="4"]').getAttribute('data-state')).toBe('late');
    await section.getByText('Tỷ lệ giải quyết đúng hạn tháng 2/2026').waitFor();
    // February: 6 of Đất đai's 7 resolved on time or early; the 6-month report's months so far: 44 of 46.
    await section
      .getByText('6/7 hồ sơ đã giải quyết được giải quyết trước hạn hoặc đúng hạn (85,7%)')
      .waitFor();
    await section
      .getByText('44/46 hồ sơ đã giải quyết được giải quyết trước hạn hoặc đúng hạn (95,7%)')
      .waitFor();
    const late = section.getByRole('button', { name: /Đất đai · thường xuyên trễ hạn/ });
    await late.click();
    await page.getByTestId('selection').getByText('Hồ sơ TTHC!B16').waitFor();
    await expectAccessible('Hồ sơ TTHC');
  });

  it('writes results in Kết quả theo kỳ: typed in the sheet view, and from the pane’s editor', async () => {
    await page.getByRole('tab', { name: 'Kết quả theo kỳ' }).click();
    const cell = page.getByLabel('Kết quả thực hiện trong quý, dòng 2', { exact: true });
    await cell.fill('Ban hành Quyết định kiện toàn Ban điều hành');
    await cell.press('Enter');
    await page.waitForFunction(
      (label) =>
        (document.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement | null)?.defaultValue ===
        'Ban hành Quyết định kiện toàn Ban điều hành',
      'Kết quả thực hiện trong quý, dòng 2',
    );
    await pane().getByRole('tab', { name: 'Tổng quan' }).click();
    const section = pane().getByRole('region', { name: 'Kết quả theo kỳ' });
    await section.getByLabel('Quý', { exact: true }).selectOption('1');
    // The pane reads what was typed on the sheet (the overview is read again after the change).
    await page.waitForFunction(
      (text) =>
        (
          document.querySelector(
            'section[aria-labelledby="results-heading"] textarea',
          ) as HTMLTextAreaElement | null
        )?.value === text,
      'Ban hành Quyết định kiện toàn Ban điều hành',
    );
    await section
      .getByLabel('Dự kiến thực hiện quý sau', { exact: true })
      .fill('Sơ kết hoạt động Ban điều hành');
    await section.getByRole('button', { name: 'Ghi kết quả' }).click();
    await section.getByText(/^Đã ghi kết quả Quý I của nhiệm vụ/).waitFor();
    await page.waitForFunction(
      ([label, v]) =>
        (document.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement | null)?.defaultValue ===
        v,
      ['Dự kiến thực hiện quý sau, dòng 2', 'Sơ kết hoạt động Ban điều hành'] as const,
    );
    await expectAccessible('Kết quả theo kỳ');
  });

  it('consolidates communes’ workbooks picked in the browser, file by file, into this workbook', async () => {
    // Two communes' workbooks as the demo makes them, and a file that is no workbook.
    const files: string[] = [];
    for (const commune of [1, 3]) {
      const book = await openXlsx(null);
      expect((await writeCommuneDemo(book, { now: new Date('2026-11-29T03:00:00Z'), commune })).ok).toBe(
        true,
      );
      files.push(path.join(userDataDir, `xa-${commune}.xlsx`));
      fs.writeFileSync(files[files.length - 1], await book.toBuffer());
    }
    files.push(path.join(userDataDir, 'hong.xlsx'));
    fs.writeFileSync(files[2], 'không phải sổ Excel');
    await pane().getByRole('tab', { name: 'Thao tác' }).click();
    const section = pane().getByRole('region', { name: 'Tổng hợp nhiều xã' });
    await section.getByTestId('consolidate-files').setInputFiles(files);
    await section.getByText('Đã chọn 3 tệp.').waitFor();
    await section.getByLabel('Kỳ cần tổng hợp').selectOption('2026-Q3');
    await section.getByLabel('Ngày tính số liệu (chung cho mọi xã)').fill('04/09/2026');
    await section.getByRole('button', { name: 'Tổng hợp nhiều xã' }).click();
    await pane()
      .getByText(
        'Đã tổng hợp 2 xã vào trang "Tổng hợp các xã"; 1 tệp không dùng được (xem trang "Tệp không đọc được").',
      )
      .waitFor();
    await section.getByText('Đã đọc 3/3 tệp').waitFor();
    await section.getByText('Đã dùng: UBND xã Long Điền B').waitFor();
    await page.getByRole('tab', { name: 'Tổng hợp các xã', selected: true }).waitFor();
    const table = page.locator('table[data-sheet="Tổng hợp các xã"]');
    await table.getByText('Tổng cộng (2 xã)').waitFor();
    await shoot('consolidate', '#consolidate-heading');
    await expectAccessible('consolidate');
  });

  it('edits and saves the settings, validated field by field', async () => {
    await pane().getByRole('tab', { name: 'Cài đặt' }).click();
    const warning = pane().getByLabel('Số ngày cảnh báo');
    expect(await warning.inputValue()).toBe('7');
    await warning.fill('400');
    await button('Lưu cài đặt').click();
    await pane().getByText('Số ngày cảnh báo phải là số nguyên từ 0 đến 365.').waitFor();
    await warning.fill('10');
    await button('Lưu cài đặt').click();
    await pane().getByText('Đã lưu cài đặt vào trang "Cài đặt".').waitFor();
    await shoot('settings');
    await expectAccessible('settings');
    await pane().getByRole('tab', { name: 'Tổng quan' }).click();
    // Ten warning days: 05/06 and 12/06 deadlines are now due soon.
    await pane()
      .getByText(/^Sắp đến hạn: \d+$/)
      .waitFor();
  });

  it('is readable in the dark theme too', async () => {
    await page.getByLabel('Giao diện').selectOption('dark');
    await pane().getByRole('tab', { name: 'Tổng quan', selected: true }).waitFor();
    await pane().screenshot({
      path: path.join(SCREENSHOTS, 'overview-dark-320.png'),
      animations: 'disabled',
    });
    await expectAccessible('overview, dark theme');
    await page.getByLabel('Giao diện').selectOption('light');
  });

  it('downloads the workbook as .xlsx, which ExcelJS reads back', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải tệp .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ke-hoach-cchc-2026.xlsx');
    const file = path.join(userDataDir, 'download.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Trang tính1',
        'Nhiệm vụ',
        'Danh mục',
        'Cài đặt',
        'Tổng hợp',
        'Báo cáo 6 tháng 2026',
      ]),
    );
    const tracker = book.getWorksheet('Nhiệm vụ')!;
    expect(tracker.getCell('H2').value).toBe('Hoàn thành');
    expect(tracker.getCell('I2').value).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(tracker.getCell('H5').value).toBe('Hoàn thành');
    expect(tracker.getCell('I6').value).toEqual(new Date(Date.UTC(2026, 4, 20))); // fixed: a real date
    const report = book.getWorksheet('Báo cáo 6 tháng 2026')!;
    const texts: string[] = [];
    report.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('BÁO CÁO');
    const settings = book.getWorksheet('Cài đặt')!;
    const warningRow = settings.getColumn(1).values.findIndex((v) => v === 'Số ngày cảnh báo');
    expect(settings.getCell(warningRow, 2).value).toBe(10);
  });

  it('moves to the new year: says what it carried, lists the rows, downloads next year’s workbook', async () => {
    await pane().getByRole('tab', { name: 'Thao tác' }).click();
    await button('Chuyển sang năm mới').click();
    const section = pane().getByRole('region', { name: 'Chuyển sang năm mới' });
    const done = section.getByText('Đã tạo bảng theo dõi năm 2027: 40 nhiệm vụ của kế hoạch và ', {
      exact: false,
    });
    await done.waitFor().catch(async (error) => {
      throw new Error(`${String(error)}\n${await section.textContent()}`);
    });
    const carried = Number(/và (\d+) nhiệm vụ/.exec((await done.textContent()) ?? '')?.[1]);
    // Every task with a deadline but the five done (rows 2–6), whatever the deadline.
    expect(carried).toBe(26);
    await pane()
      .getByText('Bấm "Tải tệp ke-hoach-cchc-2027.xlsx" để lưu sổ năm 2027', { exact: false })
      .waitFor();
    const list = pane().getByRole('region', { name: `Chuyển từ năm 2026 (${carried})` });
    await list.getByText('Dòng 7 → dòng 42 ở sổ mới', { exact: false }).waitFor();
    await shoot('rollover', '#rollover-heading');
    await expectAccessible('rollover');
    // A carried row selects its row in this workbook, which is as it was.
    await list.getByRole('button').first().click();
    await page.getByTestId('selection').getByText('Nhiệm vụ!A7').waitFor();
    await page.getByRole('tab', { name: 'Báo cáo 6 tháng 2026' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      button('Tải tệp ke-hoach-cchc-2027.xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('ke-hoach-cchc-2027.xlsx');
    const file = path.join(userDataDir, 'rollover.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'Nhiệm vụ',
      'Kết quả theo kỳ',
      'Hồ sơ TTHC',
      'Danh mục',
      'Cài đặt',
    ]);
    const tracker = book.getWorksheet('Nhiệm vụ')!;
    // The header, the 40 plan rows the carried ones do not hold, then the carried rows.
    expect(tracker.rowCount).toBe(41 + carried);
    expect(tracker.getCell('K42').value).toBe('Chuyển từ năm 2026 (dòng 7)');
    const settings = book.getWorksheet('Cài đặt')!;
    const label = (text: string) => settings.getColumn(1).values.findIndex((v) => v === text);
    expect(settings.getCell(label('Năm theo dõi'), 2).value).toBe(2027);
    expect(settings.getCell(label('Số ngày cảnh báo'), 2).value).toBe(10); // the user's setting, carried
  });

  it('shows the demo’s half year of dossier figures in the pane and in the sheet (?demo)', async () => {
    await page.goto(`${server.url}?demo&today=2026-09-04&pane=320`);
    const section = pane().getByRole('region', { name: 'Hồ sơ thủ tục hành chính' });
    await section.getByText('Tỷ lệ giải quyết đúng hạn tháng 8/2026').waitFor({ timeout: 60_000 });
    await section.getByRole('button', { name: /Đất đai · thường xuyên trễ hạn/ }).waitFor();
    await shoot('tthc', '#tthc-heading');
    await expectAccessible('Hồ sơ TTHC in the demo');
    await section.getByRole('button', { name: /Đất đai · thường xuyên trễ hạn/ }).click();
    await page.getByRole('tab', { name: 'Hồ sơ TTHC', selected: true }).waitFor();
    await page
      .getByTestId('selection')
      .getByText(/^Ô đang chọn: Hồ sơ TTHC!B\d+$/)
      .waitFor();
    await page.getByTestId('pane').evaluate((el) => {
      const target = el.querySelector('#tthc-heading');
      el.scrollTop = target
        ? target.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 8
        : 0;
    });
    await page.mouse.move(1270, 950);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'preview-tthc.png') });
  });

  it('asked nothing of the network but its own server, and broke no rule of its security policy', () => {
    const foreign = requests.filter((url) => !url.startsWith(server.url) && !/^(data|blob):/.test(url));
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
