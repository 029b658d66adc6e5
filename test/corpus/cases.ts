/**
 * The hostile-workbook corpus: workbooks that users and other programs really produce, each with what the
 * add-in must do with it. Every case builds its .xlsx bytes (deterministically) and states:
 * - check: the exit code of `cchc check --json` and problems (code, cell) that must be among those listed;
 * - report: whether `cchc report --period 2026-Q2 --as-of 2026-06-05` (and the ribbon button, as of the
 *   same day) writes the report, and to which sheet, or refuses with a Vietnamese message saying what;
 * - the rows' facts, from which oracle.ts computes the report's totals independently of src/domain.
 *
 * `npx tsx scripts/make-corpus.ts DIR` writes every workbook to DIR for a look in Excel or LibreOffice.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type ExcelJS from 'exceljs';

import { recalcWithLibreOffice } from '../support/libreoffice';
import {
  addinTracker,
  COLS,
  HEADER,
  layoutOf,
  letter,
  officeWorkbook,
  serialOf,
  standardColumns,
  STATUS,
  userTracker,
  type ColumnDef,
  type RowSpec,
} from './build';
import { halfYear, type Iso, type OracleOptions, type RowFacts } from './oracle';
import {
  addAutoFilter,
  addChart,
  addComments,
  addPivotTable,
  addSheet,
  addVbaProject,
  loadZip,
  lockStructure,
  protectSheet,
  removeSheet,
  saveZip,
  setCells,
  setSheetState,
} from '../support/xlsxZip';

export const AS_OF = '2026-06-05';
export const PERIOD = '2026-Q2';
const REPORT_SHEET = 'Báo cáo 6 tháng 2026';
export const TRACKER = 'Nhiệm vụ';
const SETTINGS = 'Cài đặt';
export const SUMMARY = 'Tổng hợp';

export interface ExpectedProblem {
  severity: 'error' | 'warning';
  /** The problem's code; '*' = any code (the cell must be named, whatever the wording). */
  code: string;
  cell: string;
  /** Default: Nhiệm vụ. */
  sheet?: string;
}

interface CheckExpectation {
  exit: 0 | 1 | 2;
  /** Problems that must be listed. */
  problems?: ExpectedProblem[];
  /** No problem other than `problems` may be listed. */
  only?: boolean;
  /** For exit 2: what stderr must say. */
  says?: string[];
}

export type ReportExpectation =
  { ok: true; sheet: string } | { ok: false; sheet?: string; cell?: string; says: string[] };

