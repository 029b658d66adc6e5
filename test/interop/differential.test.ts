/**
 * The differential test of "one rule, every view": damaged trackers, one input class at a time, go through the
 * domain and through LibreOffice headless (the independent spreadsheet). For every row, the Tình trạng hạn
 * LibreOffice computes equals the state the domain gives the row (the state the report, the pane, `cchc check`
 * and `cchc report --json` use), and every figure of Tổng hợp equals the domain's roll-up; the report's own
 * totals equal Tổng hợp's row of that period. All for today, the day LibreOffice recalculates.
 *
 * The classes are the ways a person can type a cell that the domain could read differently from the formulas:
 * a date typed as text, a date with a time of day, a number stored as text in a date column, a deadline typed
 * as text, Trạng thái in another case, Unicode form or spacing or outside the list ("Đã hoàn thành", "hoan
 * thanh", "Đang làm", a look-alike with a no-break space: "Lỗi dữ liệu"), a completion date without Hoàn thành, a
 * completion date in the future, an error value in any input cell, a Mục or lead spelt differently, and a mix
 * of all with odd warning-day settings. At least 12 trackers of each (FUZZ_SEED changes them; LIBREOFFICE_RUNS
 * raises the count per class), all recalculated in one LibreOffice run.
 */
import { ERROR_MARK, withErrorCells } from '../support/errorCells';

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';

import { trackerFromSnapshot, type TrackerState } from '../../src/app/checkTracker';

import { lettersToCol } from '../../src/domain/a1';

import { periodContaining } from '../../src/domain/periods';

import { buildReport, type ReportContent } from '../../src/domain/report';

import { addDays, todayIso, formatVnDate, ymdFromIso } from '../../src/domain/dates';
import { deadlineState } from '../../src/domain/deadline';

import { REPORT_STATES } from '../../src/domain/rollup';

import { rollupFor, summaryFor } from '../../src/app/summary';

import { readKnownLeads } from '../../src/domain/validation';

import { BODIES } from '../../src/domain/bodies';

import { SECTIONS } from '../../src/domain/plan';

import { SHEET, STATE_LABEL, STATUS_LABEL } from '../../src/i18n/vi';

import { trackerColumn } from '../../src/sheets/trackerSheet';

import { settingRow } from '../../src/sheets/settingsSheet';

import type { ColumnKey } from '../../src/domain/tracker';

import type { CellUpdate } from '../../src/workbook/port';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';

import { disposeLibreOffice, recalcAllWithLibreOffice } from '../support/libreoffice';

import { summaryMismatches } from '../support/summaryOracle';

import { FUZZ_SEED, libreOfficeRuns } from '../support/fuzz';

import { initNamed } from '../support/identity';

import { serialFromToday } from '../support/days';

const today = todayIso();
const year = Number(today.slice(0, 4));
const PER_CLASS = libreOfficeRuns();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-diff-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

/** A cell as a person typed it: text, a number, TRUE/FALSE, an error value, or nothing. */
type Typed = string | number | boolean | { error: string } | null;
interface Edit {
  /** 0-based task index (row = index + 2). */
  task: number;
  key: ColumnKey;
  value: Typed;
}
interface Case {
  cls: string;
  edits: Edit[];
  /** What Cài đặt › Số ngày cảnh báo holds (undefined: the default 7). */
  warningDays?: Typed;
}

const TASKS = 48;
const taskArb = fc.integer({ min: 0, max: TASKS - 1 });
const offsetArb = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constantFrom(-1, 0, 1, 7, 8));
const pastArb = fc.integer({ min: -60, max: 0 });

/** Ordinary progress: done on time or late, in progress, with real dates. */
const progressArb: fc.Arbitrary<Edit[]> = fc
  .array(fc.tuple(taskArb, fc.constantFrom('done', 'inProgress', 'notStarted'), pastArb), { maxLength: 10 })
  .map((rows) =>
    rows.flatMap(([task, status, offset]): Edit[] => [
      { task, key: 'status', value: STATUS_LABEL[status as keyof typeof STATUS_LABEL] },
      ...(status === 'done' ? [{ task, key: 'completedOn' as const, value: serialFromToday(offset) }] : []),
    ]),
  );

