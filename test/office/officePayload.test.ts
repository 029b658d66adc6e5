/** Round trips and request sizes of the Office adapter on big sheets, as the fake measures them. */
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel } from '../fake-excel';
import {
  longStateFormula,
  sheetSpec,
  stateFormula,
  trackerSpec,
  vietnameseText,
} from '../support/specBuilder';

const FOUR_MB = 4 * 1024 * 1024;
const FIVE_MB = 5 * 1024 * 1024;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

describe('Office adapter: payload and syncs', () => {
  it('creates a 5,000-row × 12-column tracker with ~150-character texts in read (2) + apply (1) syncs', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    excel.addUserSheet('Nhiệm vụ', [['bản cũ']]);
    const port = createOfficeWorkbook(excel.run);
    const spec = trackerSpec('Nhiệm vụ', 5000, 150);

    await port.read(['Nhiệm vụ', 'Cài đặt']);
    const readSyncs = excel.syncCount;
    excel.resetStats();
    await port.apply({ write: [spec], activate: 'Nhiệm vụ', select: 'A2' });

    expect(readSyncs).toBe(2);
    expect(excel.syncCount).toBe(1);
    expect(excel.payloads[0]).toBeLessThanOrEqual(FOUR_MB);
    console.info(`5,000-row tracker: 1 sync of ${mb(excel.payloads[0])}, ${excel.operationCount} operations`);

    const s = excel.sheet('Nhiệm vụ');
    expect(s.value('C5001')).toBe(vietnameseText(150, 4999));
    expect(s.formula('L5001')).toBe(stateFormula(5001));
    expect(s.tables()[0].range).toBe('A1:L5001');
  });

  it('splits a 20,000-row sheet with large texts into syncs of at most 4 MB, and writes every row', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    const spec = trackerSpec('Nhiệm vụ', 20_000, 400, 300);
    await port.read([]);
    excel.resetStats();

    await port.apply({ write: [spec] });

    const total = excel.payloads.reduce((a, b) => a + b, 0);
    console.info(
      `20,000-row tracker: ${excel.syncCount} syncs, ${excel.payloads.map(mb).join(' + ')} = ${mb(total)}`,
    );
    expect(excel.syncCount).toBeGreaterThan(1);
    for (const p of excel.payloads) expect(p).toBeLessThanOrEqual(FOUR_MB);
    // Syncs follow bytes, not rows: no more than one beyond what the total strictly needs, plus slack for
    // the estimate's margin.
    expect(excel.syncCount).toBeLessThanOrEqual(Math.ceil(total / (FOUR_MB * 0.85)) + 1);
    const s = excel.sheet('Nhiệm vụ');
    for (const row of [2, 7777, 14_000, 20_001])
      expect(s.value(`C${row}`)).toBe(vietnameseText(400, row - 2));
    expect(s.value('K20001')).toBe(vietnameseText(300, 19_999 + 7));
    expect(s.formula('L20001')).toBe(stateFormula(20_001));
    expect(s.numberFormat('G20001')).toBe('dd/mm/yyyy');

    // Too big for one 5 MB response: the adapter knows it from what it wrote, so the read asks for a first
    // window and row blocks sized to ~4 MB each, the small sheet riding along, and nothing is refused.
    excel.addUserSheet('Cài đặt', [
      ['Năm theo dõi', 2026],
      ['Số ngày cảnh báo', 7],
    ]);
    excel.resetStats();
    const { contents } = await port.read(['Nhiệm vụ', 'Cài đặt', 'Sheet1']);
    console.info(
      `read of that tracker: ${excel.syncCount} syncs, responses ${excel.responses.map(mb).join(', ')}`,
    );
    expect(excel.refused).toEqual([]);
    expect(excel.responses.every((r) => r <= FIVE_MB)).toBe(true);
    const read = excel.responses.reduce((a, b) => a + b, 0);
    // Syncs follow the bytes: no more than the total needs at 3.5 MB a sync, plus one.
    expect(excel.syncCount).toBeLessThanOrEqual(Math.ceil(read / (3.5 * 1024 * 1024)) + 1);
    expect(Object.keys(contents)).toEqual(['Nhiệm vụ', 'Cài đặt', 'Sheet1']);
    expect(contents['Cài đặt'].values).toEqual([
      ['Năm theo dõi', 2026],
      ['Số ngày cảnh báo', 7],
    ]);
    expect(contents['Sheet1'].values).toEqual([]);
    const sheet = contents['Nhiệm vụ'];
    expect(sheet.tables).toEqual([{ name: 'NhiemVu', range: 'A1:L20001' }]);
    expect(sheet.values).toHaveLength(20_001);
    expect(sheet.values[20_000][2]).toBe(vietnameseText(400, 19_999));
    expect(sheet.values[7776][10]).toBe(vietnameseText(300, 7775 + 7));
    expect(sheet.formulas.slice(1).every((row) => row[11] === '=')).toBe(true);
    expect(sheet.formulas[20_000][10]).toBeNull();
    expect(sheet.numberFormats[20_000][6]).toBe('dd/mm/yyyy');
  });

  it('keeps 20,000 rows of small values in one sync: many rows alone do not add round trips', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    const cells = Array.from({ length: 20_000 }, (_, i) => [i, i * 2, i % 7]);
    await port.read([]);
    excel.resetStats();
    await port.apply({ write: [sheetSpec('Số liệu', cells)] });
    expect(excel.syncCount).toBe(1);
    expect(excel.sheet('Số liệu').value('C20000')).toBe(19_999 % 7);
  });

  it('splits several sheets of one plan across syncs without losing any', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    const specs = [1, 2, 3].map((n) =>
      sheetSpec(
        `Phần ${n}`,
        Array.from({ length: 3000 }, (_, i) => [vietnameseText(500, i * n)]),
      ),
    );
    await port.read([]);
    excel.resetStats();
    await port.apply({ write: specs, activate: 'Phần 2' });
    expect(excel.syncCount).toBeGreaterThan(1);
    for (const p of excel.payloads) expect(p).toBeLessThanOrEqual(FOUR_MB);
    for (const n of [1, 2, 3])
      expect(excel.sheet(`Phần ${n}`).value('A3000')).toBe(vietnameseText(500, 2999 * n));
    expect(excel.activeSheet()).toBe('Phần 2');
  });

  it('reads a 5,000-row tracker (~150-character texts, a ~450-character formula a row) it wrote in 1 sync, every response under 5 MB', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    await port.apply({ write: [trackerSpec('Nhiệm vụ', 5000, 150, 50, longStateFormula)] });
    excel.resetStats();

    const { contents } = await port.read(['Nhiệm vụ']);

    console.info(
      `read of the 5,000-row tracker: ${excel.syncCount} syncs, responses ${excel.responses.map(mb).join(', ')}`,
    );
    expect(excel.sheet('Nhiệm vụ').formula('L5001')?.length).toBeGreaterThanOrEqual(440);
    expect(excel.syncCount).toBe(1);
    expect(excel.refused).toEqual([]);
    for (const r of excel.responses) expect(r).toBeLessThanOrEqual(FIVE_MB);
    const sheet = contents['Nhiệm vụ'];
    expect(sheet.values).toHaveLength(5001);
    expect(sheet.values[5000][2]).toBe(vietnameseText(150, 4999));
    expect(sheet.formulas[0][11]).toBeNull();
    expect(sheet.formulas.slice(1).every((row) => row[11] === '=')).toBe(true);
    expect(sheet.formulas.every((row) => row.slice(0, 11).every((f) => f === null))).toBe(true);
    expect(sheet.numberFormats[5000][6]).toBe('dd/mm/yyyy');
    expect(sheet.tables).toEqual([{ name: 'NhiemVu', range: 'A1:L5001' }]);
  });

  it('halves a block that still comes back too big', async () => {
    const excel = createFakeExcel({ maxResponseBytes: 400_000 });
    const rows = Array.from({ length: 3000 }, (_, i) => [vietnameseText(200, i), i]);
    excel.addUserSheet('Dài', rows);
    const { contents } = await createOfficeWorkbook(excel.run).read(['Dài']);
    expect(contents['Dài'].values).toEqual(rows);
  });
});
