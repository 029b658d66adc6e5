/**
 * The consolidation as an action over workbook ports: the ownership rules when it writes into a workbook
 * (the one open in Excel), the pane's action (files picked in the browser, progress per file, one action at a
 * time), and what makes a commune's file unusable.
 */
import {
  communeFromSnapshot,
  consolidateFiles,
  writeConsolidation,
  type ConsolidationRequest,
} from '../../src/app/consolidate';
import { writeCommuneDemo } from '../../src/app/demo';
import { compileReport } from '../../src/app/compileReport';
import { initNamed, TEST_IDENTITY } from '../support/identity';
import { memoryLock } from '../../src/taskpane/actionLock';
import { CONSOLIDATION_REASON, CONSOLIDATION_SHEET } from '../../src/i18n/consolidation';
import { unreadableReason } from '../../src/i18n/xlsx';
import { ACTION_NAME, OUTCOME } from '../../src/i18n/ui';
import { SHEET } from '../../src/i18n/vi';
import type { PickedFile } from '../../src/taskpane/actions';
import { createPaneActions } from '../../src/taskpane/paneActions';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { MemoryPort } from '../support/memoryPort';

const NOW = new Date('2026-11-29T03:00:00Z');
const REQUEST: ConsolidationRequest = { period: { year: 2026, quarter: 3 }, asOf: '2026-09-04' };

let communes: Uint8Array[];

beforeAll(async () => {
  communes = [];
  for (const commune of [0, 1, 2]) {
    const book = await openXlsx(null);
    expect((await writeCommuneDemo(book, { now: NOW, commune })).ok).toBe(true);
    communes.push(await book.toBuffer());
  }
}, 60_000);

const sources = (bytes: Uint8Array[]) =>
  bytes.map((b, i) => ({ name: `xa-${i + 1}.xlsx`, bytes: async () => b }));

describe('writing into a workbook that has sheets of its own', () => {
  it('never overwrites a user’s sheet or an edited one: the set goes beside it, an untouched one is replaced', async () => {
    const c = await consolidateFiles(sources(communes), REQUEST, { open: openXlsx });
    const port = new MemoryPort();
    port.addUserSheet(CONSOLIDATION_SHEET.communes, [['Bảng của tôi']]);
    const first = await writeConsolidation(port, c, { now: NOW });
    expect(first.ok).toBe(true);
    expect(first.sheet).toBe(`${CONSOLIDATION_SHEET.communes} (2)`);
    expect(port.sheets.find((s) => s.name === CONSOLIDATION_SHEET.communes)?.values).toEqual([
      ['Bảng của tôi'],
    ]);
    // Written again, nobody having touched it: replaced in place.
    const again = await writeConsolidation(port, c, { now: NOW });
    expect(again.sheet).toBe(`${CONSOLIDATION_SHEET.communes} (2)`);
    // Edited by hand: kept, and the next set goes beside it.
    const edited = port.sheets.find((s) => s.name === `${CONSOLIDATION_SHEET.overdue} (2)`);
    edited!.values[0][0] = 'Đã sửa tay';
    const third = await writeConsolidation(port, c, { now: NOW });
    expect(third.sheets).toEqual([
      `${CONSOLIDATION_SHEET.communes} (3)`,
      `${CONSOLIDATION_SHEET.overdue} (3)`,
      `${CONSOLIDATION_SHEET.tthc} (3)`,
      `${CONSOLIDATION_SHEET.failed} (3)`,
    ]);
    expect(edited!.values[0][0]).toBe('Đã sửa tay');
  });

  it('makes the workbook a consolidation: given back as a commune’s file, it is refused', async () => {
    // The receiving body's own workbook is a tracker too (a commune's, say), and receives the consolidation.
    const own = await openXlsx(communes[0]);
    const c = await consolidateFiles(sources(communes.slice(1)), REQUEST, { open: openXlsx });
    expect((await writeConsolidation(own, c, { now: NOW })).ok).toBe(true);
    const back = await consolidateFiles(sources([await own.toBuffer()]), REQUEST, { open: openXlsx });
    expect(back.communes).toEqual([]);
    expect(back.failed).toEqual([{ file: 'xa-1.xlsx', reason: CONSOLIDATION_REASON.isConsolidation }]);
  });
});