const textDate = (offset: number, form: number): string => {
  const { year: y, month: m, day: d } = ymdFromIso(addDays(today, offset));
  return [`${d}/${m}/${y}`, formatVnDate(addDays(today, offset)), `${y}-${m}-${d}`, ` ${d}.${m}.${y} `][
    form % 4
  ];
};
const dateCol = fc.constantFrom<ColumnKey>('deadline', 'completedOn');
const doneEdit = (task: number): Edit => ({ task, key: 'status', value: STATUS_LABEL.done });

/**
 * Trạng thái as people type it: list values in another case, spacing or Unicode form (read as the value), and
 * words outside the list (the row is "Lỗi dữ liệu"): officers' own spellings, look-alikes with a no-break space,
 * a tab or a zero-width space, marks in an order no keyboard types, a number, TRUE.
 */
const STATUS_FORMS: Typed[] = [
  'hoàn thành',
  'HOÀN THÀNH',
  'Hoàn thành'.normalize('NFD'),
  'Hoa\u0300n thành',
  '  Hoàn  thành ',
  'Hoàn thành\u00a0',
  'Hoàn\tthành',
  '\u00a0Hoàn thành',
  'hoàn thành '.normalize('NFD').toUpperCase(),
  'Đang thực hiện ',
  'đang THỰC HIỆN',
  'Hoàn tất',
  'Đã hoàn thành',
  'hoan thanh',
  'Xong',
  'đã xong',
  'Đang làm',
  'dang thuc hien',
  'Chưa làm',
  'chua thuc hien',
  'Hoàn thành\u200b',
  'Đang thư\u0323c hiê\u0323n',
  'CHƯA THỰC HIỆN'.normalize('NFD'),
  'Chưa thực hie\u0302\u0323n',
  'Hoàn thành.',
  5,
  true,
];
const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];

