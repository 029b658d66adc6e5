/**
 * Each figure stated once (issue 19, item 3): over generated trackers (the add-in's 2026 tracker damaged as
 * people type: statuses, dates and counts in every spelling trackerMutations.ts knows) and generated Hồ sơ TTHC
 * sheets (counts typed as numbers or as text, balanced or not), the report sheet is built and its print area
 * read back as text. Every statement of one quantity must agree: I.1 against the table's total row, each
 * section's sentences against its row, the rows against the total, II.1 against I.1, the named overdue tasks
 * against their count, Tổng hợp's figures for the period (rollup.byPeriod, which the differential tests hold
 * against LibreOffice), `report --json` and the pane's TTHC figures (domain/overview). Every printed TTHC table and sentence satisfies nhận giải quyết =
 * chuyển qua + trực tuyến + trực tiếp = đã giải quyết + đang giải quyết, per field and in total.
 *
 * The number of trackers is test/support/fuzz.ts's `reportFigures` (500, as the issue asks; FAST_CHECK_RUNS raises it).
 */
import fc from 'fast-check';

import { BODIES } from '../../src/domain/bodies';
import { isoFromSerial, type IsoDate } from '../../src/domain/dates';
import type { Grid, GridCell } from '../../src/domain/grid';
import { periodContaining, reportPeriod, type Quarter } from '../../src/domain/periods';
import { buildTthcOverview } from '../../src/domain/overview';
import { buildReport, reportJson } from '../../src/domain/report';
import { rollup } from '../../src/domain/rollup';
import { expandSchedule } from '../../src/domain/schedule';
import { defaultSettings, type PeriodMode } from '../../src/domain/settings';
import { readTthc, TTHC_COLUMN_KEYS, type TthcColumnKey } from '../../src/domain/tthc';
import { checkTrackerGrid } from '../../src/domain/validation';
import { REPORT_TEXT, SHEET, TTHC_HEADERS } from '../../src/i18n/vi';
import { buildReportSheet } from '../../src/sheets/reportSheet';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { fcParams, runs } from '../support/fuzz';
import { applyMutations, CENTRE_SERIAL, mutationArb, type Mutation } from './trackerMutations';
import { Violation, ensure } from '../support/violation';

const RUNS = runs('reportFigures');

const BASE = buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026).cells;

// ---------------------------------------------------------------------------------------------------------
// Generated Hồ sơ TTHC rows.

const FIELDS = ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Dat dai ', 'Lĩnh vực riêng'];
const COUNT_KEYS = [
  'carriedOver',
  'online',
  'offline',
  'early',
  'onTime',
  'late',
  'pendingOnTime',
  'pendingLate',
] as const;

interface TthcRowCase {
  month: number;
  field: string;
  flows: number[];
  split: number[];
  balanced: boolean;
  asText: boolean[];
  reason: string | null;
}

const tthcRowArb: fc.Arbitrary<TthcRowCase> = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  field: fc.constantFrom(...FIELDS),
  flows: fc.tuple(
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 0, max: 900 }),
    fc.integer({ min: 0, max: 900 }),
  ),
  split: fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100), fc.nat(100)),
  balanced: fc.oneof(
    { weight: 5, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  asText: fc.array(
    fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    {
      minLength: 8,
      maxLength: 8,
    },
  ),
  reason: fc.option(fc.constantFrom('Chờ kết quả đo đạc', 'Thiếu hồ sơ  ', 'Cán bộ nghỉ ốm.'), { nil: null }),
});

/** A row's counts: the flows, then the total split among the outcomes (or not, when unbalanced). */
function tthcCounts(r: TthcRowCase): number[] {
  const total = r.flows[0] + r.flows[1] + r.flows[2];
  const weights = r.split;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[1] += total - parts.reduce((a, b) => a + b, 0);
  if (!r.balanced) parts[0] += 1 + (r.flows[0] % 3);
  return [...r.flows, ...parts];
}