describe('a commune’s file that cannot be used', () => {
  it('counting by Nghị định 09 windows, has no period yet on a day before it begins', async () => {
    // Demo commune 2 counts by Nghị định 09 (Q1 from 15/12 of the year before); commune 0 by quarters.
    const early: ConsolidationRequest = { period: { year: 2026, quarter: 1 }, asOf: '2025-12-20' };
    const c = await consolidateFiles(sources([communes[0], communes[2]]), early, { open: openXlsx });
    expect(c.communes.map((x) => x.unit)).toEqual(['UBND xã Kiến An']);
    expect(c.communes[0].from).toBe('2025-12-15');
    expect(c.failed[0].reason).toBe(
      CONSOLIDATION_REASON.asOfBeforePeriod('2025-12-20', 'quý I năm 2026', '2026-01-01'),
    );
  });

  it('without a Cài đặt sheet, whose commune is unknown', async () => {
    const book = await openXlsx(communes[1]);
    const snap = await book.read([SHEET.tracker, SHEET.lists, SHEET.register]);
    expect(communeFromSnapshot(snap, REQUEST, { name: 'x.xlsx' })).toEqual({
      ok: false,
      reason: CONSOLIDATION_REASON.noUnitName,
    });
  });

  it('that the reader throws on, whatever it throws, is one reason and the batch goes on', async () => {
    const c = await consolidateFiles(
      [
        { name: 'a.xlsx', bytes: async () => communes[0] },
        { name: 'lost.xlsx', bytes: () => Promise.reject(new Error('ENOENT')) },
        { name: 'b.xlsx', bytes: async () => communes[1] },
      ],
      REQUEST,
      { open: openXlsx },
    );
    expect(c.communes).toHaveLength(2);
    expect(c.failed).toEqual([{ file: 'lost.xlsx', reason: CONSOLIDATION_REASON.unreadable }]);
  });
});

describe('the pane’s "Tổng hợp nhiều xã"', () => {
  const picked = (bytes: Uint8Array, name: string): PickedFile => ({
    name,
    lastModified: Date.parse('2026-09-05T00:00:00Z'),
    arrayBuffer: async () => bytes.slice().buffer,
  });
  const host = (lock = memoryLock()) => ({
    today: () => '2026-09-04',
    selectCell: jest.fn(async () => undefined),
    subscribeToChanges: jest.fn(async () => () => undefined),
    lock,
  });

  it('reads the picked files one at a time, saying what became of each, and writes into this workbook', async () => {
    const port = new MemoryPort();
    const actions = createPaneActions(port, host());
    const seen: string[] = [];
    const outcome = await actions.consolidate(
      {
        ...REQUEST,
        files: [
          picked(communes[1], 'xa-b.xlsx'),
          picked(new Uint8Array([1, 2, 3]), 'hong.xlsx'),
          picked(communes[0], 'xa-a.xlsx'),
        ],
      },
      (p) => seen.push(`${p.index}/${p.total} ${p.file}: ${p.unit ?? p.reason}`),
    );
    expect(seen).toEqual([
      '1/3 xa-b.xlsx: UBND xã Long Điền B',
      // The .xlsx adapter's own reason (i18n/xlsx.ts), in one sentence.
      `2/3 hong.xlsx: Không đọc được tệp: ${unreadableReason({ kind: 'notXlsx' })}`,
      '3/3 xa-a.xlsx: UBND xã Long Điền A',
    ]);
    expect(outcome).toMatchObject({ ok: true, sheet: CONSOLIDATION_SHEET.communes });
    expect(outcome.message).toContain('2 xã');
    expect(port.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        CONSOLIDATION_SHEET.communes,
        CONSOLIDATION_SHEET.overdue,
        CONSOLIDATION_SHEET.failed,
      ]),
    );
  });

  it('waits for no other action: while one runs, it says which and reads nothing', async () => {
    const lock = memoryLock();
    const actions = createPaneActions(new MemoryPort(), host(lock));
    let release: () => void = () => undefined;
    const running = lock.run('report', () => new Promise<void>((r) => (release = r)));
    const onFile = jest.fn();
    const outcome = await actions.consolidate({ ...REQUEST, files: [picked(communes[0], 'a.xlsx')] }, onFile);
    expect(outcome).toEqual({ ok: false, reason: 'busy', message: OUTCOME.busy(ACTION_NAME.report) });
    expect(onFile).not.toHaveBeenCalled();
    release();
    await running;
  });
});

