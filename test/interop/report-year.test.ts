/**
 * A year typed as a commune officer types it, and its four reports as the chairman reads them on paper
 * (issue 19, "Done when"): results and planned work on Kết quả theo kỳ for several quarters, reasons in Ghi chú
 * of late and overdue tasks, a TTHC month's reason for late dossiers, statuses outside the list ("Đã hoàn
 * thành", "hoan thanh", "Xong"), a dossier count stored as text. The 3-, 6-, 9- and 12-month reports are
 * compiled through the app layer, printed by LibreOffice headless in one batch, and read back with pdftotext:
 * each typed result and reason is in the report of its period and in no earlier one, the data-error rows are
 * not named, no tool note is on the printed pages, and figures are written the Vietnamese way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileReport } from '../../src/app';

import { demoTthcUpdates } from '../../src/app/demo';

import { toA1 } from '../../src/domain/a1';

import { serialFromIso, type IsoDate } from '../../src/domain/dates';

import type { Quarter } from '../../src/domain/periods';

import { readTthc } from '../../src/domain/tthc';

import { SHEET } from '../../src/i18n/vi';

import { buildReportSheet } from '../../src/sheets/reportSheet';

import type { CellUpdate } from '../../src/workbook/port';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';

import { disposeLibreOffice, toPdfAll, runTool } from '../support/libreoffice';

import { initNamed } from '../support/identity';

import { resultsCol } from '../support/results';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-year-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

const AS_OF: Record<Quarter, IsoDate> = {
  1: '2026-03-05',
  2: '2026-06-05',
  3: '2026-09-05',
  4: '2026-12-04',
};
const QUARTERS: Quarter[] = [1, 2, 3, 4];

/** Nhiệm vụ, as the officer types it: row → status, completion day, Ghi chú. */
const TRACKER: { task: string; status: string; done?: IsoDate; note?: string }[] = [
  { task: 'Kiện toàn Ban điều hành CCHC cấp xã', status: 'Hoàn thành', done: '2026-02-20' },
  {
    task: 'Sửa đổi, bổ sung Quy chế hoạt động',
    status: 'Đang thực hiện',
    note: 'Chờ hướng dẫn mới của Sở Nội vụ về quy chế mẫu',
  },
  { task: 'Xây dựng kế hoạch thông tin, tuyên truyền CCHC', status: 'Hoàn thành', done: '2026-01-15' },
  { task: 'Báo cáo kết quả thực hiện kế hoạch quý I', status: 'Hoàn thành', done: '2026-03-04' },
  {
    task: 'Rà soát, thống kê, bổ sung đầy đủ trang thiết bị',
    status: 'Chưa thực hiện',
    note: 'Chờ bố trí kinh phí',
  },
  // Outside the list: data errors, never counted as another state nor named in the signed text.
  { task: 'Xây dựng và triển khai kế hoạch kiểm tra công vụ', status: 'Đã hoàn thành', done: '2026-03-20' },
  { task: 'Ban điều hành CCHC xã xây dựng kế hoạch phát động', status: 'hoan thanh', done: '2026-03-25' },
  { task: 'Khảo sát, lắp đặt hệ thống camera giám sát', status: 'Xong', done: '2026-06-15' },
];
/** The first quarterly meeting, held late with its reason (the first of four rows of one text). */
const LATE_MEETING = {
  task: 'Ban điều hành CCHC cấp xã họp định kỳ',
  done: '2026-04-10' as IsoDate,
  note: 'Họp chậm do trùng lịch tiếp xúc cử tri',
};
const DATA_ERROR_TASKS = TRACKER.filter((t) =>
  ['Đã hoàn thành', 'hoan thanh', 'Xong'].includes(t.status),
).map((t) => t.task);

/** Kết quả theo kỳ: what was done and what is planned, by quarter. */
const RESULTS: { quarter: Quarter; task: string; result?: string; planned?: string }[] = [
  {
    quarter: 1,
    task: 'Thực hiện tốt công tác tiếp dân',
    result: 'Tiếp 15 lượt công dân, tiếp nhận 6 kiến nghị',
  },
  {
    quarter: 1,
    task: 'Thông tin, tuyên truyền CCHC',
    planned: 'Phát 20 tin bài tuyên truyền CCHC trên Đài truyền thanh',
  },
  {
    quarter: 2,
    task: 'Duy trì và đẩy mạnh ứng dụng công nghệ thông tin',
    result: '100% văn bản đi được ký số trên hệ thống iOffice',
  },
  { quarter: 3, task: 'Cân đối ngân sách', result: 'Đã khảo sát, lập dự toán 35 triệu đồng' },
  {
    quarter: 3,
    task: 'Rà soát, thống kê, bổ sung đầy đủ trang thiết bị',
    result: 'Đã lập danh mục 12 thiết bị cần mua sắm',
  },
  { quarter: 4, task: 'Thực hiện tốt công tác tiếp dân', result: 'Tiếp 12 lượt công dân trong quý IV' },
];