export interface CorpusCase {
  id: string;
  /** Who makes such a workbook, and how. */
  title: string;
  ext?: '.xlsx' | '.xlsm';
  build(): Promise<Uint8Array>;
  /** The tracker's rows as the oracle counts them (only for cases whose report is written). */
  facts?: RowFacts[];
  /** Window, T and N of the report (default: 6 months of 2026, as of 05/06/2026, N = 7). */
  oracle?: OracleOptions;
  check: CheckExpectation;
  report: ReportExpectation;
  /** The ribbon button through Office.js, when it differs from the CLI; 'skip' (no test): Excel cannot open it. */
  ribbon?: ReportExpectation | 'skip';
  /** Leads whose byLead count is compared with the oracle's. */
  leads?: string[];
  /** Texts that must appear as text (never as formulas) on the sheets the report writes. */
  literals?: string[];
  /**
   * Kiểm tra dữ liệu through Office.js is held to `check` too, unless false: Excel computes formulas a file
   * stores without results, the fake Excel cannot, so its check may rightly differ from the CLI's.
   */
  officeCheck?: boolean;
  /**
   * Too big to read in full within the suite's time: only `cchc check` runs, in a child process whose heap is
   * limited to 512 MB (an office PC's share), and it must finish with the expected result.
   */
  lowMemoryCheckOnly?: boolean;
  /** A known bug makes this case fail: what is expected and where in src/ (see the BUG: comments). */
  bug?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Rows

const LEAD = {
  vp: 'Công chức Văn phòng – Thống kê',
  tp: 'Công chức Tư pháp – Hộ tịch',
  tc: 'Công chức Tài chính – Kế toán',
  mc: 'Bộ phận một cửa',
  tt: 'Phụ trách Đài truyền thanh – Nhà văn hóa',
  it: 'Phụ trách Công nghệ thông tin',
  bdh: 'Ban điều hành CCHC xã',
  mt: 'Ủy ban MTTQVN và các tổ chức thành viên',
} as const;

function row(
  section: string,
  task: string,
  lead: string,
  deadline: Iso | null,
  done = false,
  completedOn: Iso | null = null,
  more: Omit<RowSpec, 'facts'> = {},
): RowSpec {
  return { facts: { section, task, lead, deadline, done, completedOn }, ...more };
}

/**
 * 24 clean rows around 05/06/2026 (N = 7) covering every state: done on time and late, overdue, due soon
 * (today and in exactly 7 days), on track (in 8 days), ongoing, due after the 6-month window, due before it.
 */
export function baseRows(): RowSpec[] {
  const ev = (text: string): Omit<RowSpec, 'facts'> => ({ evidence: text });
  return [
    row(
      'II.1',
      'Họp Ban điều hành CCHC quý I',
      LEAD.bdh,
      '2026-03-31',
      true,
      '2026-03-28',
      ev('Biên bản số 01/BB-BĐH'),
    ),
    row('II.1', 'Họp Ban điều hành CCHC quý II', LEAD.bdh, '2026-06-30'),
    row('II.1', 'Họp Ban điều hành CCHC quý III', LEAD.bdh, '2026-09-30', false, null, {
      status: STATUS.notStarted,
    }),
    row('II.1', 'Họp Ban điều hành CCHC quý IV', LEAD.bdh, '2026-12-31', false, null, {
      status: STATUS.notStarted,
    }),
    row(
      'II.3',
      'Họp rà soát TTHC trễ hạn tháng 01/2026',
      LEAD.vp,
      '2026-02-05',
      true,
      '2026-02-10',
      ev('Biên bản 02/BB'),
    ),
    row('II.3', 'Họp rà soát TTHC trễ hạn tháng 02/2026', LEAD.vp, '2026-03-05', true, '2026-03-05'),
    row('II.3', 'Họp rà soát TTHC trễ hạn tháng 03/2026', LEAD.vp, '2026-04-05', false, null, {
      status: STATUS.notStarted,
    }),
    row('II.3', 'Họp rà soát TTHC trễ hạn tháng 04/2026', LEAD.vp, '2026-05-05'),
    row('II.3', 'Họp rà soát TTHC trễ hạn tháng 05/2026', LEAD.vp, '2026-06-05', false, null, {
      status: STATUS.notStarted,
    }),
    row('II.3', 'Họp rà soát TTHC trễ hạn tháng 06/2026', LEAD.vp, '2026-07-05', false, null, {
      status: STATUS.notStarted,
    }),
    row(
      'II.3',
      'Họp tổng kết rà soát TTHC năm 2025',
      LEAD.vp,
      '2026-01-10',
      true,
      '2026-01-09',
      ev('Báo cáo 01/BC-UBND'),
    ),
    row('II.3', 'Họp rà soát TTHC trễ hạn tháng 11/2025', LEAD.vp, '2025-12-05', true, '2025-12-04'),
    row('II.2', 'Tuyên truyền CCHC trên Đài truyền thanh xã', LEAD.tt, null),
    row(
      'II.2',
      'Cập nhật chuyên mục CCHC trên trang thông tin điện tử',
      LEAD.it,
      null,
      true,
      '2026-05-20',
      ev('12 tin bài'),
    ),
    row('IV', 'Báo cáo CCHC quý I/2026', LEAD.vp, '2026-03-05', true, '2026-03-04', ev('Báo cáo 15/BC-UBND')),
    row('IV', 'Báo cáo CCHC 6 tháng đầu năm 2026', LEAD.vp, '2026-06-05'),
    row('IV', 'Báo cáo CCHC 9 tháng năm 2026', LEAD.vp, '2026-09-05', false, null, {
      status: STATUS.notStarted,
    }),
    row('IV', 'Báo cáo CCHC năm 2026', LEAD.vp, '2026-12-05', false, null, { status: STATUS.notStarted }),
    row('II.7', 'Triển khai dịch vụ công trực tuyến toàn trình', LEAD.it, '2026-06-12'),
    row('II.7', 'Số hóa hồ sơ, kết quả giải quyết TTHC', LEAD.mc, '2026-06-13'),
    row(
      'II.5',
      'Cử công chức tham gia bồi dưỡng nghiệp vụ',
      LEAD.vp,
      '2026-05-31',
      true,
      '2026-06-02',
      ev('Quyết định 20/QĐ-UBND'),
    ),
    row('II.10', 'Phối hợp Ủy ban MTTQVN giám sát CCHC', LEAD.mt, null, false, null, {
      status: STATUS.notStarted,
    }),
    row('III', 'Lập dự toán kinh phí thực hiện CCHC', LEAD.tc, '2026-01-31', true, '2026-01-20'),
    row('V', 'Tổ chức triển khai kế hoạch CCHC năm 2026', LEAD.bdh, null),
  ];
}

function factsOf(rows: readonly RowSpec[]): RowFacts[] {
  return rows.flatMap((r) => (r.facts ? [r.facts] : []));
}

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoPlus(iso: Iso, days: number): Iso {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** n rows of a big commune's tracker: deadlines through 2025–2027, a fifth continuous, a third done. */
function manyRows(n: number): RowSpec[] {
  const next = random(20_000);
  const sections = ['II.1', 'II.2', 'II.3', 'II.4a', 'II.5', 'II.7', 'II.8', 'II.9', 'III', 'IV', 'V'];
  const leads = Object.values(LEAD);
  return Array.from({ length: n }, (_, i) => {
    const deadline = next() < 0.2 ? null : isoPlus('2025-11-01', Math.floor(next() * 500));
    const doneRoll = next();
    const done = doneRoll < 0.35;
    let completedOn: Iso | null = null;
    if (done) {
      const base = deadline ?? '2026-03-01';
      completedOn = isoPlus(base, Math.floor(next() * 30) - 20);
      if (completedOn > AS_OF) completedOn = AS_OF;
    }
    const status = done ? STATUS.done : doneRoll < 0.7 ? STATUS.inProgress : STATUS.notStarted;
    return row(
      sections[i % sections.length],
      `Nhiệm vụ số ${i + 1}: rà soát, cập nhật hồ sơ TTHC đợt ${1 + (i % 12)}`,
      leads[i % leads.length],
      deadline,
      done,
      completedOn,
      { status, evidence: done ? `Văn bản ${i + 1}/UBND` : undefined },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for the cases

/** Address on an add-in tracker (header in row 1, columns in the add-in's order) of rows[i]'s column. */
function at(key: (typeof COLS)[number], i: number): string {
  return `${letter(COLS.indexOf(key))}${i + 2}`;
}

async function edit(
  bytes: Uint8Array,
  change: (zip: Awaited<ReturnType<typeof loadZip>>) => Promise<void>,
): Promise<Uint8Array> {
  const zip = await loadZip(bytes);
  await change(zip);
  return saveZip(zip);
}

const ok = (sheet = REPORT_SHEET): ReportExpectation => ({ ok: true, sheet });
const clean: CheckExpectation = { exit: 0, problems: [], only: true };

function warn(code: string, cell: string, sheet?: string): ExpectedProblem {
  return { severity: 'warning', code, cell, sheet };
}
function err(code: string, cell: string, sheet?: string): ExpectedProblem {
  return { severity: 'error', code, cell, sheet };
}

/** A very long text, as pasted from a decision's full wording. */
function longText(prefix: string, length: number): string {
  const unit = ' Thực hiện đúng quy định về tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa.';
  let s = prefix;
  while (s.length < length) s += unit;
  return s.slice(0, length);
}

/** Rows with one column's cells replaced (facts adjusted by `facts`). */
function replaceRows(
  rows: RowSpec[],
  changes: Record<number, { cells?: RowSpec['cells']; facts?: Partial<RowFacts>; status?: string }>,
): RowSpec[] {
  return rows.map((r, i) => {
    const c = changes[i];
    if (!c || !r.facts) return r;
    return {
      ...r,
      status: c.status ?? r.status,
      cells: { ...r.cells, ...c.cells },
      facts: { ...r.facts, ...c.facts },
    };
  });
}

let scratch: Promise<string> | undefined;
/** A scratch directory for LibreOffice conversions, made once per process. */
function scratchDir(): Promise<string> {
  scratch ??= fs.promises.mkdtemp(path.join(os.tmpdir(), 'cchc-corpus-lo-'));
  return scratch;
}

/** Removes the scratch directory of the LibreOffice conversions (call when done with the corpus). */
export async function disposeCorpusScratch(): Promise<void> {
  if (!scratch) return;
  const dir = await scratch;
  scratch = undefined;
  await fs.promises.rm(dir, { recursive: true, force: true });
}

/** Saves the workbook through LibreOffice Calc (open, recalculate, save as .xlsx). */
async function throughLibreOffice(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const dir = await scratchDir();
  const input = path.join(dir, `${name}.xlsx`);
  await fs.promises.writeFile(input, bytes);
  const out = await recalcWithLibreOffice(input, path.join(dir, 'out'));
  return new Uint8Array(await fs.promises.readFile(out));
}

// ---------------------------------------------------------------------------------------------------------
// The cases

function addinCases(): CorpusCase[] {
  const rows = baseRows();
  const facts = factsOf(rows);
  return [
    {
      id: 'addin-clean',
      title: 'The add-in’s tracker, progress filled in by the office (Khởi tạo, then typing)',
      build: () => addinTracker(rows),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'addin-report-again',
      title: 'Tổng hợp báo cáo run again two days later: the unedited report is replaced in place',
      build: () => addinTracker(rows, { reported: true }),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'addin-edited-report',
      title: 'The office typed into the report sheet after it was written (an edited report is kept)',
      build: async () =>
        edit(await addinTracker(rows, { reported: true }), (zip) =>
          setCells(zip, REPORT_SHEET, { K2: 'Đã trình Chủ tịch ký ngày 04/06/2026', A3: 'Số: 27/BC-UBND' }),
        ),
      facts,
      check: clean,
      report: ok(`${REPORT_SHEET} (2)`),
    },
    {
      id: 'user-report-name-taken',
      title: 'The office wrote its own report by hand on a sheet called “Báo cáo 6 tháng 2026”',
      build: async () =>
        addinTracker(rows, {
          base: await officeWorkbook((wb) => {
            const ws = wb.addWorksheet(REPORT_SHEET);
            ws.addRows([['BÁO CÁO (bản tự soạn)'], ['Kết quả 6 tháng: đạt 80%.']]);
          }),
        }),
      facts,
      check: clean,
      report: ok(`${REPORT_SHEET} (2)`),
    },
    // Found by this corpus and fixed: sheet names were compared case-sensitively, so the user's
    // "BÁO CÁO 6 THÁNG 2026" was overwritten. The report now goes to "Báo cáo 6 tháng 2026 (2)".
    {
      id: 'user-report-name-taken-other-case',
      title: 'The hand-written report sheet is named in capitals: “BÁO CÁO 6 THÁNG 2026”',
      build: async () =>
        addinTracker(rows, {
          base: await officeWorkbook((wb) => {
            const ws = wb.addWorksheet('BÁO CÁO 6 THÁNG 2026');
            ws.addRows([['BÁO CÁO (bản tự soạn, đừng xóa)'], ['Kết quả 6 tháng: đạt 80%.']]);
          }),
        }),
      facts,
      check: clean,
      report: ok(`${REPORT_SHEET} (2)`),
    },
    {
      id: 'user-summary-name-taken',
      title: 'A user sheet already called “Tổng hợp” (the office’s own summary)',
      build: async () =>
        addinTracker(rows, {
          base: await officeWorkbook((wb) => {
            wb.addWorksheet(SUMMARY).addRows([['Tổng hợp số liệu của văn phòng'], ['Văn bản đến', 120]]);
          }),
        }),
      facts,
      check: clean,
      report: { ok: false, sheet: SUMMARY, says: [`"${SUMMARY}"`, 'không do phần bổ trợ tạo ra'] },
    },
    // Found by this corpus and fixed (same cause): the user's "TỔNG HỢP" is refused like "Tổng hợp".
    {
      id: 'user-summary-name-taken-other-case',
      title: 'A user sheet called “TỔNG HỢP” in capitals',
      build: async () =>
        addinTracker(rows, {
          base: await officeWorkbook((wb) => {
            wb.addWorksheet('TỔNG HỢP').addRows([['Tổng hợp số liệu của văn phòng'], ['Văn bản đến', 120]]);
          }),
        }),
      facts,
      check: clean,
      report: { ok: false, sheet: SUMMARY, says: [`"${SUMMARY}"`, 'không do phần bổ trợ tạo ra'] },
    },
    {
      id: 'addin-protected-tracker',
      title: 'Nhiệm vụ protected (Review › Protect Sheet) so nobody changes the plan by mistake',
      build: async () => edit(await addinTracker(rows), (zip) => protectSheet(zip, TRACKER)),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'addin-protected-summary',
      title: 'Tổng hợp protected after the first report',
      build: async () =>
        edit(await addinTracker(rows, { reported: true }), (zip) => protectSheet(zip, SUMMARY)),
      facts,
      check: clean,
      report: { ok: false, sheet: SUMMARY, says: [`"${SUMMARY}"`, 'đang được khóa'] },
    },
    {
      id: 'addin-structure-locked',
      title: 'Workbook structure protected (Review › Protect Workbook)',
      build: async () => edit(await addinTracker(rows), (zip) => lockStructure(zip)),
      facts,
      check: clean,
      report: { ok: false, says: ['Protect Workbook', 'bỏ bảo vệ'] },
      // The fake Excel does not model workbook protection: there the report is written.
      ribbon: ok(),
    },
    {
      id: 'addin-state-pasted-as-values',
      title: 'Tình trạng hạn copied and pasted as values (Paste Special › Values) over the formulas',
      build: async () =>
        edit(await addinTracker(rows), (zip) =>
          setCells(
            zip,
            TRACKER,
            Object.fromEntries(rows.map((_, i) => [at('deadlineState', i), 'Trong hạn'])),
          ),
        ),
      facts,
      check: {
        exit: 1,
        // The cells show what was pasted, not the rule: an error at each (Tổng hợp would count what they show).
        problems: rows.map((_, i) => err('stateNotFormula', at('deadlineState', i))),
        only: true,
      },
      report: ok(),
    },
    {
      id: 'addin-tracker-hidden',
      title: 'Nhiệm vụ hidden (right-click › Hide) before the file was sent to the chairman',
      build: async () => edit(await addinTracker(rows), (zip) => setSheetState(zip, TRACKER, 'hidden')),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'addin-notes-on-tracker',
      title: 'Notes (comments) typed on the tracker’s cells',
      build: async () =>
        edit(await addinTracker(rows), (zip) =>
          addComments(zip, TRACKER, [
            { ref: at('evidence', 1), text: 'Chờ biên bản họp từ BĐH' },
            { ref: at('status', 6), text: 'Đã nhắc ngày 10/04' },
          ]),
        ),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'addin-settings-deleted',
      title: 'Cài đặt deleted by the user',
      build: async () => edit(await addinTracker(rows), (zip) => removeSheet(zip, SETTINGS)),
      facts,
      check: { exit: 0, problems: [warn('settingsMissing', 'A1', SETTINGS)], only: true },
      // Without Cài đặt the report does not know whose it is: it refuses rather than borrow the plan's names.
      report: { ok: false, sheet: SETTINGS, cell: 'B2', says: ['Chưa lập báo cáo', '"Tên đơn vị" (ô B2)'] },
    },
    {
      id: 'addin-settings-wrong-types',
      title: 'Cài đặt filled in by hand with words, an error value and an empty name',
      build: async () =>
        edit(await addinTracker(rows), (zip) =>
          setCells(zip, SETTINGS, {
            B2: '',
            B3: true,
            B4: { error: '#REF!' },
            B5: 'hai nghìn không trăm hai mươi sáu',
            B6: 'bảy ngày',
            B9: 42,
            B10: 'Theo tháng',
          }),
        ),
      facts,
      check: {
        exit: 0,
        problems: [
          warn('settingBlank', 'B2', SETTINGS),
          ...['B4', 'B5', 'B6', 'B10'].map((c) => warn('settingInvalid', c, SETTINGS)),
        ],
        only: true,
      },
      // No unit name and an error value for the place: no report says whose it is.
      report: {
        ok: false,
        sheet: SETTINGS,
        cell: 'B2',
        says: ['"Tên đơn vị" (ô B2), "Địa danh" (ô B4)'],
      },
    },
    {
      id: 'addin-settings-custom',
      title: 'Cài đặt: 14 warning days, statistical cut-off of Nghị định 09/2019',
      build: async () =>
        edit(await addinTracker(rows), (zip) => setCells(zip, SETTINGS, { B6: 14, B10: 'Theo NĐ 09/2019' })),
      facts,
      oracle: { asOf: AS_OF, warningDays: 14, from: '2025-12-15', to: '2026-06-14' },
      check: clean,
      report: ok(),
    },
    {
      id: 'office-workbook-with-extras',
      title: 'A real office workbook (.xlsm) with a chart, a picture, notes, a pivot table and macros',
      ext: '.xlsm',
      build: async () => {
        const office = await edit(await officeWorkbook(), async (zip) => {
          await addChart(zip, '📊 Nhân sự', "'Sổ công văn'!$A$2:$A$5", "'Sổ công văn'!$B$2:$B$5");
          await addPivotTable(
            zip,
            'Sổ công văn',
            {
              sheet: 'Sổ công văn',
              ref: 'A1:B5',
              header: ['Loại', 'Số văn bản'],
              rows: [
                ['QĐ', 12],
                ['CV', 7],
                ['QĐ', 15],
                ['BC', 3],
              ],
            },
            'J2',
          );
          await addVbaProject(zip);
        });
        return addinTracker(rows, { base: office });
      },
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'chart-on-summary',
      title: 'The office drew a chart on Tổng hợp (the figures the add-in refreshes)',
      build: async () =>
        edit(await addinTracker(rows, { reported: true }), async (zip) => {
          await addChart(zip, SUMMARY, `'${SUMMARY}'!$A$6:$A$10`, `'${SUMMARY}'!$C$6:$C$10`);
        }),
      facts,
      check: clean,
      report: { ok: false, says: ['biểu đồ', `'${SUMMARY}'`, 'làm mất'] },
      // The fake Excel has no charts; the Office adapter replaces Tổng hợp there.
      ribbon: ok(),
    },
    // Found by this corpus and fixed: Tổng hợp was recognised by name alone; now its fingerprint must match
    // too, so the office's own sheet of that name is refused, never overwritten.
    {
      id: 'user-own-summary-sheet',
      title: 'The office deleted the add-in’s Tổng hợp and built its own sheet called Tổng hợp',
      build: async () =>
        edit(await addinTracker(rows, { reported: true }), async (zip) => {
          await removeSheet(zip, SUMMARY);
          await addSheet(zip, SUMMARY, [
            ['Tổng hợp của văn phòng (tự làm, đừng xóa)'],
            ['Văn bản đến', 120],
            ['Văn bản đi', 85],
          ]);
        }),
      facts,
      check: clean,
      report: { ok: false, sheet: SUMMARY, says: [`"${SUMMARY}"`] },
    },
    {
      id: 'libreoffice-saved',
      title: 'Opened and saved by LibreOffice Calc (a recipient without Excel), then reported again',
      build: async () =>
        throughLibreOffice(await addinTracker(rows, { reported: true }), 'libreoffice-saved'),
      facts,
      check: clean,
      report: ok(),
    },
  ];
}

function twentyThousand(): CorpusCase {
  const rows = manyRows(20_000);
  return {
    id: 'twenty-thousand-rows',
    title: 'A district-wide tracker of 20,000 rows',
    build: () => addinTracker(rows),
    facts: factsOf(rows),
    check: clean,
    report: ok(),
  };
}

function userCases(): CorpusCase[] {
  const rows = baseRows();
  const facts = factsOf(rows);
  const std = layoutOf(standardColumns());

  const nfdColumns: ColumnDef[] = standardColumns().map((c) => {
    const odd: Partial<Record<string, string>> = {
      section: ' Mục '.normalize('NFD'),
      task: 'Nội dung\nnhiệm vụ',
      lead: 'cơ quan CHỦ TRÌ'.normalize('NFD'),
      deadline: '  Hạn   hoàn thành ',
      status: 'Trạng\u00a0thái',
      completedOn: 'Ngày hoàn thành\u00a0'.normalize('NFD'),
      deadlineState: 'TÌNH TRẠNG HẠN',
    };
    return { ...c, header: odd[c.key as string] ?? c.header };
  });

  const shuffled: ColumnDef[] = [
    { header: HEADER.task, key: 'task' },
    { header: 'Người theo dõi' },
    { header: HEADER.deadline, key: 'deadline' },
    { header: HEADER.status, key: 'status' },
    { header: HEADER.lead, key: 'lead' },
    { header: 'Tiến độ (%)' },
    { header: HEADER.section, key: 'section' },
    { header: HEADER.completedOn, key: 'completedOn' },
    { header: HEADER.stt, key: 'stt' },
    { header: HEADER.deadlineState, key: 'deadlineState' },
    { header: HEADER.evidence, key: 'evidence' },
    { header: 'Đường dẫn hồ sơ' },
  ];
  const shuffledRows = rows.map((r, i) => ({
    ...r,
    extra: {
      'Người theo dõi': i % 2 ? 'Chị Ánh' : 'Anh Sơn',
      'Tiến độ (%)': { number: (i % 5) / 4, numFmt: '0%' },
      'Đường dẫn hồ sơ': `\\\\may-chu\\cchc\\2026\\${i + 1}.pdf`,
    },
  }));

  const withoutStatus = standardColumns().filter((c) => c.key !== 'status');
  const withoutState = standardColumns().filter((c) => c.key !== 'deadlineState');

  const dupColumns: ColumnDef[] = [
    ...standardColumns(),
    { header: 'Trạng thái' },
    { header: 'Hạn hoàn thành ' },
  ];
  const dupRows = rows.map((r, i) => ({
    ...r,
    extra: { 'Trạng thái': i % 2 ? 'xong' : 'chưa', 'Hạn hoàn thành ': { date: '2030-01-01' } },
  }));

  // Mục merged down over the first four rows (typed once), a merged title above the header.
  const mergedLayout = layoutOf(standardColumns(), 2);
  const mergedRows = replaceRows(rows, {
    1: { cells: { section: null }, facts: { section: '' } },
    2: { cells: { section: null }, facts: { section: '' } },
    3: { cells: { section: null }, facts: { section: '' } },
  });

  const blankRows: RowSpec[] = [
    ...rows.slice(0, 5),
    {},
    {},
    ...rows.slice(5, 12),
    { cells: { task: '   ', section: ' ', note: '\u00a0' } },
    ...rows.slice(12),
    {},
    ...Array.from({ length: 6 }, (_, k): RowSpec => ({ cells: { stt: 25 + k } })),
    ...Array.from({ length: 4 }, (_, k): RowSpec => ({
      cells: { deadlineState: { formula: `IF(C${40 + k}="","",C${40 + k})`, result: '' } },
    })),
  ];

  // Dates typed as text in many styles: the sheet's formulas cannot read them, so each row shows "Lỗi dữ liệu"
  // (and has no deadline for the report's window).
  const unreadableDate = { deadline: null, unreadable: true };
  const textDates = replaceRows(rows, {
    0: {
      cells: { deadline: '31/3/2026', completedOn: '28/03/2026' },
      facts: { ...unreadableDate, completedOn: null },
    },
    1: { cells: { deadline: ' 30/06/2026 ' }, facts: unreadableDate },
    4: {
      cells: { deadline: '05-02-2026', completedOn: '10.2.2026' },
      facts: { ...unreadableDate, completedOn: null },
    },
    6: { cells: { deadline: '2026-04-05' }, facts: unreadableDate },
    7: { cells: { deadline: '5.5.2026' }, facts: unreadableDate },
    8: { cells: { deadline: '05/06/26' }, facts: unreadableDate },
    9: { cells: { deadline: 'ngày 05 tháng 7 năm 2026' }, facts: unreadableDate },
    15: { cells: { deadline: 'June 5, 2026' }, facts: unreadableDate },
    16: { cells: { deadline: 'Quý III/2026' }, facts: unreadableDate },
  });

  // Dates as serial numbers without a date format, with times, in other formats.
  const serialDates = replaceRows(rows, {
    0: { cells: { deadline: serialOf('2026-03-31'), completedOn: serialOf('2026-03-28') + 0.6 } },
    1: { cells: { deadline: { number: serialOf('2026-06-30') + 0.75, numFmt: 'dd/mm/yyyy hh:mm' } } },
    6: { cells: { deadline: { number: serialOf('2026-04-05'), numFmt: 'mm/dd/yyyy' } } },
    7: { cells: { deadline: { number: serialOf('2026-05-05'), numFmt: 'd-mmm-yy' } } },
    8: { cells: { deadline: { number: serialOf('2026-06-05'), numFmt: '[$-42A]dd mmmm yyyy' } } },
    20: { cells: { completedOn: { number: serialOf('2026-06-02') + 0.99, numFmt: 'General' } } },
  });

  // Before 1900, impossible days, serials that name no day: none of them a date the sheet can read.
  const oddDates = replaceRows(rows, {
    2: { cells: { deadline: '20/11/1899' }, facts: unreadableDate },
    3: { cells: { deadline: 60 }, facts: unreadableDate },
    6: { cells: { deadline: '31/02/2026' }, facts: unreadableDate },
    7: { cells: { deadline: '29/02/2026' }, facts: unreadableDate },
    9: { cells: { deadline: '29/02/2028' }, facts: unreadableDate },
    15: { cells: { deadline: '2026-13-01' }, facts: unreadableDate },
    16: { cells: { deadline: 0 }, facts: unreadableDate },
    17: { cells: { deadline: 3_000_000 }, facts: unreadableDate },
    14: { cells: { completedOn: '30/02/2026' }, facts: { completedOn: null, unreadable: true } },
  });

  // An error in Nội dung, Trạng thái or a date: the row shows "Lỗi dữ liệu"; in Mục or the lead, the row
  // counts under "Khác".
  const errorValues = replaceRows(rows, {
    1: { cells: { task: { error: '#REF!' } }, facts: { task: '', unreadable: true } },
    2: { cells: { deadline: { error: '#N/A' } }, facts: unreadableDate },
    6: { cells: { status: { error: '#VALUE!' } }, facts: { done: false, unreadable: true } },
    9: { cells: { lead: { error: '#N/A' } }, facts: { lead: '' } },
    10: { cells: { completedOn: { error: '#DIV/0!' } }, facts: { completedOn: null, unreadable: true } },
    12: { cells: { section: { error: '#NAME?' } }, facts: { section: '' } },
    16: {
      cells: { deadline: { formula: "VLOOKUP(C18,'Kế hoạch'!A:B,2,FALSE)", result: { error: '#N/A' } } },
      facts: unreadableDate,
    },
  });

  const formulaData = replaceRows(rows, {
    1: { cells: { deadline: { formula: 'DATE(2026,6,30)', result: serialOf('2026-06-30') } } },
    2: {
      cells: { task: { formula: 'C3&" (bổ sung)"', result: 'Họp Ban điều hành CCHC quý II (bổ sung)' } },
      facts: { task: 'Họp Ban điều hành CCHC quý II (bổ sung)' },
    },
    5: { cells: { status: { formula: 'IF(I7<>"","Hoàn thành","Đang thực hiện")', result: 'Hoàn thành' } } },
    // Written by a program that stores no results (Excel computes them on opening).
    19: { cells: { deadline: { formula: 'DATE(2026,6,13)' } }, facts: { deadline: null } },
  });

  const booleans = replaceRows(rows, {
    // TRUE is no list value: the row is "Lỗi dữ liệu" (it used to count as an open task).
    1: { cells: { status: true }, facts: { done: false, unreadable: true } },
    4: { cells: { completedOn: false }, facts: { completedOn: null, unreadable: true } },
    12: { cells: { task: true }, facts: { task: 'TRUE' } },
    13: { cells: { section: false }, facts: { section: 'FALSE' } },
    19: { cells: { deadline: true }, facts: unreadableDate },
  });

  const formulaLike = replaceRows(rows, {
    0: { cells: { section: '=II.1' }, facts: { section: '=II.1' } },
    1: { cells: { task: '=SUM(A1:A3)' }, facts: { task: '=SUM(A1:A3)' } },
    2: { cells: { task: '+84 912 345 678' }, facts: { task: '+84 912 345 678' } },
    3: {
      cells: { task: '-Rà soát hồ sơ tồn đọng', section: '-V' },
      facts: { task: '-Rà soát hồ sơ tồn đọng', section: '-V' },
    },
    4: {
      cells: { task: '@Văn phòng nhắc việc', evidence: '=HYPERLINK("https://dichvucong.gov.vn","Hồ sơ")' },
      facts: { task: '@Văn phòng nhắc việc' },
    },
    13: { cells: { section: '+II.2', evidence: '+ 12 tin bài' }, facts: { section: '+II.2' } },
    22: {
      cells: { section: '@III', lead: '@Bộ phận một cửa' },
      facts: { section: '@III', lead: '@Bộ phận một cửa' },
    },
  });

  const long = 32_000;
  const longCells = replaceRows(rows, {
    0: { cells: { evidence: longText('Biên bản:', long) } },
    1: { cells: { task: longText('Họp BĐH:', long) }, facts: { task: longText('Họp BĐH:', long) } },
    2: { cells: { section: longText('II.1 ', long) }, facts: { section: longText('II.1 ', long) } },
    3: { cells: { lead: longText('Tổ công tác ', long) }, facts: { lead: longText('Tổ công tác ', long) } },
    5: { cells: { note: longText('Ghi chú ', 32_767) } },
  });

  const emojiRows = replaceRows(rows, {
    0: { cells: { task: '📋 Họp BĐH quý I 👍🏽' }, facts: { task: '📋 Họp BĐH quý I 👍🏽' } },
    4: {
      cells: { lead: LEAD.vp.normalize('NFD'), section: 'II.3\u200b' },
      facts: { lead: LEAD.vp.normalize('NFD') },
    },
    5: {
      cells: { lead: ` ${LEAD.vp.toUpperCase()}  `, task: 'Rà soát 👨‍👩‍👧 hồ sơ gia đình'.normalize('NFD') },
      facts: { task: 'Rà soát 👨‍👩‍👧 hồ sơ gia đình', lead: ` ${LEAD.vp.toUpperCase()}  ` },
    },
    6: { status: 'chưa thực hiện'.normalize('NFD') },
    10: { status: ' hoàn  THÀNH '.normalize('NFD') },
    13: { cells: { evidence: 'Ảnh 📷 và video 🎬 (đính kèm)' } },
  });

  const sideBySide: ColumnDef[] = [
    ...standardColumns(),
    { header: '' },
    ...standardColumns().map((c) => ({ header: c.header })),
  ];
  const sideRows = rows.map((r, i) => ({
    ...r,
    extra: {
      [HEADER.stt]: i + 1,
      [HEADER.section]: 'II.1',
      [HEADER.task]: `Nhiệm vụ năm 2025 số ${i + 1}`,
      [HEADER.lead]: LEAD.vp,
      [HEADER.deadline]: { date: '2025-06-30' },
      [HEADER.status]: 'Hoàn thành',
      [HEADER.completedOn]: { date: '2025-06-20' },
    },
  }));
  const sideLayout = layoutOf(sideBySide);

  // Last year's table pasted below this year's, with its title and header row.
  const stackedIndex = rows.length + 2;
  const stacked: RowSpec[] = [
    ...rows,
    {},
    { cells: { stt: 'NHIỆM VỤ NĂM 2025 CHUYỂN SANG' } },
    {
      cells: Object.fromEntries(COLS.map((k) => [k, HEADER[k]])) as RowSpec['cells'],
      // The copied header row reads as a task named "Nội dung nhiệm vụ" whose dates the sheet cannot read.
      facts: {
        section: HEADER.section,
        task: HEADER.task,
        lead: HEADER.lead,
        deadline: null,
        done: false,
        completedOn: null,
        unreadable: true,
      },
    },
    row('II.3', 'Rà soát TTHC trễ hạn tháng 12/2025', LEAD.vp, '2026-01-05', true, '2026-01-04', {
      cells: { stt: 1 },
    }),
    row('II.8', 'Phát động thi đua CCHC năm 2025', LEAD.bdh, '2025-03-31', true, '2025-03-30', {
      cells: { stt: 2 },
    }),
  ];
  const stackedLayout = layoutOf(standardColumns());

  // An Excel table with a "Tổng cộng" row typed under it.
  const totalRows: RowSpec[] = [
    ...rows,
    {
      cells: {
        task: { formula: 'COUNTA(C2:C25)&" nhiệm vụ"', result: '24 nhiệm vụ' },
        stt: 'Tổng cộng',
        status: null,
        deadlineState: null,
      },
      facts: { section: '', task: '24 nhiệm vụ', lead: '', deadline: null, done: false, completedOn: null },
    },
  ];

  return [
    {
      id: 'user-nfd-headers',
      title: 'Headers typed on a Mac (NFD), with stray and non-breaking spaces, a line break, capitals',
      build: () => userTracker({ columns: nfdColumns, rows }),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'user-reordered-extra-columns',
      title: 'Columns in the office’s own order, with its extra columns in between',
      build: () => userTracker({ columns: shuffled, rows: shuffledRows }),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'user-missing-status-column',
      title: 'No Trạng thái column (deleted by mistake)',
      build: () => userTracker({ columns: withoutStatus, rows }),
      check: { exit: 1, problems: [err('missingColumn', 'A1')], only: true },
      report: { ok: false, sheet: TRACKER, cell: 'A1', says: ['Thiếu cột "Trạng thái"', `"${TRACKER}"`] },
    },
    {
      id: 'user-missing-state-column',
      title: 'No Tình trạng hạn column (a tracker typed without the formula column)',
      build: () => userTracker({ columns: withoutState, rows }),
      // Found by this corpus and fixed: the check now names the missing column at A1, as the report does.
      check: { exit: 1, problems: [err('missingColumn', 'A1')], only: true },
      report: { ok: false, sheet: TRACKER, cell: 'A1', says: ['Thiếu cột "Tình trạng hạn"', `"${TRACKER}"`] },
    },
    {
      id: 'user-duplicate-columns',
      title: 'Trạng thái and Hạn hoàn thành each twice (a column copied to the right)',
      build: () => userTracker({ columns: dupColumns, rows: dupRows }),
      facts,
      check: {
        exit: 0,
        problems: [warn('duplicateColumn', `${letter(12)}1`), warn('duplicateColumn', `${letter(13)}1`)],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-merged-cells',
      title: 'A merged title above the header; Mục merged down over four rows; Kết quả merged with Ghi chú',
      build: () =>
        userTracker({
          rows: mergedRows,
          titleRows: [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026'], ['UBND xã Long Điền A']],
          tweak: (_wb, ws, layout) => {
            ws.mergeCells('A1:L1');
            ws.mergeCells('A2:L2');
            ws.mergeCells(`${layout.cell('section', 0)}:${layout.cell('section', 3)}`);
            ws.mergeCells(`${layout.cell('evidence', 5)}:${layout.cell('note', 5)}`);
          },
        }),
      facts: factsOf(mergedRows),
      check: {
        exit: 1,
        problems: [1, 2, 3].map((i) => err('emptySection', mergedLayout.cell('section', i))),
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-blank-rows',
      title: 'Blank rows mid-table, a row of spaces, numbered empty rows and formulas copied down below',
      build: () => userTracker({ rows: blankRows }),
      facts: factsOf(blankRows),
      check: clean,
      report: ok(),
    },
    {
      id: 'user-hidden-filtered-rows',
      title: 'Rows hidden by hand and by an AutoFilter on Trạng thái (the report counts them all)',
      build: async () => {
        const bytes = await userTracker({
          rows,
          tweak: (_wb, ws) => {
            for (const r of [3, 5, 9, 14, 20]) ws.getRow(r).hidden = true;
          },
        });
        return edit(bytes, (zip) => addAutoFilter(zip, TRACKER, 'A1:L25', 7, [STATUS.inProgress]));
      },
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'user-dates-as-text',
      title: 'Dates typed as text: d/m/yyyy, dd-mm-yyyy, d.m.yyyy, ISO, two-digit years, words',
      build: () => userTracker({ rows: textDates }),
      facts: factsOf(textDates),
      check: {
        exit: 1,
        problems: [
          err('dateAsText', std.cell('deadline', 0)),
          err('dateAsText', std.cell('completedOn', 0)),
          err('dateAsText', std.cell('deadline', 1)),
          err('dateAsText', std.cell('deadline', 4)),
          err('dateAsText', std.cell('completedOn', 4)),
          err('dateAsText', std.cell('deadline', 6)),
          err('dateAsText', std.cell('deadline', 7)),
          err('notADate', std.cell('deadline', 8)),
          err('notADate', std.cell('deadline', 9)),
          err('notADate', std.cell('deadline', 15)),
          err('notADate', std.cell('deadline', 16)),
        ],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-dates-as-serials',
      title: 'Dates as bare serial numbers (General), with times of day, in US and long formats',
      build: () => userTracker({ rows: serialDates }),
      facts: factsOf(serialDates),
      check: clean,
      report: ok(),
    },
    {
      id: 'user-dates-odd',
      title:
        'A date before 1900, 29/02/1900 (serial 60), 31/02, 29/02 of a common year, serials 0 and 3,000,000',
      build: () => userTracker({ rows: oddDates }),
      facts: factsOf(oddDates),
      check: {
        exit: 1,
        problems: [
          err('dateAsText', std.cell('deadline', 2)),
          err('impossibleDate', std.cell('deadline', 3)),
          err('impossibleDate', std.cell('deadline', 6)),
          err('impossibleDate', std.cell('deadline', 7)),
          err('dateAsText', std.cell('deadline', 9)),
          err('impossibleDate', std.cell('completedOn', 14)),
          err('impossibleDate', std.cell('deadline', 15)),
          err('impossibleDate', std.cell('deadline', 16)),
          err('impossibleDate', std.cell('deadline', 17)),
        ],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-error-values',
      title: 'Error values (#REF!, #N/A, #VALUE!, #DIV/0!, #NAME?) in data cells, one from a VLOOKUP',
      build: () => userTracker({ rows: errorValues }),
      facts: factsOf(errorValues),
      check: {
        exit: 1,
        problems: [
          err('errorValue', std.cell('task', 1)),
          err('errorValue', std.cell('deadline', 2)),
          err('errorValue', std.cell('status', 6)),
          err('errorValue', std.cell('lead', 9)),
          err('errorValue', std.cell('completedOn', 10)),
          err('errorValue', std.cell('section', 12)),
          err('errorValue', std.cell('deadline', 16)),
        ],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-formulas-in-data',
      title: 'Formulas in data cells (DATE, text joins, IF), one saved without its result by another program',
      build: () => userTracker({ rows: formulaData }),
      facts: factsOf(formulaData),
      // A data cell whose formula has no stored result (openpyxl and other generators write none) cannot be
      // read: the check names it (fixed: it used to read as blank, silently turning a deadline into none).
      check: { exit: 1, problems: [err('formulaNotCalculated', std.cell('deadline', 19))] },
      report: ok(),
      officeCheck: false,
    },
    {
      id: 'user-booleans',
      title: 'TRUE/FALSE in Trạng thái, Ngày hoàn thành, the task, Mục and Hạn (a checkbox column pasted)',
      build: () => userTracker({ rows: booleans }),
      facts: factsOf(booleans),
      check: {
        exit: 1,
        problems: [
          err('unknownStatus', std.cell('status', 1)),
          err('notADate', std.cell('completedOn', 4)),
          err('unknownSection', std.cell('section', 13)),
          err('notADate', std.cell('deadline', 19)),
        ],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-formula-like-text',
      title: 'Text beginning with = + - @ (tasks, Mục, a lead, results)',
      build: () => userTracker({ rows: formulaLike }),
      facts: factsOf(formulaLike),
      // None of these Mục is the plan's: each is counted under "Khác" and flagged.
      check: {
        exit: 1,
        problems: [
          err('unknownSection', std.cell('section', 0)),
          err('unknownSection', std.cell('section', 3)),
          err('unknownSection', std.cell('section', 13)),
          err('unknownSection', std.cell('section', 22)),
          warn('unknownLead', std.cell('lead', 22)),
        ],
        only: true,
      },
      report: ok(),
      // The Mục are not the plan's, so they are counted under "Khác" and written nowhere; the lead has its row.
      literals: ['@Bộ phận một cửa'],
    },
    {
      id: 'user-32000-characters',
      title: '32,000-character cells: a task, a result, a Mục and a lead pasted from a decision; a full note',
      build: () => userTracker({ rows: longCells }),
      facts: factsOf(longCells),
      check: {
        exit: 1,
        problems: [err('unknownSection', std.cell('section', 2)), warn('unknownLead', std.cell('lead', 3))],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-emoji-combining',
      title: 'Emoji, ZWJ sequences, decomposed Vietnamese (NFD), a zero-width space, capitals in data',
      build: () =>
        userTracker({
          rows: emojiRows,
          tweak: (wb) => {
            wb.addWorksheet('🗂️ Lưu trữ').addRows([
              ['Hồ sơ 📁', 'Số'],
              ['Biên bản'.normalize('NFD'), 3],
            ]);
          },
        }),
      facts: factsOf(emojiRows),
      // The NFD lead, the Mục with a zero-width space and the spaced lead are other spellings Tổng hợp's COUNTIFS
      // would not match: errors, with the list's spelling as the fix. The NFD statuses are read as the
      // formula reads them (it lists the decomposed Hoàn thành): a warning to tidy them.
      check: {
        exit: 1,
        problems: [
          err('sectionSpelling', 'B6'),
          err('leadSpelling', 'D6'),
          err('leadSpelling', 'D7'),
          warn('statusSpelling', 'H8'),
          warn('statusSpelling', 'H12'),
        ],
        only: true,
      },
      report: ok(),
      leads: [LEAD.vp],
    },
    {
      id: 'user-two-tables-side-by-side',
      title: 'Last year’s tracker pasted to the right of this year’s (every header twice)',
      build: () => userTracker({ columns: sideBySide, rows: sideRows }),
      facts,
      check: {
        exit: 0,
        problems: COLS.map((k) =>
          warn('duplicateColumn', `${letter(13 + COLS.indexOf(k))}${sideLayout.headerRow}`),
        ),
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-two-tables-stacked',
      title: 'Last year’s tracker pasted below this year’s, with its title and header row',
      build: () => userTracker({ rows: stacked }),
      facts: factsOf(stacked),
      check: {
        exit: 1,
        problems: [
          err('unknownSection', stackedLayout.cell('section', stackedIndex)),
          warn('unknownLead', stackedLayout.cell('lead', stackedIndex)),
          err('notADate', stackedLayout.cell('deadline', stackedIndex)),
          err('unknownStatus', stackedLayout.cell('status', stackedIndex)),
          err('notADate', stackedLayout.cell('completedOn', stackedIndex)),
          err('stateNotFormula', stackedLayout.cell('deadlineState', stackedIndex)),
          err('duplicateStt', stackedLayout.cell('stt', stackedIndex + 1)),
          err('duplicateStt', stackedLayout.cell('stt', stackedIndex + 2)),
        ],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-excel-table-total-row',
      title: 'The tracker as an Excel table (Format as Table) with a “Tổng cộng” row typed under it',
      build: () =>
        userTracker({
          rows: totalRows,
          tweak: (_wb, ws) => {
            const values = rows.map((_, i) =>
              COLS.map((k) => {
                const v = ws.getCell(std.cell(k, i)).value;
                return v === undefined ? null : v;
              }),
            );
            ws.addTable({
              name: 'BangNhiemVu',
              ref: 'A1',
              headerRow: true,
              style: { theme: 'TableStyleMedium2', showRowStripes: true },
              columns: COLS.map((k) => ({ name: HEADER[k], filterButton: true })),
              rows: values as ExcelJS.CellValue[][],
            });
          },
        }),
      facts: factsOf(totalRows),
      check: {
        exit: 1,
        problems: [
          err('emptySection', std.cell('section', 24)),
          err('emptyLead', std.cell('lead', 24)),
          err('stateNotFormula', std.cell('deadlineState', 24)),
        ],
        only: true,
      },
      report: ok(),
    },
    {
      id: 'user-header-not-found',
      title: 'A sheet called Nhiệm vụ that is a plain to-do list (no tracker headers)',
      build: async () => {
        const bytes = await userTracker({
          rows: [],
          columns: [{ header: 'Việc cần làm' }, { header: 'Hạn' }, { header: 'Người làm' }],
        });
        return edit(bytes, (zip) =>
          setCells(zip, TRACKER, { A2: 'Nộp báo cáo quý', B2: 46178, C2: 'Chị Ánh' }),
        );
      },
      check: { exit: 1, problems: [err('headerNotFound', 'A1')], only: true },
      report: { ok: false, sheet: TRACKER, says: ['không có dòng tiêu đề', `"${TRACKER}"`] },
    },
    {
      id: 'user-protected-with-password',
      title: 'A user’s tracker protected with a password',
      build: () =>
        userTracker({
          rows,
          tweak: async (_wb, ws) => {
            await ws.protect('ubnd2026', { selectLockedCells: true, selectUnlockedCells: true });
          },
        }),
      facts,
      check: clean,
      report: ok(),
    },
    {
      id: 'tracker-name-in-capitals',
      title: 'The tracker sheet renamed “NHIỆM VỤ”',
      build: () => userTracker({ rows, sheetName: 'NHIỆM VỤ' }),
      facts,
      check: clean,
      report: ok(),
    },
    // Found by this corpus and fixed: both adapters now compare sheet names in NFC, regardless of case.
    {
      id: 'tracker-name-nfd',
      title: 'The tracker sheet’s name in decomposed Unicode (NFD), as some Mac tools write it',
      build: () => userTracker({ rows, sheetName: TRACKER.normalize('NFD') }),
      facts,
      check: clean,
      report: ok(),
    },
    // Found by this corpus and fixed: one formatted cell at row 1,048,576 made the .xlsx reader build a
    // 14.7-million-cell grid (4.3 GB). Huge used ranges are now read sparsely; check runs in a 512 MB heap.
    {
      id: 'stray-cell-at-the-bottom',
      title: 'A formatted empty cell at N1048576 (someone pressed Ctrl+Down and set a fill)',
      build: () =>
        userTracker({
          rows,
          tweak: (_wb, ws) => {
            ws.getCell('N1048576').fill = {
              type: 'pattern',
              pattern: 'solid',
              fgColor: { argb: 'FFFFFF00' },
            };
          },
        }),
      facts,
      lowMemoryCheckOnly: true,
      check: clean,
      report: ok(),
    },
    {
      id: 'no-tracker',
      title: 'An office workbook where the add-in was never started',
      build: () => officeWorkbook(),
      // The pane names its button, the CLI its command (issue 20: test/cli/guard.test.ts holds each to its own).
      check: { exit: 2, says: [`"${TRACKER}"`] },
      report: { ok: false, sheet: TRACKER, says: [`"${TRACKER}"`] },
    },
    {
      id: 'legacy-xls-renamed',
      title: 'An Excel 97–2003 .xls renamed to .xlsx',
      build: async () => {
        const bytes = new Uint8Array(4096);
        bytes.set([
          0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3e, 0, 3, 0, 0xfe, 0xff,
        ]);
        return bytes;
      },
      check: { exit: 2, says: ['không phải .xlsx'] },
      report: { ok: false, says: ['không phải .xlsx'] },
      ribbon: 'skip',
    },
    {
      id: 'truncated-download',
      title: 'An e-mail attachment cut short (half the .xlsx)',
      build: async () => {
        const bytes = await addinTracker(rows);
        return bytes.slice(0, Math.floor(bytes.length / 2));
      },
      check: { exit: 2, says: ['không phải .xlsx'] },
      report: { ok: false, says: ['không phải .xlsx'] },
      ribbon: 'skip',
    },
  ];
}

/** Every case of the corpus (the LibreOffice one included). */
export function corpusCases(): CorpusCase[] {
  return [...addinCases(), twentyThousand(), ...userCases()];
}

/** The oracle's options of a case. */
export function oracleOf(c: CorpusCase): OracleOptions {
  return c.oracle ?? halfYear(2026, AS_OF);
}