const CLASSES: Record<string, fc.Arbitrary<Edit[]>> = {
  dateAsText: fc
    .array(fc.tuple(taskArb, dateCol, offsetArb, fc.nat(3), fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((xs) =>
      xs.flatMap(([task, key, offset, form, isDone]) => [
        { task, key, value: textDate(key === 'completedOn' ? Math.min(offset, 0) : offset, form) },
        ...(isDone ? [doneEdit(task)] : []),
      ]),
    ),
  timeOfDay: fc
    .array(
      fc.tuple(taskArb, dateCol, offsetArb, fc.constantFrom(0.01, 0.25, 0.5, 0.75, 0.99), fc.boolean()),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((xs) =>
      xs.flatMap(([task, key, offset, part, isDone]) => [
        { task, key, value: serialFromToday(key === 'completedOn' ? Math.min(offset, 0) : offset) + part },
        ...(isDone ? [doneEdit(task)] : []),
      ]),
    ),
  numberAsText: fc
    .array(fc.tuple(taskArb, dateCol, offsetArb, fc.constantFrom('', ' ', '.5')), {
      minLength: 1,
      maxLength: 4,
    })
    .map((xs) =>
      xs.flatMap(([task, key, offset, pad]) => [
        {
          task,
          key,
          value: `${pad === ' ' ? ' ' : ''}${serialFromToday(Math.min(offset, 0))}${pad === '.5' ? '.5' : ''}`,
        },
        doneEdit(task),
      ]),
    ),
  deadlineAsText: fc
    .array(
      fc.tuple(taskArb, fc.constantFrom('cuối quý', '31/02/2026', '   ', '', 'Quý IV', 'TRUE'), offsetArb),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((xs) =>
      xs.map(([task, text, offset]) => ({
        task,
        key: 'deadline' as const,
        value: text === 'TRUE' ? true : text === 'Quý IV' ? textDate(offset, 1) : text,
      })),
    ),
  statusSpelling: fc
    .array(fc.tuple(taskArb, fc.constantFrom(...STATUS_FORMS), pastArb, fc.boolean()), {
      minLength: 1,
      maxLength: 6,
    })
    .map((xs) =>
      xs.flatMap(([task, status, offset, withDate]) => [
        { task, key: 'status' as const, value: status },
        ...(withDate ? [{ task, key: 'completedOn' as const, value: serialFromToday(offset) }] : []),
      ]),
    ),
  dateWithoutDone: fc
    .array(
      fc.tuple(
        taskArb,
        fc.constantFrom<Typed>(null, STATUS_LABEL.inProgress, STATUS_LABEL.notStarted),
        pastArb,
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((xs) =>
      xs.flatMap(([task, status, offset]) => [
        { task, key: 'status' as const, value: status },
        { task, key: 'completedOn' as const, value: serialFromToday(offset) },
      ]),
    ),
  completedInFuture: fc
    .array(fc.tuple(taskArb, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 4 })
    .map((xs) =>
      xs.flatMap(([task, offset]) => [
        doneEdit(task),
        { task, key: 'completedOn' as const, value: serialFromToday(offset) },
      ]),
    ),
  errorValue: fc
    .array(
      fc.tuple(
        taskArb,
        fc.constantFrom<ColumnKey>(
          'task',
          'section',
          'lead',
          'status',
          'deadline',
          'completedOn',
          'evidence',
        ),
        fc.constantFrom(...ERRORS),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((xs) => xs.map(([task, key, error]) => ({ task, key, value: { error } }))),
  groupSpelling: fc
    .array(
      fc.tuple(
        taskArb,
        fc.constantFrom<ColumnKey>('section', 'lead'),
        fc.constantFrom('trailing', 'upper', 'nfd', 'unknown', 'blank'),
        fc.nat(20),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((xs) =>
      xs.map(([task, key, how, pick]) => {
        const base = key === 'section' ? SECTIONS[pick % SECTIONS.length].id : BODIES[pick % BODIES.length];
        const value =
          how === 'trailing'
            ? `${base} `
            : how === 'upper'
              ? base.toLocaleUpperCase('vi')
              : how === 'nfd'
                ? base.normalize('NFD')
                : how === 'unknown'
                  ? key === 'section'
                    ? 'VI'
                    : 'Hội Nông dân xã'
                  : '';
        return { task, key, value };
      }),
    ),
};

const mixedArb: fc.Arbitrary<Case> = fc
  .tuple(
    fc
      .array(fc.constantFrom(...Object.values(CLASSES)), { minLength: 2, maxLength: 4 })
      .chain((arbs) => fc.tuple(...arbs)),
    progressArb,
    fc.constantFrom<Typed>(7, 0, 10, 7.5, '10', 400, -3, null, { error: '#N/A' }),
  )
  .map(([parts, progress, warningDays]) => ({
    cls: 'mixed',
    edits: [...progress, ...parts.flat()],
    warningDays,
  }));

/** PER_CLASS trackers of each class (and as many mixed), the same for a seed. */
function cases(): Case[] {
  const out: Case[] = [];
  Object.entries(CLASSES).forEach(([cls, arb], i) => {
    const sampled = fc.sample(fc.tuple(arb, progressArb), { seed: FUZZ_SEED + i, numRuns: PER_CLASS });
    for (const [edits, progress] of sampled) out.push({ cls, edits: [...progress, ...edits] });
  });
  out.push(...fc.sample(mixedArb, { seed: FUZZ_SEED + 99, numRuns: PER_CLASS }));
  return out;
}

const DATE_KEYS: readonly ColumnKey[] = ['deadline', 'completedOn'];

interface Written {
  file: string;
  state: TrackerState;
  report: ReportContent;
}

/**
 * The tracker `cchc init` writes, with the case's cells typed in, then Tổng hợp built from it as "Tổng hợp báo
 * cáo" builds it, and the report's content for the year to date: all through the product's own code.
 */
async function writeCase(c: Case, n: number, base: Uint8Array): Promise<Written> {
  const book = await openXlsx(base);
  await book.read([SHEET.tracker, SHEET.settings]);
  const updates: CellUpdate[] = c.edits.map((e) => {
    const cell = `${trackerColumn(e.key)}${e.task + 2}`;
    const v = e.value;
    if (v !== null && typeof v === 'object')
      return { sheet: SHEET.tracker, cell, value: `${ERROR_MARK}${v.error}`, numberFormat: '@' };
    if (typeof v === 'string') return { sheet: SHEET.tracker, cell, value: v, numberFormat: '@' };
    if (typeof v === 'number' && DATE_KEYS.includes(e.key))
      return { sheet: SHEET.tracker, cell, value: v, numberFormat: 'dd/mm/yyyy' };
    return { sheet: SHEET.tracker, cell, value: v };
  });
  if (c.warningDays !== undefined) {
    const v = c.warningDays;
    const cell = `B${settingRow('warningDays')}`;
    updates.push(
      v !== null && typeof v === 'object'
        ? { sheet: SHEET.settings, cell, value: `${ERROR_MARK}${v.error}`, numberFormat: '@' }
        : { sheet: SHEET.settings, cell, value: v, numberFormat: typeof v === 'string' ? '@' : '0' },
    );
  }
  await book.apply({ write: [], updates });
  const damaged = await openXlsx(await withErrorCells(await book.toBuffer()));
  const snap = await damaged.read([SHEET.tracker, SHEET.settings, SHEET.lists]);
  const state = trackerFromSnapshot(snap, today)!;
  const listed = readKnownLeads(snap.contents[SHEET.lists]);
  const { settings, read } = state;
  const summary = summaryFor(state, listed, today).spec;
  await damaged.apply({ write: [summary] });
  const file = path.join(dir, `case-${String(n).padStart(3, '0')}-${c.cls}.xlsx`);
  fs.writeFileSync(file, await damaged.toBuffer());
  const report = buildReport({
    tasks: read.tasks,
    settings,
    period: periodContaining(today, settings.periodMode),
    asOf: today,
    errors: state.result.errors,
    trackerSheet: SHEET.tracker,
    listedLeads: listed,
  });
  return { file, state, report };
}

interface Checked {
  cls: string;
  rows: number;
  mismatches: string[];
}

const all = cases();
const results: Checked[] = [];

beforeAll(async () => {
  const fresh = await openXlsx(null);
  await initNamed(fresh, { year });
  const base = await fresh.toBuffer();
  const written: Written[] = [];
  for (let i = 0; i < all.length; i++) written.push(await writeCase(all[i], i, base));
  const recalculated = await recalcAllWithLibreOffice(
    written.map((w) => w.file),
    path.join(dir, 'recalc'),
  );
  for (let i = 0; i < all.length; i++) {
    const { state, report } = written[i];
    const after = await openXlsx(fs.readFileSync(recalculated[i]));
    const lo = (await after.read([SHEET.tracker, SHEET.lists, SHEET.summary])).contents;
    const mismatches: string[] = [];
    const stateCol = state.read.columns.deadlineState!;
    const N = state.settings.warningDays;
    let rows = 0;
    for (const t of state.read.tasks) {
      const shown = lo[SHEET.tracker].values[t.row - 1]?.[stateCol] ?? null;
      const want = t.listed ? STATE_LABEL[deadlineState(t, today, N)] : null;
      rows += 1;
      if ((shown === '' ? null : shown) !== want)
        mismatches.push(`row ${t.row}: LibreOffice ${JSON.stringify(shown)}, domain ${JSON.stringify(want)}`);
    }
    const listed = readKnownLeads(lo[SHEET.lists]);
    const roll = rollupFor(state, listed, today);
    const { layout } = summaryFor(state, listed, today);
    mismatches.push(...summaryMismatches(lo[SHEET.summary], layout, roll));
    // The report of the period holding today counts as Tổng hợp's row of that period.
    const periodBlock = layout.blocks.find((b) => b.key === 'period')!;
    const row = periodBlock.firstRow + periodBlock.keys.indexOf(report.period.id);
    for (const k of ['tasks', ...REPORT_STATES, 'rateOnTime', 'rateDue'] as const) {
      const cell = lo[SHEET.summary].values[row - 1]?.[lettersToCol(layout.columns[k])];
      if (cell !== report.totals[k])
        mismatches.push(
          `report ${report.period.id} ${k}: report ${report.totals[k]}, Tổng hợp ${JSON.stringify(cell)}`,
        );
    }
    results.push({ cls: all[i].cls, rows, mismatches });
  }
}, 1_200_000);

describe('one rule, every view: the domain against LibreOffice on damaged trackers', () => {
  it(`covers every input class with at least ${PER_CLASS} trackers`, () => {
    const byClass = new Map<string, number>();
    for (const r of results) byClass.set(r.cls, (byClass.get(r.cls) ?? 0) + 1);
    expect([...byClass.keys()].sort()).toEqual([...Object.keys(CLASSES), 'mixed'].sort());
    for (const n of byClass.values()) expect(n).toBeGreaterThanOrEqual(12);
    expect(results.length).toBeGreaterThanOrEqual(120);
    console.info(
      `differential: ${results.length} trackers, ${results.reduce((a, r) => a + r.rows, 0)} rows, seed ${FUZZ_SEED}`,
    );
  });

  it('every row’s Tình trạng hạn and every Tổng hợp figure is the domain’s, for today', () => {
    const failing = results
      .map((r, i) => ({ case: `${i} ${r.cls}`, mismatches: r.mismatches.slice(0, 5) }))
      .filter((r) => r.mismatches.length > 0);
    expect(failing).toEqual([]);
  });
});