/** The reason typed for Đất đai's late dossiers of May. */
const TTHC_REASON = 'Chờ kết quả đo đạc của Văn phòng đăng ký đất đai; đã đôn đốc đơn vị đo đạc';

const ROMAN = ['I', 'II', 'III', 'IV'];
const HO_TICH = 'Hộ tịch';

/** A phrase as pdftotext prints it: words joined by single spaces (lines break anywhere). */
const flat = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ');

let texts: Record<Quarter, string>;
const dataErrors: Record<number, number> = {};
const messages: Record<number, string> = {};

beforeAll(async () => {
  const book = await openXlsx(null);
  expect((await initNamed(book, { year: 2026, now: new Date('2026-01-05T02:00:00Z') })).ok).toBe(true);
  const snap = await book.read([SHEET.tracker, SHEET.results, SHEET.tthc]);
  const tracker = snap.contents[SHEET.tracker].values;
  const rowOf = (task: string): number => {
    const r = tracker.findIndex((row) => String(row[2] ?? '').startsWith(task));
    if (r < 0) throw new Error(`no tracker row "${task}"`);
    return r;
  };
  const updates: CellUpdate[] = [];
  const day = (d: IsoDate): number => serialFromIso(d) as number;
  for (const t of [...TRACKER, { ...LATE_MEETING, status: 'Hoàn thành' }]) {
    const r = rowOf(t.task);
    updates.push({ sheet: SHEET.tracker, cell: toA1(r, 7), value: t.status });
    if (t.done)
      updates.push({
        sheet: SHEET.tracker,
        cell: toA1(r, 8),
        value: day(t.done),
        numberFormat: 'dd/mm/yyyy',
      });
    if (t.note) updates.push({ sheet: SHEET.tracker, cell: toA1(r, 10), value: t.note });
  }
  const results = snap.contents[SHEET.results].values;
  for (const t of RESULTS) {
    const r = results.findIndex(
      (row) => row[0] === `Quý ${ROMAN[t.quarter - 1]}` && String(row[2] ?? '').startsWith(t.task),
    );
    if (r < 0) throw new Error(`no results row Quý ${t.quarter} "${t.task}"`);
    if (t.result)
      updates.push({ sheet: SHEET.results, cell: toA1(r, resultsCol('result')), value: t.result });
    if (t.planned)
      updates.push({ sheet: SHEET.results, cell: toA1(r, resultsCol('planned')), value: t.planned });
  }
  // Hồ sơ TTHC, January to November as the demo's one-stop shop counts them; the officer's own reason for
  // May's late land dossiers, and April's in-person certifications typed as text ("21").
  const tthc = readTthc(snap.contents[SHEET.tthc], 2026);
  const counts = demoTthcUpdates(tthc, 11);
  const land = tthc.rows.find((r) => r.month === 5 && /Đất đai/.test(r.field ?? ''))!;
  const reasonCell = toA1(land.row - 1, tthc.columns.lateReason!);
  const civil = tthc.rows.find((r) => r.month === 4 && r.field === HO_TICH)!;
  const offlineCell = toA1(civil.row - 1, tthc.columns.offline!);
  for (const u of counts) {
    if (u.cell === reasonCell) u.value = TTHC_REASON;
    if (u.cell === offlineCell) u.value = String(u.value);
  }
  expect(counts.some((u) => u.cell === reasonCell && u.value === TTHC_REASON)).toBe(true);
  expect(counts.some((u) => u.cell === offlineCell && typeof u.value === 'string')).toBe(true);
  await book.apply({ write: [], updates: [...updates, ...counts] });

  // The four reports, each on its own sheet alone (as the office prints it), printed in one LibreOffice run.
  const files: string[] = [];
  for (const q of QUARTERS) {
    const out = await compileReport(book, { asOf: AS_OF[q], period: { year: 2026, quarter: q } });
    expect(out.message).toBeDefined();
    expect(out.ok).toBe(true);
    dataErrors[q] = out.dataErrorRows ?? 0;
    messages[q] = out.message ?? '';
    const alone = await openXlsx(null);
    await alone.read([]);
    await alone.apply({ write: [buildReportSheet(out.content!, `Báo cáo Q${q}`)] });
    const file = path.join(dir, `bao-cao-q${q}.xlsx`);
    fs.writeFileSync(file, await alone.toBuffer());
    files.push(file);
  }
  fs.writeFileSync(path.join(dir, 'tracker.xlsx'), await book.toBuffer());
  const pdfs = await toPdfAll(files, path.join(dir, 'pdf'));
  const read = await Promise.all(pdfs.map((p) => runTool('pdftotext', [p, '-'])));
  texts = Object.fromEntries(QUARTERS.map((q, i) => [q, flat(read[i])])) as Record<Quarter, string>;
}, 300_000);

