/**
 * The report sheet: a dated snapshot (values only) laid out as a báo cáo of Nghị định 30/2020/NĐ-CP,
 * Phụ lục I, for A4 portrait printing: two-column header, BÁO CÁO and its subject, Kính gửi, the body
 * (I. Kết quả, with a summary table; II. Tồn tại, hạn chế; III. Nhiệm vụ trọng tâm kỳ tới), Nơi nhận and
 * the signature block.
 */
import { SHEET, STATE_LABEL } from '../i18n/vi';
import { formatVnDate } from '../domain/dates';
import { DEADLINE_STATES } from '../domain/deadline';
import { percentDone } from '../domain/rollup';
import type { ReportContent, ReportCounts } from '../domain/report';
import type { CellStyle, CellValue, SheetSpec, StyleRun } from './spec';
import { rowHeightFor } from './textLayout';

const COLS = 9; // A..I
const LAST = 'I';
const FONT = 'Times New Roman';
/** Rough characters per printed line across the body's width at 13 pt (A4 less 30 + 15 mm margins). */
const BODY_WIDTH_CHARS = 10 + 9 + 9.5 * 7;
const BODY_PT = 13;
/** Excel's limit: a cell holds at most 32,767 characters. */
const MAX_CELL_CHARS = 32_000;

