/**
 * Changes (b) and (c) of issue 24 in an independent spreadsheet: with a column "Kinh phí (triệu đồng)" added
 * before Tình trạng hạn and a half-yearly regime due on the 10th (each made in its table alone: jest module
 * mocks, the app loaded anew), a tracker written in by hand is recalculated in LibreOffice; every row's Tình trạng
 * hạn and every figure of Tổng hợp (its period block now two reports) equal the domain's (the oracle).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { disposeLibreOffice, recalcAllWithLibreOffice } from '../support/libreoffice';
import { summaryMismatches } from '../support/summaryOracle';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-tables-lo-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  jest.resetModules();
  jest.doMock('../../src/domain/trackerColumns', () => {
    const actual = jest.requireActual<typeof import('../../src/domain/trackerColumns')>(
      '../../src/domain/trackerColumns',
    );
    const { deadlineState, ...rest } = actual.TRACKER_COLUMNS;
    const budget = {
      header: 'Kinh phí (triệu đồng)',
      width: 10,
      format: 'amount',
      typed: true,
      required: false,
      validation: 'amount',
      rollup: null,
    };
    return { ...actual, TRACKER_COLUMNS: { ...rest, budget, deadlineState } };
  });
  jest.doMock('../../src/domain/reportingRegime', () => ({
    ...jest.requireActual<typeof import('../../src/domain/reportingRegime')>(
      '../../src/domain/reportingRegime',
    ),
    REPORTING_REGIME: { months: [6, 12], deadlineDay: 10, cutOffDay: 15 },
  }));
});

it('Tình trạng hạn and Tổng hợp agree with the domain in LibreOffice', async () => {
  const { todayIso, addDays, serialFromIso } = await import('../../src/domain/dates');
  const { openXlsx } = await import('../../src/workbook/xlsx/xlsxWorkbook');
  const { initTracker } = await import('../../src/app');
  const { trackerFromSnapshot } = await import('../../src/app/checkTracker');
  const { rollupFor, summaryFor } = await import('../../src/app/summary');
  const { readKnownLeads } = await import('../../src/domain/validation');
  const { deadlineState } = await import('../../src/domain/deadline');
  const { trackerColumn } = await import('../../src/sheets/trackerSheet');
  const { SHEET, STATE_LABEL, STATUS_LABEL } = await import('../../src/i18n/vi');
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const book = await openXlsx(null);
  const init = await initTracker(book, {
    year,
    now: new Date(`${year}-01-05T00:00:00Z`),
    identity: { unitName: 'UBND xã Long Điền A', place: 'Long Điền A', signerName: 'Nguyễn Văn A' },
  });
  expect(init.ok).toBe(true);
  expect(trackerColumn('deadlineState')).toBe('M');
  const at = (key: Parameters<typeof trackerColumn>[0], row: number): string => `${trackerColumn(key)}${row}`;
  await book.apply({
    write: [],
    updates: [
      { sheet: SHEET.tracker, cell: at('status', 2), value: STATUS_LABEL.done },
      { sheet: SHEET.tracker, cell: at('completedOn', 2), value: serialFromIso(addDays(today, -3)) },
      { sheet: SHEET.tracker, cell: at('status', 3), value: STATUS_LABEL.inProgress },
      { sheet: SHEET.tracker, cell: at('deadline', 4), value: serialFromIso(addDays(today, 2)) },
      { sheet: SHEET.tracker, cell: at('deadline', 5), value: serialFromIso(addDays(today, -40)) },
      { sheet: SHEET.tracker, cell: 'L3', value: 12.5 },
      { sheet: SHEET.tracker, cell: 'L6', value: 'chưa rõ', numberFormat: '@' },
    ],
  });
  const snap = await book.read([SHEET.tracker, SHEET.settings, SHEET.lists]);
  const state = trackerFromSnapshot(snap, today);
  if (!state) throw new Error('no tracker');
  const listed = readKnownLeads(snap.contents[SHEET.lists]);
  const { spec, layout } = summaryFor(state, listed, today);
  expect(layout.blocks.find((b) => b.key === 'period')?.keys).toEqual([`${year}-Q2`, `${year}-Q4`]);
  await book.apply({ write: [spec] });
  const file = path.join(dir, 'changed-tables.xlsx');
  fs.writeFileSync(file, await book.toBuffer());
  const [recalculated] = await recalcAllWithLibreOffice([file], path.join(dir, 'recalc'));
  const lo = (await (await openXlsx(fs.readFileSync(recalculated))).read([SHEET.tracker, SHEET.summary]))
    .contents;
  const stateCol = state.read.columns.deadlineState as number;
  expect(stateCol).toBe(12);
  const mismatches: string[] = [];
  for (const t of state.read.tasks) {
    const shown = lo[SHEET.tracker].values[t.row - 1]?.[stateCol] ?? null;
    const want = t.listed ? STATE_LABEL[deadlineState(t, today, state.settings.warningDays)] : null;
    if ((shown === '' ? null : shown) !== want)
      mismatches.push(`row ${t.row}: LibreOffice ${JSON.stringify(shown)}, domain ${JSON.stringify(want)}`);
  }
  mismatches.push(...summaryMismatches(lo[SHEET.summary], layout, rollupFor(state, listed, today)));
  expect(mismatches).toEqual([]);
}, 300_000);