describe('a year typed by an officer, printed as four reports', () => {
  it('prints each typed result in the report of its period and in no earlier one', () => {
    for (const t of RESULTS.filter((r) => r.result)) {
      for (const q of QUARTERS) {
        const where = { result: t.result, report: q };
        if (q >= t.quarter)
          expect({ ...where, found: texts[q].includes(flat(t.result!)) }).toEqual({
            ...where,
            found: true,
          });
        else
          expect({ ...where, found: texts[q].includes(flat(t.result!)) }).toEqual({ ...where, found: false });
      }
    }
  });

  it('names the work planned for the next quarter in that quarter’s report', () => {
    expect(texts[1]).toContain(flat(RESULTS[1].planned!));
  });

  it('prints each reason typed in Ghi chú and on Hồ sơ TTHC in the report of its period', () => {
    // The quarterly meeting of Quý I held on 10/04: late, in the 6-month report.
    expect(texts[1]).not.toContain(LATE_MEETING.note);
    expect(texts[2]).toContain(LATE_MEETING.note);
    // The regulation due 31/03, still in progress: overdue from the 6-month report on, with its reason.
    expect(texts[2]).toContain(TRACKER[1].note);
    // The equipment due 30/06, not started: overdue in the 9-month report.
    expect(texts[3]).toContain(TRACKER[4].note);
    // May's late land dossiers: from the 6-month report (January–May) on.
    expect(texts[1]).not.toContain(flat(TTHC_REASON));
    for (const q of [2, 3, 4] as Quarter[]) expect(texts[q]).toContain(flat(TTHC_REASON));
  });

  it('names the satisfaction survey due 31/12 in the year-end report as in progress', () => {
    expect(texts[4]).toContain('Phối hợp khảo sát sự hài lòng');
    expect(texts[4]).toContain('31/12/2026');
  });

  it('does not name the rows whose status is outside the list, and counts them as data errors', () => {
    for (const q of QUARTERS) {
      expect(dataErrors[q]).toBeGreaterThanOrEqual(3);
      for (const task of DATA_ERROR_TASKS)
        expect({ q, task, named: texts[q].includes(task) }).toEqual({
          q,
          task,
          named: false,
        });
    }
  });

  it('prints no tool note inside the printed pages', () => {
    for (const q of QUARTERS)
      expect(texts[q]).not.toMatch(/DÀNH CHO NGƯỜI LẬP BÁO CÁO|lỗi dữ liệu|chưa tổng hợp được/iu);
  });

  it('leaves the field of a count typed as text out of the signed tables, and tells the officer', () => {
    // January–February (the 3-month report): Hộ tịch is counted; from April on its row is a data error.
    const table1 = (q: Quarter): string =>
      texts[q].slice(texts[q].indexOf('Bảng 1.'), texts[q].indexOf('Bảng 2.'));
    expect(table1(1)).toContain(HO_TICH);
    for (const q of [2, 3, 4] as Quarter[]) {
      expect(table1(q)).not.toContain(HO_TICH);
      expect(table1(q)).toContain('Chứng thực');
      expect(messages[q]).toContain(`Lĩnh vực ${HO_TICH} chưa được tính`);
      expect(messages[q]).not.toContain('không khớp');
    }
  });

  it('does not give the plan’s own note in Ghi chú (written by init) as a reason', () => {
    // "Tham mưu điều chỉnh…" is overdue from the 6-month report on, its Ghi chú as init wrote it.
    for (const q of [2, 3, 4] as Quarter[]) expect(texts[q]).not.toContain('Kế hoạch không nêu quý');
  });

  it('writes figures the Vietnamese way: 99,6%, never 1,705 or 99.6%', () => {
    for (const q of QUARTERS) {
      expect(texts[q]).not.toMatch(/\d,\d{3}(?!\d)/);
      expect(texts[q]).not.toMatch(/\d\.\d{1,2}\s?%/);
    }
    expect(texts[4]).toMatch(/\d,\d%/);
  });
});