describe('what the province must not be misled by (issue 20, item 9)', () => {
  const named = async (unit: string) => {
    const book = await openXlsx(null);
    await initNamed(book, { year: 2026, now: NOW, identity: { ...TEST_IDENTITY, unitName: unit } });
    return book;
  };

  it('calls a 0-byte file empty, not damaged', async () => {
    const c = await consolidateFiles([{ name: 'rong.xlsx', bytes: async () => new Uint8Array(0) }], REQUEST, {
      open: openXlsx,
    });
    expect(c.failed).toEqual([{ file: 'rong.xlsx', reason: CONSOLIDATION_REASON.empty }]);
  });

  it('does not believe a register date after today: it neither wins the duplicate choice nor shows as the compile day', async () => {
    const genuine = await named('UBND xã Kiến An');
    await compileReport(genuine, { asOf: '2026-09-04', period: { year: 2026, quarter: 3 }, now: NOW });
    const forged = await named('UBND xã Kiến An');
    const far = new Date('9999-12-31T00:00:00Z');
    await compileReport(forged, { asOf: '2026-09-04', period: { year: 2026, quarter: 3 }, now: far });
    const files = [
      { name: 'a-that.xlsx', modifiedAt: '2026-09-06T00:00:00Z', bytes: await genuine.toBuffer() },
      { name: 'b-gia.xlsx', modifiedAt: '2026-09-05T00:00:00Z', bytes: await forged.toBuffer() },
    ];
    const c = await consolidateFiles(
      files.map((f) => ({ name: f.name, modifiedAt: f.modifiedAt, bytes: async () => f.bytes })),
      REQUEST,
      { open: openXlsx, now: NOW },
    );
    expect(c.communes.map((x) => x.file)).toEqual(['a-that.xlsx']);
    expect(c.communes[0].ownReport?.day).toBe('2026-11-29');
    const alone = await consolidateFiles(
      [{ name: 'b-gia.xlsx', bytes: async () => files[1].bytes }],
      REQUEST,
      {
        open: openXlsx,
        now: NOW,
      },
    );
    expect(alone.communes[0].ownReport).toBeNull();
    expect(alone.communes[0].compiledAt).toBeNull();
  });

  it('never makes a commune named "2026" of a Cài đặt with swapped labels', async () => {
    const book = await named('UBND xã Kiến An');
    // The year under "Tên đơn vị", the unit under "Năm theo dõi".
    await book.apply({
      write: [],
      updates: [
        { sheet: SHEET.settings, cell: 'B2', value: 2026 },
        { sheet: SHEET.settings, cell: 'B5', value: 'UBND xã Kiến An' },
      ],
    });
    const bytes = await book.toBuffer();
    const c = await consolidateFiles([{ name: 'dao.xlsx', bytes: async () => bytes }], REQUEST, {
      open: openXlsx,
    });
    expect(c.communes).toEqual([]);
    expect(c.failed).toEqual([{ file: 'dao.xlsx', reason: CONSOLIDATION_REASON.noUnitName }]);
  });

  it('shows a unit name in one form, the same commune typed three ways counted once', async () => {
    const books = [
      await named('Ủy ban nhân dân xã kiến an'),
      await named('UBND xã Kiến\u200d An'),
      await named('ＵＢＮＤ xã Kiến \u0410n'),
    ];
    const bytes = await Promise.all(books.map((b) => b.toBuffer()));
    const c = await consolidateFiles(
      bytes.map((b, i) => ({ name: `${i}.xlsx`, bytes: async () => b })),
      REQUEST,
      { open: openXlsx },
    );
    expect(c.communes.map((x) => x.unit)).toEqual(['UBND xã Kiến An']);
    expect(c.duplicates[0].dropped).toHaveLength(2);
  });
});
