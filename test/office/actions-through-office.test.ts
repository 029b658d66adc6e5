/**
 * The application actions through the Office.js adapter on the fake Excel API: sync counts at 48 and 5,000
 * rows, text kept as text, user sheets untouched, and the ribbon button's report (run by the pane) on success and failure.
 */
import { checkTracker, compileReport } from '../../src/app';

import type { ActionOutcome } from '../../src/app/types';

import { SHEET } from '../../src/i18n/vi';

import { createPaneActions } from '../../src/taskpane/paneActions';

import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';

import { createFakeExcel, type FakeExcel } from '../fake-excel';

import { initNamed } from '../support/identity';

import { bigSeeds } from '../support/fakeOffice';

const now = new Date('2026-06-05T03:00:00Z');

/** Every cell (value, formula, number format) of the named sheets, for before/after comparison. */
function cellsOf(excel: FakeExcel, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const sheet = excel.sheet(name);
    const used = sheet.usedRange(false);
    const values = sheet.values();
    const cells: unknown[] = [];
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const addr = `${String.fromCharCode(65 + (c % 26))}${r + 1}`;
        if (c < 26) cells.push([addr, v, sheet.formula(addr), sheet.numberFormat(addr)]);
      }),
    );
    out[name] = { used, cells };
  }
  return out;
}

/** The ribbon button "Tổng hợp báo cáo" clicked on 05/06/2026: its outcome, what the user was told, and completion. */
/**
 * The ribbon's "Tổng hợp báo cáo": it opens the task pane, which runs the report as it opens (the pane's
 * compileReport with no request: the period containing today) and shows the outcome as its notice.
 */
async function clickRibbon(excel: FakeExcel): Promise<{ outcome: ActionOutcome }> {
  const actions = createPaneActions(createOfficeWorkbook(excel.run), {
    today: () => '2026-06-05',
    selectCell: async () => {},
    subscribeToChanges: async () => () => {},
  });
  return { outcome: await actions.compileReport() };
}

describe('Khởi tạo through Office.js', () => {
  it.each([
    ['the plan (48 rows)', undefined],
    ['5,000 rows', bigSeeds(5000)],
  ])('takes at most 3 context.sync() calls for %s', async (_label, seeds) => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    const out = await initNamed(port, { year: 2026, now, seeds });
    expect(out.ok).toBe(true);
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    expect(excel.sheetNames().slice(0, 5)).toEqual([
      SHEET.tracker,
      SHEET.results,
      SHEET.tthc,
      SHEET.lists,
      SHEET.settings,
    ]);
    expect(excel.activeSheet()).toBe(SHEET.tracker);
    for (const p of excel.payloads) expect(p).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('keeps a task beginning with = + - @ as that exact text', async () => {
    const excel = createFakeExcel();
    const texts = ['=SUM(A1:A3)', '+84 912 345 678', '-Rà soát hồ sơ', '@Văn phòng'];
    const seeds = bigSeeds(4).map((s, i) => ({ ...s, task: texts[i] }));
    await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now, seeds });
    const sheet = excel.sheet(SHEET.tracker);
    expect(['C2', 'C3', 'C4', 'C5'].map((c) => sheet.value(c))).toEqual(texts);
    expect(['C2', 'C3', 'C4', 'C5'].map((c) => sheet.formula(c))).toEqual([null, null, null, null]);
  });

  it('leaves a user’s sheet named "Nhiệm vụ" untouched and says why', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet(SHEET.tracker, [
      ['Việc', 'Hạn'],
      ['Họp chi bộ', 46178],
    ]);
    const before = cellsOf(excel, [SHEET.tracker]);
    const out = await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now });
    expect(out.ok).toBe(false);
    expect(out.message).toContain(`"${SHEET.tracker}"`);
    expect(out.message).toContain('không do phần bổ trợ tạo ra');
    expect(cellsOf(excel, [SHEET.tracker])).toEqual(before);
    expect(excel.sheetNames()).toEqual([SHEET.tracker]);
  });
});

describe('Tổng hợp báo cáo through Office.js', () => {
  async function seeded(rows?: number): Promise<FakeExcel> {
    const excel = createFakeExcel();
    excel.addUserSheet('Sổ công văn', [
      ['Số', 'Trích yếu'],
      [12, 'Quyết định kiện toàn BĐH'],
    ]);
    await initNamed(createOfficeWorkbook(excel.run), {
      year: 2026,
      now,
      seeds: rows ? bigSeeds(rows) : undefined,
    });
    excel.resetStats();
    return excel;
  }

  it('takes at most 3 context.sync() calls at 5,000 rows', async () => {
    const excel = await seeded(5000);
    const out = await compileReport(createOfficeWorkbook(excel.run), { asOf: '2026-06-05', now });
    expect(out.ok).toBe(true);
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    expect(out.content!.totals.tasks).toBe(5000);
  });

  it('changes no cell of Nhiệm vụ, Cài đặt, Danh mục or a user sheet', async () => {
    const excel = await seeded();
    const mine = [SHEET.tracker, SHEET.settings, SHEET.lists, 'Sổ công văn'];
    const before = cellsOf(excel, mine);
    await compileReport(createOfficeWorkbook(excel.run), { asOf: '2026-06-05', now });
    await compileReport(createOfficeWorkbook(excel.run), { asOf: '2026-06-05', now });
    expect(cellsOf(excel, mine)).toEqual(before);
    expect(excel.sheetNames().filter((n) => n.startsWith('Báo cáo'))).toEqual(['Báo cáo 6 tháng 2026']);
  });

  it('the ribbon button writes the report, activates it and tells the user', async () => {
    const excel = await seeded();
    const { outcome } = await clickRibbon(excel);
    expect(outcome.ok).toBe(true);
    expect(excel.activeSheet()).toBe('Báo cáo 6 tháng 2026');
    expect(excel.sheet('Báo cáo 6 tháng 2026').value('A6')).toBe('BÁO CÁO');
    expect(outcome.message).toContain('"Báo cáo 6 tháng 2026"');
  });

  it('the ribbon button explains a protected sheet, in Vietnamese, and writes nothing', async () => {
    const excel = await seeded();
    await compileReport(createOfficeWorkbook(excel.run), { asOf: '2026-06-05', now });
    excel.protect(SHEET.summary);
    const names = excel.sheetNames();
    const before = cellsOf(
      excel,
      names.filter((n) => n !== SHEET.register),
    );
    const { outcome } = await clickRibbon(excel);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain(`Trang "${SHEET.summary}" đang được khóa`);
    expect(outcome.message).not.toMatch(/Error|at \w+ \(/);
    expect(excel.sheetNames()).toEqual(names);
    expect(
      cellsOf(
        excel,
        names.filter((n) => n !== SHEET.register),
      ),
    ).toEqual(before);
  });

  it('the ribbon button says what to do when there is no tracker', async () => {
    const excel = createFakeExcel();
    const { outcome } = await clickRibbon(excel);
    expect(outcome).toMatchObject({ ok: false, sheet: SHEET.tracker });
    expect(outcome.message).toContain('Khởi tạo bảng theo dõi');
  });
});

describe('Kiểm tra dữ liệu through Office.js', () => {
  it('reads in two syncs and finds a fresh tracker clean', async () => {
    const excel = createFakeExcel();
    await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now });
    excel.resetStats();
    const out = await checkTracker(createOfficeWorkbook(excel.run), { today: '2026-06-05' });
    expect(out.result).toEqual({ errors: [], warnings: [] });
    expect(excel.syncCount).toBe(2);
  });
});