function tthcGrid(rows: TthcRowCase[]): Grid {
  const header = TTHC_COLUMN_KEYS.map((k) => TTHC_HEADERS[k]);
  const values: GridCell[][] = [header];
  for (const r of rows) {
    const c = tthcCounts(r);
    values.push(
      TTHC_COLUMN_KEYS.map((k: TthcColumnKey): GridCell => {
        if (k === 'month') return r.month;
        if (k === 'field') return r.field;
        if (k === 'lateReason') return r.reason;
        const i = (COUNT_KEYS as readonly string[]).indexOf(k);
        if (i < 0) return null;
        return r.asText[i] ? String(c[i]) : c[i];
      }),
    );
  }
  return { name: SHEET.tthc, values, formulas: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Reading the print area back.

const num = (s: string): number => Number(s.replace(/\./g, ''));
const N = '([\\d.]+)';

function same(a: number, b: number, what: string): void {
  if (a !== b) throw new Violation(`${what}: ${a} ≠ ${b}`);
}

/** What a block of figure sentences states (undefined: not stated). */
interface Stated {
  dated: number;
  continuous: number;
  done?: number;
  due?: number;
  doneOnTime?: number;
  doneLate?: number;
  overdue: number;
  rate?: { text: string; a: number; b: number };
}

function statedFigures(lines: string[]): Stated {
  const text = lines.join('\n');
  const s: Stated = { dated: 0, continuous: 0, overdue: 0 };
  let m = new RegExp(
    `Trong kỳ có ${N} nhiệm vụ có thời hạn(?: và ${N} nhiệm vụ thực hiện thường xuyên)?\\.`,
  ).exec(text);
  if (m) {
    s.dated = num(m[1]);
    s.continuous = m[2] ? num(m[2]) : 0;
  } else if ((m = new RegExp(`Trong kỳ có ${N} nhiệm vụ thực hiện thường xuyên\\.`).exec(text)))
    s.continuous = num(m[1]);
  if (
    (m = new RegExp(
      `đã hoàn thành ${N}/${N} nhiệm vụ đến hạn( \\(đều đúng hạn\\)| \\(đúng hạn ${N}, quá hạn ${N}\\))`,
      'iu',
    ).exec(text))
  ) {
    s.done = num(m[1]);
    s.due = num(m[2]);
    s.doneOnTime = m[4] ? num(m[4]) : s.done;
    s.doneLate = m[5] ? num(m[5]) : 0;
  } else if ((m = new RegExp(`chưa hoàn thành nhiệm vụ nào trong ${N} nhiệm vụ đến hạn`, 'iu').exec(text))) {
    s.done = 0;
    s.due = num(m[1]);
    s.doneOnTime = 0;
    s.doneLate = 0;
  } else if (/chưa có nhiệm vụ nào đến hạn/iu.test(text)) {
    s.done = 0;
    s.due = 0;
  }
  if ((m = new RegExp(`còn ${N} nhiệm vụ quá hạn chưa hoàn thành`, 'iu').exec(text))) s.overdue = num(m[1]);
  else if ((m = new RegExp(`trong đó ${N} nhiệm vụ đã quá hạn`).exec(text))) s.overdue = num(m[1]);
  if ((m = new RegExp(`Tỷ lệ hoàn thành đúng hạn đạt ([\\d,]+%) \\(${N}/${N} `).exec(text)))
    s.rate = { text: m[1], a: num(m[2]), b: num(m[3]) };
  return s;
}

/** A table's rows after its header row (repeated header rows skipped), to the total row. */
function tableAfter(rows: string[][], head: string[], from = 0): { rows: string[][]; end: number } {
  const key = head.join('\t');
  const start = rows.findIndex((r, i) => i >= from && r.join('\t') === key);
  if (start < 0) throw new Violation(`no table headed ${head[1]}`);
  const out: string[][] = [];
  for (let i = start + 1; i < rows.length; i++) {
    if (rows[i].join('\t') === key || rows[i][0] === REPORT_TEXT.tthcTableHeader.field) continue;
    out.push(rows[i]);
    if (rows[i][0] === REPORT_TEXT.tableTotal) return { rows: out, end: i };
  }
  throw new Violation('table without a total row');
}

// ---------------------------------------------------------------------------------------------------------

interface Case {
  mutations: Mutation[];
  today: number;
  quarter: Quarter | null;
  mode: PeriodMode;
  warningDays: number;
  tthc: TthcRowCase[];
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  mutations: fc.array(mutationArb, { minLength: 0, maxLength: 14 }),
  today: fc.integer({ min: CENTRE_SERIAL - 200, max: CENTRE_SERIAL + 200 }),
  quarter: fc.option(fc.constantFrom<Quarter>(1, 2, 3, 4), { nil: null }),
  mode: fc.constantFrom<PeriodMode>('calendar', 'decree09'),
  warningDays: fc.constantFrom(0, 7, 30),
  tthc: fc.array(tthcRowArb, { maxLength: 14 }),
});

function check(c: Case): void {
  const year = 2026;
  const values = applyMutations(BASE, c.mutations);
  const grid: Grid = { name: SHEET.tracker, values, formulas: [] };
  const today = isoFromSerial(c.today) as IsoDate;
  const { read, result } = checkTrackerGrid(grid, { today, year, knownLeads: [...BODIES] });
  if (result.errors.some((e) => e.code === 'missingColumn' || e.code === 'headerNotFound')) return;
  const settings = { ...defaultSettings(year), warningDays: c.warningDays, periodMode: c.mode };
  const period = c.quarter === null ? periodContaining(today, c.mode) : reportPeriod(year, c.quarter, c.mode);
  if (period.year !== year || today < period.from) return; // compileReport refuses these
  const tthcRead = readTthc(tthcGrid(c.tthc), year);
  const content = buildReport({
    tasks: read.tasks,
    settings,
    period,
    asOf: today,
    errors: result.errors,
    trackerSheet: SHEET.tracker,
    listedLeads: [...BODIES],
    tthc: { read: tthcRead },
  });
  const spec = buildReportSheet(content, period.sheetName);
  const printed = Number(/(\d+)$/.exec(spec.page!.printArea!)![1]);
  const rows = spec.cells
    .slice(0, printed)
    .map((r) =>
      r.filter((v): v is string | number => v !== null).map((v) => String(v).replace(/^\u00a0+/u, '')),
    )
    .filter((r) => r.length > 0);
  const lines = rows.filter((r) => r.length === 1).map((r) => r[0]);
  const at = (text: string): number => lines.indexOf(text);

  // No tool note in the signed text.
  ensure(
    !/lỗi dữ liệu|chưa tổng hợp được|DÀNH CHO NGƯỜI LẬP/iu.test(rows.flat().join('\n')),
    'tool note in print',
  );
  ensure(!rows.flat().some((t) => /^\d{1,3}(,\d{3})+$/.test(t)), 'a figure written with a comma');

  // I.1 against the table's total row.
  const H = REPORT_TEXT.tableHeader;
  const head = [H.section, H.tasks, H.doneOnTime, H.doneLate, H.open, H.overdue, H.ongoing, H.rate];
  const table = tableAfter(rows, head);
  const total = table.rows[table.rows.length - 1];
  const col = (r: string[], k: number): number => num(r[k]);
  const overall = statedFigures(lines.slice(at(REPORT_TEXT.overall), at(REPORT_TEXT.bySection)));
  const checkStated = (s: Stated, r: string[], what: string): void => {
    same(s.dated + s.continuous, col(r, 1), `${what}: tasks`);
    same(s.continuous, col(r, 6), `${what}: continuous`);
    same(s.overdue, col(r, 5), `${what}: overdue`);
    if (s.doneOnTime !== undefined) same(s.doneOnTime, col(r, 2), `${what}: done on time`);
    if (s.doneLate !== undefined) same(s.doneLate, col(r, 3), `${what}: done late`);
    same(
      s.dated,
      col(r, 2) + col(r, 3) + col(r, 4) + col(r, 5),
      `${what}: dated = done on time + late + open + overdue`,
    );
    if (s.rate) {
      ensure(r[7] === s.rate.text, `${what}: rate ${r[7]} vs ${s.rate.text}`);
      same(s.rate.a, col(r, 2), `${what}: rate numerator`);
      same(s.rate.b, s.due ?? -1, `${what}: rate denominator`);
    } else ensure(r[7] === REPORT_TEXT.noRate || s.dated === 0, `${what}: a rate not stated`);
  };
  checkStated(overall, total, 'I.1');

  // The sections: their sentences against their rows; the rows add up to the total.
  const sectionRows = table.rows.slice(0, -1);
  for (let k = 1; k <= 7; k++)
    if (k !== 7)
      same(
        sectionRows.reduce((a, r) => a + col(r, k), 0),
        col(total, k),
        `sum of the sections, column ${head[k]}`,
      );
  const headings = lines
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => /^2\.\d+\. /u.test(l) && l !== REPORT_TEXT.bySection);
  headings.forEach(({ l, i }, k) => {
    const id = /\(mục ([^)]+)\)$/u.exec(l)?.[1] ?? REPORT_TEXT.tableOther;
    const caption = lines.findIndex((x) => x.startsWith('Bảng tổng hợp kết quả theo mục'));
    const end = k + 1 < headings.length ? headings[k + 1].i : caption;
    const row = sectionRows.find((r) => r[0] === id);
    if (!row) return; // a section with results only
    checkStated(statedFigures(lines.slice(i + 1, end)), row, `section ${id}`);
  });

  // II.1 against I.1, and the named overdue tasks against their count.
  const overdueCount = col(total, 5);
  const ii = lines.slice(at(REPORT_TEXT.shortcomingsList), at(REPORT_TEXT.causes)).join('\n');
  const m = new RegExp(
    `Còn ${N} nhiệm vụ quá hạn chưa hoàn thành \\(đã nêu tại mục I\\), thuộc trách nhiệm chủ trì của: (.*)\\. Nhiệm vụ quá hạn lâu nhất`,
  ).exec(ii);
  if (overdueCount === 0) ensure(ii.includes(REPORT_TEXT.noOverdue), 'II.1 says none overdue');
  else {
    ensure(m !== null, 'II.1 states the overdue tasks');
    same(num(m![1]), overdueCount, 'II.1 vs I.1: overdue');
    const byLead = [...m![2].matchAll(/\(([\d.]+) nhiệm vụ\)/gu)].reduce((a, x) => a + num(x[1]), 0);
    same(byLead, overdueCount, 'II.1: the lead bodies’ overdue tasks');
  }
  const partI = lines.slice(0, at(REPORT_TEXT.shortcomings));
  if (!partI.some((l) => l.startsWith('- … và ')))
    same(
      partI.filter((l) => /(\(|; )hạn \d{2}\/\d{2}\/\d{4}, quá hạn [\d.]+ ngày\)\.$/u.test(l)).length +
        content.overdue.filter((r) => !/[\p{L}\p{N}]/u.test(r.task.task)).length,
      overdueCount,
      'named overdue tasks (a task cell without words is counted, not named)',
    );
  const doneLate = new RegExp(`Có ${N} nhiệm vụ hoàn thành nhưng quá hạn`).exec(ii);
  same(doneLate ? num(doneLate[1]) : 0, col(total, 3), 'II.1 vs the table: done late');
  // … each named in part I ("đã nêu tại mục I"), with its days late.
  if (!partI.some((l) => l.startsWith('- … và ')))
    same(
      partI.filter((l) => /\(hoàn thành ngày \d{2}\/\d{2}\/\d{4}, quá hạn [\d.]+ ngày\)\.$/u.test(l)).length,
      col(total, 3),
      'named tasks done late',
    );

  // Tổng hợp's figures for the period and `report --json`.
  const roll = rollup(read.tasks, {
    asOf: today,
    warningDays: c.warningDays,
    year,
    periodMode: c.mode,
    listedLeads: [...BODIES],
  });
  const byPeriod = roll.byPeriod.find((p) => p.key === period.id)!.counts;
  same(byPeriod.overdue, overdueCount, 'Tổng hợp: overdue');
  same(byPeriod.tasks - byPeriod.notYetInPeriod - byPeriod.dataError, col(total, 1), 'Tổng hợp: tasks');
  same(byPeriod.rateOnTime, col(total, 2), 'Tổng hợp: done on time');
  if (overall.due !== undefined) same(byPeriod.rateDue, overall.due, 'Tổng hợp: come due');
  const json = reportJson(content, period.sheetName) as { totals: { overdue: number; rateDue: number } };
  same(json.totals.overdue, overdueCount, 'report --json: overdue');
  if (overall.due !== undefined) same(json.totals.rateDue, overall.due, 'report --json: come due');

  // TTHC: the identities in every printed table and sentence.
  const T = REPORT_TEXT.tthcTableHeader;
  if (!lines.some((l) => l.startsWith('Bảng 1.'))) return;
  const received = tableAfter(rows, [T.received, T.carriedOver, T.online, T.offline]);
  const resolved = tableAfter(
    rows,
    [T.resolved, T.early, T.onTime, T.late, T.pending, T.pendingOnTime, T.pendingLate],
    received.end,
  );
  // The field label sits on the row's first cell, the figures after it.
  const fig = (r: string[]): number[] => r.slice(1).map(num);
  ensure(
    received.rows.length === resolved.rows.length,
    `TTHC tables: same fields ${JSON.stringify([received.rows, resolved.rows])}`,
  );
  received.rows.forEach((r, i) => {
    const [tot, carried, online, offline] = fig(r);
    same(tot, carried + online + offline, `TTHC ${r[0]}: nhận = chuyển qua + trực tuyến + trực tiếp`);
    const s = resolved.rows[i];
    ensure(s[0] === r[0], 'TTHC tables: same field order');
    const [res, early, onTime, late, pend, pendOn, pendLate] = fig(s);
    same(res, early + onTime + late, `TTHC ${r[0]}: đã giải quyết`);
    same(pend, pendOn + pendLate, `TTHC ${r[0]}: đang giải quyết`);
    same(tot, res + pend, `TTHC ${r[0]}: nhận = đã + đang giải quyết`);
  });
  for (const t of [received, resolved])
    for (let k = 1; k < t.rows[0].length - (t === resolved ? 1 : 0); k++)
      same(
        t.rows.slice(0, -1).reduce((a, r) => a + num(r[k]), 0),
        num(t.rows[t.rows.length - 1][k]),
        `TTHC: fields add up to the total, column ${k}`,
      );
  const text = lines.join('\n');
  const totRec = fig(received.rows[received.rows.length - 1]);
  const totRes = fig(resolved.rows[resolved.rows.length - 1]);
  const rec = new RegExp(`nhận giải quyết là ${N} hồ sơ`).exec(text);
  same(rec ? num(rec[1]) : 0, totRec[0], 'TTHC sentence: nhận giải quyết');
  const res = new RegExp(`Đã giải quyết ${N} hồ sơ`).exec(text);
  same(res ? num(res[1]) : 0, totRes[0], 'TTHC sentence: đã giải quyết');
  const pend = new RegExp(`đang giải quyết ${N} hồ sơ`).exec(text);
  same(pend ? num(pend[1]) : 0, totRes[4], 'TTHC sentence: đang giải quyết');
  const late = new RegExp(`Trong kỳ có ${N} hồ sơ thủ tục hành chính giải quyết quá hạn`).exec(text);
  same(late ? num(late[1]) : 0, totRes[3], 'TTHC II.1: quá hạn');

  // The pane's TTHC figures for today's period are the report's (one truth): the same months (the report's
  // window as of today), the same fields left out, the same totals as printed.
  if (c.quarter === null) {
    const pane = buildTthcOverview(tthcRead, settings, today);
    ensure(pane.period.sheetName === period.sheetName, `pane: period ${pane.period.sheetName}`);
    ensure(
      JSON.stringify(pane.periodMonths) === JSON.stringify(content.tthc.figures.months),
      `pane: months ${JSON.stringify([pane.periodMonths, content.tthc.figures.months])}`,
    );
    ensure(
      JSON.stringify(pane.leftOutFields) === JSON.stringify(content.tthc.unbalanced.map((u) => u.field)),
      `pane: fields left out ${JSON.stringify(pane.leftOutFields)}`,
    );
    same(pane.periodResolved, totRes[0], 'pane: đã giải quyết');
    same(pane.periodOnTime, totRes[1] + totRes[2], 'pane: đúng hạn (trước hạn + đúng hạn)');
    const printedFields = new Set(received.rows.slice(0, -1).map((r) => r[0]));
    ensure(
      pane.lateFields.every((f) => printedFields.has(f.field)),
      `pane: late fields ${JSON.stringify(pane.lateFields.map((f) => f.field))} not all printed`,
    );
  }
}

describe('each figure stated once (issue 19)', () => {
  it(`agrees with itself over ${RUNS} generated trackers`, () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        check(c);
      }),
      fcParams('reportFigures'),
    );
  });
});
