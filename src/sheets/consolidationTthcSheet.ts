/**
 * "TTHC các xã" of a consolidation: each commune's Hồ sơ TTHC figures over the period, a row per commune and a
 * total row, with the months each commune's figures cover.
 */
import { CONSOLIDATION_TEXT } from '../i18n/consolidation';
import { colToLetters } from '../domain/a1';
import type { Consolidation } from '../domain/consolidation';
import { BODY_FONT } from './palette';
import type { CellValue, SheetSpec } from './spec';
import { rowHeightFor } from './textLayout';
import { onTimeRate, TTHC_FIGURE_KEYS, type TthcFigures } from '../domain/tthc';
import { TTHC_HEADERS } from '../i18n/vi';

import {
  BORDER,
  HEADER_ROW,
  NOTE_STYLE,
  SheetParts,
  TOTAL_FILL,
  frame,
  landscape,
  sheet,
  wordsOf,
} from './consolidationFrame';

/** The figures of "TTHC các xã", in order: those a commune's Hồ sơ TTHC sums over the period. */
const TTHC_COLUMNS = TTHC_FIGURE_KEYS;

/** One row of "TTHC các xã": the figures, then the on-time rate (blank without a resolved dossier). */
function tthcCells(figures: TthcFigures): CellValue[] {
  return [...TTHC_COLUMNS.map((k) => figures[k]), onTimeRate(figures)];
}

/** The header of "TTHC các xã": the commune, the field, the figures and the on-time rate. */
const TTHC_SHEET_HEADER = (): string[] => [
  'STT',
  CONSOLIDATION_TEXT.tthcUnit,
  TTHC_HEADERS.field,
  ...TTHC_COLUMNS.map((k) => TTHC_HEADERS[k]),
  TTHC_HEADERS.rate,
];

/**
 * Wide enough for "1.234" and "100,0%" in Excel and LibreOffice (no "###"), narrow enough that the 13 columns
 * print one page wide at 12 pt, not shrunk under 9 pt (A4 landscape).
 */
const TTHC_SHEET_WIDTHS = [5, 18, 17, ...TTHC_FIGURE_KEYS.map(() => 8), 9];

/**
 * "TTHC các xã": for every commune with TTHC figures, its fields with a figure for the period and its total,
 * then the province's total; the on-time rate of a commune's total shows in "Tổng hợp các xã" too.
 */
export function buildTthcSheet(c: Consolidation, name: string): SheetSpec {
  const header = TTHC_SHEET_HEADER();
  const widths = TTHC_SHEET_WIDTHS;
  const last = colToLetters(header.length - 1);
  const rateCol = last;
  const firstCount = colToLetters(3);
  const { rows, styles, merges, rowHeights } = frame({
    title: CONSOLIDATION_TEXT.tthcTitle(c.period.subject, wordsOf(c)),
    intro: CONSOLIDATION_TEXT.tthcIntro(c.asOf),
    header,
    widths,
    headerHeight: 80,
  });
  const first = HEADER_ROW + 1;
  let r = first;
  let stt = 0;
  const bold: string[] = [];
  for (const commune of c.communes) {
    if (!commune.tthc) continue;
    stt += 1;
    const start = r;
    for (const f of commune.tthc.byField) {
      rows[r - 1] = [
        r === start ? stt : null,
        r === start ? commune.unit : null,
        f.field,
        ...tthcCells(f.figures),
      ];
      r += 1;
    }
    rows[r - 1] = [
      r === start ? stt : null,
      r === start ? commune.unit : null,
      CONSOLIDATION_TEXT.tthcCommuneTotal(commune.tthc.months),
      ...tthcCells(commune.tthc.totals),
    ];
    bold.push(`C${r}:${last}${r}`);
    rowHeights[start] = rowHeightFor([{ text: commune.unit, widthChars: widths[1] }], BODY_FONT.size);
    r += 1;
  }
  const totalRow = r;
  rows[totalRow - 1] = [
    null,
    CONSOLIDATION_TEXT.tthcTotal(stt, wordsOf(c)),
    null,
    ...tthcCells(c.tthcTotals),
  ];
  merges.push(`B${totalRow}:C${totalRow}`);
  styles.push(
    {
      range: `A${first}:${last}${totalRow}`,
      style: { border: BORDER, alignment: { vertical: 'top', wrap: true } },
    },
    { range: `A${first}:A${totalRow}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
    {
      range: `${firstCount}${first}:${last}${totalRow}`,
      style: { numberFormat: '#,##0', alignment: { horizontal: 'right', vertical: 'top' } },
    },
    {
      range: `${rateCol}${first}:${rateCol}${totalRow}`,
      style: { numberFormat: '0.0%', alignment: { horizontal: 'right', vertical: 'top' } },
    },
    ...bold.map((range) => ({ range, style: { font: { bold: true } } })),
    { range: `A${totalRow}:${last}${totalRow}`, style: { font: { bold: true }, fill: TOTAL_FILL } },
  );
  const end = monthsNote(c, { rows, merges, rowHeights, styles }, totalRow + 2, last, widths);
  return sheet(name, 'communesTthc', rows, header.length, {
    styles,
    merges,
    rowHeights,
    columnWidths: widths,
    page: landscape(last, end ?? totalRow),
  });
}

/**
 * Below "TTHC các xã", where the communes' months with figures differ (one typed January–May, the others
 * January–August): which commune covers which months. Written at `row`; returns it, or null when they agree.
 */
function monthsNote(
  c: Consolidation,
  parts: Pick<SheetParts, 'rows' | 'merges' | 'rowHeights' | 'styles'>,
  row: number,
  last: string,
  widths: number[],
): number | null {
  const withMonths = c.communes.flatMap((x) => (x.tthc ? [{ unit: x.unit, months: x.tthc.months }] : []));
  if (new Set(withMonths.map((x) => x.months.join(','))).size <= 1) return null;
  const note = CONSOLIDATION_TEXT.tthcMonthsDiffer(withMonths);
  parts.rows[row - 1] = [note];
  parts.merges.push(`A${row}:${last}${row}`);
  parts.rowHeights[row] = rowHeightFor(
    [{ text: note, widthChars: widths.reduce((a, b) => a + b, 0) * 0.95 }],
    BODY_FONT.size,
  );
  parts.styles.push({ range: `A${row}`, style: NOTE_STYLE });
  return row;
}