function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 1)}…`;
}

/**
 * How many tasks a list of the report names before summing up the rest: a report is read and signed on
 * paper, and the full list is one click away on "Nhiệm vụ".
 */
export const MAX_LISTED = { donePerSection: 30, overdue: 100, nextQuarter: 100 } as const;

function more(count: number): string {
  return `- … và ${count} nhiệm vụ khác (xem trang "${SHEET.tracker}").`;
}

const TABLE_STATES = [...DEADLINE_STATES, 'notYetInPeriod'] as const;

function countsLine(c: ReportCounts): string {
  const done = c.doneOnTime + c.doneLate;
  const inPeriod = c.tasks - c.notYetInPeriod;
  return (
    `Số nhiệm vụ trong kỳ: ${inPeriod}; đã hoàn thành: ${done} (đúng hạn ${c.doneOnTime}, quá hạn ${c.doneLate}); ` +
    `chưa hoàn thành: quá hạn ${c.overdue}, sắp đến hạn ${c.dueSoon}, trong hạn ${c.onTrack}; thường xuyên ${c.ongoing}` +
    (c.notYetInPeriod > 0 ? `; chưa đến kỳ ${c.notYetInPeriod}.` : '.')
  );
}

function pct(c: ReportCounts): string {
  const inPeriod = { ...c, tasks: c.tasks - c.notYetInPeriod };
  return `${Math.round(percentDone(inPeriod) * 1000) / 10}%`.replace('.', ',');
}

export function buildReportSheet(content: ReportContent, sheetName: string, unitName: string): SheetSpec {
  const rows: CellValue[][] = [];
  const styles: StyleRun[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const row = (): number => rows.length + 1;
  const style = (range: string, s: CellStyle): void => {
    styles.push({ range, style: s });
  };
  const blank = (): void => {
    rows.push([]);
  };
  /** A paragraph across the whole width. */
  const para = (full: string, s: CellStyle = {}, indent = true): void => {
    const text = fitCell(full);
    const r = row();
    rows.push([text]);
    merges.push(`A${r}:${LAST}${r}`);
    rowHeights[r] = rowHeightFor(
      [{ text: `${indent ? '      ' : ''}${text}`, widthChars: BODY_WIDTH_CHARS }],
      BODY_PT,
    );
    style(`A${r}:${LAST}${r}`, {
      ...s,
      alignment: {
        horizontal: 'justify',
        vertical: 'top',
        wrap: true,
        indent: indent ? 2 : 0,
        ...s.alignment,
      },
    });
  };
  const c = content;

  // Header: issuing body (left) and the national motto (right).
  const [issuer1, issuer2] = c.issuerLines;
  rows.push([issuer1, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  rows.push([issuer2, null, null, 'Độc lập - Tự do - Hạnh phúc']);
  rows.push([]);
  rows.push([`Số:        /BC-UBND`, null, null, c.placeDate]);
  for (const r of [1, 2, 4]) merges.push(`A${r}:C${r}`, `D${r}:${LAST}${r}`);
  style('A1:C2', {
    font: { name: FONT, size: 13, bold: true },
    alignment: { horizontal: 'center', vertical: 'center' },
  });
  style(`D1:${LAST}1`, {
    font: { name: FONT, size: 12, bold: true },
    alignment: { horizontal: 'center', vertical: 'center' },
  });
  style(`D2:${LAST}2`, {
    font: { name: FONT, size: 13, bold: true },
    alignment: { horizontal: 'center', vertical: 'center' },
  });
  // Short rules: under the issuer (the middle column) and under the motto (as long as the text).
  style('B3', { border: { top: 'thin' } });
  style('E3:H3', { border: { top: 'thin' } });
  style('A4:C4', { font: { name: FONT, size: 13 }, alignment: { horizontal: 'center' } });
  style(`D4:${LAST}4`, { font: { name: FONT, size: 13, italic: true }, alignment: { horizontal: 'center' } });
  rowHeights[3] = 6;
  blank();

  // Title, subject, addressee.
  let r = row();
  rows.push(['BÁO CÁO']);
  merges.push(`A${r}:${LAST}${r}`);
  style(`A${r}`, { font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: 'center' } });
  r = row();
  rows.push([c.subject]);
  merges.push(`A${r}:${LAST}${r}`);
  rowHeights[r] = rowHeightFor([{ text: c.subject, widthChars: BODY_WIDTH_CHARS * 0.92 }], 14);
  style(`A${r}`, {
    font: { name: FONT, size: 14, bold: true },
    alignment: { horizontal: 'center', vertical: 'top', wrap: true },
  });
  r = row();
  rows.push([]);
  style(`D${r}:F${r}`, { border: { top: 'thin' } });
  rowHeights[r] = 8;
  r = row();
  rows.push([`Kính gửi: ${c.recipient}.`]);
  merges.push(`A${r}:${LAST}${r}`);
  style(`A${r}`, { alignment: { horizontal: 'center' } });
  blank();

  // I. Results.
  const t = c.totals;
  const inPeriod = t.tasks - t.notYetInPeriod;
  para(
    `Thực hiện Kế hoạch nâng cao chất lượng, hiệu quả công tác cải cách hành chính, ${unitName} báo cáo kết quả thực hiện ` +
      `${c.period.subject} (số liệu từ ngày ${formatVnDate(c.period.from)} đến ngày ${formatVnDate(c.period.to)}, ` +
      `tính đến ngày ${formatVnDate(c.asOf)}) như sau:`,
  );
  para('I. KẾT QUẢ THỰC HIỆN', { font: { bold: true } });
  para(
    `Trong kỳ có ${inPeriod} nhiệm vụ đến hạn hoặc thực hiện thường xuyên; đã hoàn thành ${t.doneOnTime + t.doneLate} ` +
      `(đúng hạn ${t.doneOnTime}, quá hạn ${t.doneLate}), quá hạn chưa hoàn thành ${t.overdue}, sắp đến hạn ${t.dueSoon}, ` +
      `trong hạn ${t.onTrack}, thường xuyên ${t.ongoing}. Tỷ lệ hoàn thành: ${pct(t)}.`,
  );
  c.sections
    .filter((s) => s.counts.tasks > 0)
    .forEach((s, i) => {
      para(s.id === '' ? `${i + 1}. ${s.title}` : `${i + 1}. ${s.title} (mục ${s.id})`, {
        font: { bold: true, italic: true },
      });
      para(`- ${countsLine(s.counts)}`);
      for (const d of s.done.slice(0, MAX_LISTED.donePerSection)) {
        const when = d.task.completedOn ? ` (hoàn thành ngày ${formatVnDate(d.task.completedOn)})` : '';
        const result = d.task.evidence !== '' ? `: ${d.task.evidence}` : '';
        para(`- ${d.task.task}${when}${result}.`);
      }
      if (s.done.length > MAX_LISTED.donePerSection) para(more(s.done.length - MAX_LISTED.donePerSection));
    });

  // Summary table: sections × states.
  para(`Bảng tổng hợp kết quả theo mục của kế hoạch (tính đến ngày ${formatVnDate(c.asOf)}):`, {
    font: { italic: true },
  });
  const head = row();
  rows.push(['Mục', 'Tổng số', ...TABLE_STATES.map((s) => STATE_LABEL[s])]);
  rowHeights[head] = 48;
  const body = c.sections.filter((s) => s.counts.tasks > 0);
  for (const s of body)
    rows.push([s.id === '' ? 'Khác' : s.id, s.counts.tasks, ...TABLE_STATES.map((k) => s.counts[k])]);
  rows.push(['Cộng', t.tasks, ...TABLE_STATES.map((k) => t[k])]);
  const end = row() - 1;
  style(`A${head}:${LAST}${end}`, {
    font: { name: FONT, size: 11 },
    border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' },
    alignment: { horizontal: 'center', vertical: 'center', wrap: true },
  });
  style(`A${head}:${LAST}${head}`, { font: { name: FONT, size: 11, bold: true } });
  style(`A${end}:${LAST}${end}`, { font: { name: FONT, size: 11, bold: true } });
  blank();

  // II. Shortcomings: overdue tasks.
  para('II. TỒN TẠI, HẠN CHẾ', { font: { bold: true } });
  if (c.overdue.length === 0) para('Không có nhiệm vụ quá hạn chưa hoàn thành.');
  for (const o of c.overdue.slice(0, MAX_LISTED.overdue)) {
    para(
      `- ${o.task.task} (chủ trì: ${o.task.lead}; hạn ${o.task.deadline ? formatVnDate(o.task.deadline) : ''}; quá hạn ${o.daysLate} ngày).`,
    );
  }
  if (c.overdue.length > MAX_LISTED.overdue) para(more(c.overdue.length - MAX_LISTED.overdue));

  // III. Next quarter.
  para(`III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI (${c.nextQuarterLabel})`, { font: { bold: true } });
  if (c.nextQuarter.length === 0) para('Tiếp tục thực hiện các nhiệm vụ thường xuyên của kế hoạch.');
  for (const n of c.nextQuarter.slice(0, MAX_LISTED.nextQuarter)) {
    para(
      `- ${n.task.task} (chủ trì: ${n.task.lead}; hạn ${n.task.deadline ? formatVnDate(n.task.deadline) : ''}).`,
    );
  }
  if (c.nextQuarter.length > MAX_LISTED.nextQuarter)
    para(more(c.nextQuarter.length - MAX_LISTED.nextQuarter));
  para(`Trên đây là báo cáo kết quả thực hiện ${c.period.subject} của ${unitName}./.`);
  blank();

  // Nơi nhận (left) and signature (right).
  const sign = row();
  const signer = [c.signer.authority, c.signer.title].filter((s) => s !== '');
  const leftLines = ['Nơi nhận:', ...c.recipients];
  const rightLines: string[] = [...signer, '', '', '', '', c.signer.name];
  const height = Math.max(leftLines.length, rightLines.length);
  for (let i = 0; i < height; i++) {
    const rr = sign + i;
    rows.push([leftLines[i] ?? null, null, null, null, null, rightLines[i] ?? null]);
    merges.push(`A${rr}:E${rr}`, `F${rr}:${LAST}${rr}`);
  }
  style(`A${sign}`, { font: { name: FONT, size: 12, bold: true, italic: true } });
  if (leftLines.length > 1)
    style(`A${sign + 1}:A${sign + leftLines.length - 1}`, { font: { name: FONT, size: 11 } });
  style(`F${sign}:${LAST}${sign + height - 1}`, {
    font: { name: FONT, size: 13, bold: true },
    alignment: { horizontal: 'center' },
  });
  const lastRow = sign + height - 1;

  const cells = rows.map((r0) =>
    Array.from({ length: COLS }, (_, i) => {
      const v = r0[i] ?? null;
      return typeof v === 'string' ? fitCell(v) : v;
    }),
  );
  return {
    name: sheetName,
    kind: 'report',
    defaultFont: { name: FONT, size: 13 },
    cells,
    styles,
    merges,
    rowHeights,
    columnWidths: [10, 9, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5],
    page: {
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      printArea: `A1:${LAST}${lastRow}`,
      fitToWidth: true,
      header: { center: '&P', differentFirstPage: true },
      firstPageNumber: 1,
    },
  };
}
