/**
 * docs/extending.md, "To add a tracker column", walked through: change (c) of issue 24, a column "Kinh phí
 * (triệu đồng)", added to the columns' table alone (a jest module mock of trackerColumns.ts, the app loaded
 * anew) before Tình trạng hạn, shows in every view that derives from the table: the tracker's header, width,
 * format and validation, the state formula and conditional formats that now point past it, reading it back, and
 * Tổng hợp's ranges. Workbooks written before it (today's demo and old tracker) are read with it missing: their
 * check and report say what they said. Tổng hợp's SUMIFS of the amounts is the one place written by hand.
 */
import JSZip from 'jszip';
import type { TrackerColumnEntry } from '../../src/domain/trackerColumns';
import { TRACKER_COLUMNS } from '../../src/domain/trackerColumns';
import type { ColumnKey } from '../../src/domain/tracker';
import { buildTrackerSheet as todaysTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { expandSchedule } from '../../src/domain/schedule';
import {
  checkAndReport,
  outcomeFigures,
  todaysFixtures,
  type TodaysFixture,
} from '../support/todaysFixtures';

const TABLE = '../../src/domain/trackerColumns';

/** The XML of a sheet of an .xlsx, found by its name. */
async function sheetXmlOf(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const book = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  return (await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)?.async('string')) ?? '';
}
const HEADER = 'Kinh phí (triệu đồng)';

/** The new entry, as a maintainer would write it in TRACKER_COLUMNS. */
const budget: TrackerColumnEntry = {
  header: HEADER,
  width: 10,
  format: 'amount',
  typed: true,
  required: false,
  validation: 'amount',
  rollup: null,
};

// The compiler holds the table complete: without an entry for a column of HEADERS it is not the table.
const { note: _left, ...withoutNote } = TRACKER_COLUMNS;
// @ts-expect-error: note has no entry
const incomplete: Record<ColumnKey, TrackerColumnEntry> = withoutNote;

const seeds = seedsFromPlan(expandSchedule(2026));
const today = todaysTrackerSheet(seeds, 2026);
let fixtures: TodaysFixture[];
let before: unknown[];
beforeAll(async () => {
  expect(incomplete).not.toHaveProperty('note');
  fixtures = await todaysFixtures();
  before = [];
  for (const f of fixtures) before.push(outcomeFigures(await checkAndReport(f)));
  jest.resetModules();
  jest.doMock(TABLE, () => {
    const actual = jest.requireActual<typeof import('../../src/domain/trackerColumns')>(TABLE);
    const { deadlineState, ...rest } = actual.TRACKER_COLUMNS;
    return { ...actual, TRACKER_COLUMNS: { ...rest, budget, deadlineState } };
  });
});

describe('a tracker column added through the table alone', () => {
  it('is a column of a new tracker: header, width, format, validation; the formulas point past it', async () => {
    const { buildTrackerSheet, trackerColumn } = await import('../../src/sheets/trackerSheet');
    const spec = buildTrackerSheet(seeds, 2026);
    const header = spec.cells[0];
    expect(header).toEqual([...today.cells[0].slice(0, 11), HEADER, today.cells[0][11]]);
    expect(trackerColumn('budget' as ColumnKey)).toBe('L');
    expect(trackerColumn('deadlineState')).toBe('M');
    expect(spec.columnWidths).toEqual([
      ...(today.columnWidths ?? []).slice(0, 11),
      10,
      today.columnWidths?.[11],
    ]);
    const last = seeds.length + 1;
    expect(spec.styles).toContainEqual({
      range: `L2:L${last}`,
      style: { numberFormat: '#,##0.0', alignment: { horizontal: 'right', vertical: 'top' } },
    });
    expect(spec.validations).toContainEqual(
      expect.objectContaining({ range: `L2:L${last}`, rule: { type: 'decimal', min: 0, max: 1e12 } }),
    );
    // Every other validation and the state formula are today's, the state now in M.
    expect(spec.validations?.filter((v) => v.range !== `L2:L${last}`)).toEqual(today.validations);
    expect(spec.formulas).toEqual(today.formulas?.map((f) => ({ ...f, cell: f.cell.replace(/^L/, 'M') })));
    expect(spec.table?.calculatedColumns).toEqual([
      { column: 12, formula: today.table?.calculatedColumns?.[0].formula },
    ]);
    expect(spec.table?.columns).toEqual(header);
    expect(spec.conditionalFormats?.[0]).toMatchObject({
      range: `A2:M${last}`,
      formula: expect.stringMatching(/^=\$M2=/),
    });
    // Each seed's cell of the new column is blank.
    expect(spec.cells.slice(1).every((r) => r[11] === null)).toBe(true);
  });

  it('is read back, and Tổng hợp reads the state where it now is', async () => {
    const { buildTrackerSheet } = await import('../../src/sheets/trackerSheet');
    const { readTracker } = await import('../../src/domain/tracker');
    const { buildSummarySheet } = await import('../../src/sheets/summarySheet');
    const spec = buildTrackerSheet(seeds, 2026);
    spec.cells[2][11] = 12.5;
    const read = readTracker({ name: 'Nhiệm vụ', values: spec.cells as never, formulas: [] });
    expect(read.problems).toEqual([]);
    expect(read.columns).toMatchObject({ budget: 11, deadlineState: 12 });
    expect(read.tasks).toHaveLength(seeds.length);
    const { spec: summary } = buildSummarySheet({
      year: 2026,
      periodMode: 'calendar',
      writtenOn: '2026-06-20',
      headerRow: read.headerRow,
      columns: read.columns,
      sections: [{ id: 'II.1', title: 'Mục II.1' }],
      leads: [],
    });
    const formulas = summary.formulas?.map((f) => f.formula).join('\n') ?? '';
    expect(formulas).toContain("'Nhiệm vụ'!$M$2:$M$");
    expect(formulas).not.toContain("'Nhiệm vụ'!$L$2:$L$");
  });

  it('is written into a new workbook with its validation, and checked there without a problem', async () => {
    const xlsx = await import('../../src/workbook/xlsx/xlsxWorkbook');
    const app = await import('../../src/app');
    const book = await xlsx.openXlsx(null);
    const init = await app.initTracker(book, {
      year: 2026,
      now: new Date(Date.UTC(2026, 0, 5)),
      identity: { unitName: 'UBND xã Long Điền A', place: 'Long Điền A', signerName: 'Nguyễn Văn A' },
    });
    expect(init.ok).toBe(true);
    await book.apply({ write: [], updates: [{ sheet: 'Nhiệm vụ', cell: 'L3', value: 12.5 }] });
    const sheetXml = await sheetXmlOf(await book.toBuffer(), 'Nhiệm vụ');
    expect(sheetXml).toMatch(/<dataValidation type="decimal"[^>]*sqref="L2:L\d+"/);
    const check = await app.checkTracker(book, { today: '2026-01-05' });
    expect(check.result?.errors).toEqual([]);
  });

  it('is missing from workbooks written before it: read as blank, their check and report say what they said', async () => {
    for (const [i, fixture] of fixtures.entries()) {
      const after = await checkAndReport(fixture);
      expect(before[i]).toMatchObject({ reportOk: true, json: expect.anything() });
      expect(outcomeFigures(after)).toEqual(before[i]);
    }
  });
});
