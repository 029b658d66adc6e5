/**
 * The sheets of a consolidation of many communes, as values (a dated snapshot, like a report): "Tổng hợp các
 * xã" (one row per commune, a total row, the weakest communes standing out), "Nhiệm vụ quá hạn" (every overdue
 * task of every commune) and "Tệp không đọc được" (every file not used, and why). Each prints on A4 landscape,
 * every column on one page wide, its header row repeated on every page (the frame they share is
 * consolidationFrame.ts; "TTHC các xã" is consolidationTthcSheet.ts).
 */
import {
  COMMUNES_HEADER,
  CONSOLIDATION_REASON,
  CONSOLIDATION_TEXT,
  FAILED_HEADER,
  OVERDUE_HEADER,
} from '../i18n/consolidation';
import { colToLetters } from '../domain/a1';
import type { CommuneReport, Consolidation, OverdueTask } from '../domain/consolidation';
import { byUnit } from '../domain/consolidation';
import { serialFromIso } from '../domain/dates';
import { REPORT_STATES, type StateCounts } from '../domain/rollup';
import { BODY_FONT, STATE_COLORS } from './palette';
import type { CellValue, ConditionalFormatSpec, DataBarSpec, SheetSpec } from './spec';
import { rowHeightFor } from './textLayout';

import {
  BORDER,
  HEADER_ROW,
  NOTE_STYLE,
  RATE_FORMAT,
  SheetParts,
  TOTAL_FILL,
  frame,
  landscape,
  sheet,
  shortFileNames,
  wordsOf,
} from './consolidationFrame';
import { buildTthcSheet } from './consolidationTthcSheet';
/** The names of one consolidation's sheets (a suffix " (2)"… where earlier ones were edited). */
export interface ConsolidationSheetNames {
  communes: string;
  overdue: string;
  failed: string;
  /** "TTHC các xã", written only when some commune has TTHC figures. */
  tthc: string;
}

type CommuneColumn = keyof typeof COMMUNES_HEADER;

/** Column widths in characters. */
const COMMUNE_WIDTHS: Record<CommuneColumn, number> = {
  stt: 5,
  unit: 22,
  year: 6,
  tasks: 9,
  doneOnTime: 9,
  doneLate: 9,
  overdue: 8,
  dueSoon: 8,
  onTrack: 8,
  ongoing: 9,
  notYetInPeriod: 8,
  dataError: 8,
  rateOnTime: 10,
  rateDue: 11,
  rate: 9,
  tthcRate: 10,
  ownReport: 12,
  file: 20,
};

/** The columns that are a commune's counts: every field of the domain's StateCounts. */
const COUNT_COLUMNS = [
  'tasks',
  ...REPORT_STATES,
  'rateOnTime',
  'rateDue',
] as const satisfies readonly (CommuneColumn & keyof StateCounts)[];

/**
 * How many of the weakest communes stand out among `n` with a rate (those below the province's rate among
 * them): a tenth, at least one (ties in). The sheet's rule computes the same with MAX(1,ROUND(COUNT(…)/10,0)).
 */
export function weakestCount(n: number): number {
  return Math.max(1, Math.round(n / 10));
}

/**
 * True on a row of "Tổng hợp các xã" whose commune is weak: its completion rate is among the weakestCount
 * lowest (ties included) and below the province's rate (the total row's). As a conditional format it is written for
 * the first row; its row references follow each row, as Excel moves a relative reference.
 */
export function weakRowFormula(
  rateCol: string,
  row: number,
  rows: { first: number; last: number; total: number },
): string {
  const rate = `$${rateCol}${row}`;
  const rates = `$${rateCol}$${rows.first}:$${rateCol}$${rows.last}`;
  return `=AND(ISNUMBER(${rate}),${rate}<$${rateCol}$${rows.total},COUNTIF(${rates},"<"&${rate})<MAX(1,ROUND(COUNT(${rates})/10,0)))`;
}

/** The day the commune compiled its own report of the period, or that it has not. */
const ownReportText = (c: CommuneReport): string =>
  c.ownReport ? CONSOLIDATION_TEXT.ownReportDone(c.ownReport.day) : CONSOLIDATION_TEXT.ownReportMissing;

/** "Tổng hợp các xã": one row per commune, sorted by unit name, then the province's total. */
export function buildCommunesSheet(c: Consolidation, name: string): SheetSpec {
  const columns = (Object.keys(COMMUNES_HEADER) as CommuneColumn[]).filter(
    (k) => k !== 'tthcRate' || c.hasTthc,
  );
  const widths = columns.map((k) => COMMUNE_WIDTHS[k]);
  const files = shortFileNames(c.communes.map((x) => x.file));
  const words = wordsOf(c);
  const t: CommunesTable = {
    columns,
    col: (k) => colToLetters(columns.indexOf(k)),
    last: colToLetters(columns.length - 1),
    ...frame({
      title: CONSOLIDATION_TEXT.title(c.period.subject, words),
      intro: CONSOLIDATION_TEXT.intro(
        c.asOf,
        c.communes.length,
        c.failed.length + droppedCount(c),
        files.folder,
        words,
      ),
      header: columns.map((k) => COMMUNES_HEADER[k]),
      widths,
      headerHeight: 80,
    }),
  };
  const first = HEADER_ROW + 1;
  writeCommuneRows(t, c, files.names, first);
  const totalRow = writeCommunesTotal(t, c, first);
  styleCommunesTable(t, c.hasTthc, first, totalRow);
  const { conditionalFormats, dataBars } = communesHighlights(t, c, first, totalRow);
  let row = totalRow + 2;
  for (const note of CONSOLIDATION_TEXT.notes) {
    t.rows[row - 1] = [note];
    t.merges.push(`A${row}:${t.last}${row}`);
    t.rowHeights[row] = rowHeightFor(
      [{ text: note, widthChars: widths.reduce((a, b) => a + b, 0) * 0.95 }],
      BODY_FONT.size,
    );
    t.styles.push({ range: `A${row}`, style: NOTE_STYLE });
    row += 1;
  }
  return sheet(name, 'communes', t.rows, columns.length, {
    styles: t.styles,
    merges: t.merges,
    rowHeights: t.rowHeights,
    conditionalFormats,
    dataBars,
    columnWidths: widths,
    page: landscape(t.last, row - 1),
  });
}

/** "Tổng hợp các xã" as it is written: its columns (the TTHC rate only when some commune has it) and parts. */
interface CommunesTable extends SheetParts {
  columns: CommuneColumn[];
  /** The column letter of a column. */
  col: (k: CommuneColumn) => string;
  /** The last column's letter. */
  last: string;
}

/** A row's cells in the table's columns. */
const communeLine = (t: CommunesTable, values: Partial<Record<CommuneColumn, CellValue>>): CellValue[] =>
  t.columns.map((k) => values[k] ?? null);

/** The counts and completion rate of a row. */
function communeFigures(counts: StateCounts, rate: number | null): Partial<Record<CommuneColumn, CellValue>> {
  const out: Partial<Record<CommuneColumn, CellValue>> = { rate };
  for (const k of COUNT_COLUMNS) out[k] = counts[k];
  return out;
}

/** One row per commune from row `first`, as tall as its wrapped unit, file and report texts. */
function writeCommuneRows(t: CommunesTable, c: Consolidation, fileNames: string[], first: number): void {
  c.communes.forEach((commune, i) => {
    const r = first + i;
    t.rows[r - 1] = communeLine(t, {
      stt: i + 1,
      unit: commune.unit,
      year: commune.year,
      ...communeFigures(commune.totals, commune.completionRate),
      tthcRate: commune.tthcOnTimeRate,
      ownReport: ownReportText(commune),
      file: fileNames[i],
    });
    t.rowHeights[r] = rowHeightFor(
      [
        { text: commune.unit, widthChars: COMMUNE_WIDTHS.unit },
        { text: fileNames[i], widthChars: COMMUNE_WIDTHS.file },
        { text: ownReportText(commune), widthChars: COMMUNE_WIDTHS.ownReport },
      ],
      BODY_FONT.size,
    );
  });
}

/** The province's total under the communes (under "no commune" when there is none). Returns its row. */
function writeCommunesTotal(t: CommunesTable, c: Consolidation, first: number): number {
  let totalRow = first + c.communes.length;
  if (c.communes.length === 0) {
    t.rows[first - 1] = [CONSOLIDATION_TEXT.noCommune];
    t.merges.push(`A${first}:${t.last}${first}`);
    totalRow += 1;
  }
  const total = CONSOLIDATION_TEXT.total(c.communes.length, wordsOf(c));
  t.rows[totalRow - 1] = communeLine(t, {
    unit: total,
    ...communeFigures(c.totals, c.completionRate),
    tthcRate: c.tthcOnTimeRate,
  });
  t.rowHeights[totalRow] = rowHeightFor([{ text: total, widthChars: COMMUNE_WIDTHS.unit }], BODY_FONT.size);
  return totalRow;
}

/** Borders, alignment and number formats of rows `first`…`totalRow`, and the total row's colour. */
function styleCommunesTable(t: CommunesTable, hasTthc: boolean, first: number, totalRow: number): void {
  const { col, last } = t;
  t.styles.push(
    { range: `A${first}:${last}${totalRow}`, style: { border: BORDER, alignment: { vertical: 'top' } } },
    { range: `A${first}:A${totalRow}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
    {
      range: `${col('unit')}${first}:${col('unit')}${totalRow}`,
      style: { alignment: { vertical: 'top', wrap: true } },
    },
    {
      range: `${col('year')}${first}:${col('rateDue')}${totalRow}`,
      style: { numberFormat: '0', alignment: { horizontal: 'center', vertical: 'top' } },
    },
    {
      range: `${col('rate')}${first}:${col('rate')}${totalRow}`,
      style: { numberFormat: RATE_FORMAT, alignment: { horizontal: 'center', vertical: 'top' } },
    },
    {
      range: `${col('ownReport')}${first}:${col('ownReport')}${totalRow}`,
      style: { alignment: { horizontal: 'center', vertical: 'top', wrap: true } },
    },
    {
      range: `${col('file')}${first}:${col('file')}${totalRow}`,
      style: { font: { color: '595959' }, alignment: { vertical: 'top', wrap: true } },
    },
    { range: `A${totalRow}:${last}${totalRow}`, style: { font: { bold: true }, fill: TOTAL_FILL } },
  );
  if (hasTthc)
    t.styles.push({
      range: `${col('tthcRate')}${first}:${col('tthcRate')}${totalRow}`,
      style: { numberFormat: RATE_FORMAT, alignment: { horizontal: 'center', vertical: 'top' } },
    });
}

/**
 * What stands out: a report not compiled (amber), overdue tasks and the weakest communes (red), and a data
 * bar on the rates. None when there is no commune.
 */
function communesHighlights(
  t: CommunesTable,
  c: Consolidation,
  first: number,
  totalRow: number,
): { conditionalFormats: ConditionalFormatSpec[]; dataBars: DataBarSpec[] } {
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const dataBars: DataBarSpec[] = [];
  if (c.communes.length === 0) return { conditionalFormats, dataBars };
  const { col, last } = t;
  const lastData = totalRow - 1;
  const rate = col('rate');
  const red = STATE_COLORS.overdue;
  const amber = STATE_COLORS.dueSoon;
  // First match wins where rules overlap: the report and overdue cells keep their colour on a weak row.
  conditionalFormats.push(
    {
      range: `${col('ownReport')}${first}:${col('ownReport')}${lastData}`,
      formula: `=$${col('ownReport')}${first}="${CONSOLIDATION_TEXT.ownReportMissing}"`,
      fill: amber?.fill,
      fontColor: amber?.font,
    },
    {
      range: `${col('overdue')}${first}:${col('overdue')}${lastData}`,
      formula: `=$${col('overdue')}${first}>0`,
      fill: red?.fill,
      fontColor: red?.font,
    },
    {
      // Among the WEAKEST lowest rates (ties included) and below the province's rate.
      range: `A${first}:${last}${lastData}`,
      formula: weakRowFormula(rate, first, { first, last: lastData, total: totalRow }),
      fill: red?.fill,
      fontColor: red?.font,
    },
  );
  dataBars.push({ range: `${rate}${first}:${rate}${totalRow}`, color: '63BE7B', min: 0, max: 1 });
  return { conditionalFormats, dataBars };
}

/** Ghi chú of an overdue task: what the commune wrote, then the data-error remark where the row has one. */
function overdueNote(t: OverdueTask): string {
  return [t.note.trim(), t.dataError ? CONSOLIDATION_TEXT.overdueDataError : '']
    .filter((x) => x !== '')
    .join('\n');
}

/** "Nhiệm vụ quá hạn": every overdue task of every commune, by commune, the latest first. */
function buildOverdueSheet(c: Consolidation, name: string): SheetSpec {
  // The commune's own Ghi chú is carried (its evidence, its reasons), so its column is as wide as a lead's.
  const widths = [5, 20, 7, 42, 20, 11, 9, 10, 24];
  const last = colToLetters(OVERDUE_HEADER.length - 1);
  const { rows, styles, merges, rowHeights } = frame({
    title: CONSOLIDATION_TEXT.overdueTitle(c.period.subject, c.asOf, wordsOf(c)),
    header: OVERDUE_HEADER,
    widths,
    headerHeight: 50,
  });
  const first = HEADER_ROW + 1;
  let r = first;
  for (const commune of [...c.communes].sort(byUnit)) {
    for (const t of commune.overdue) {
      const note = overdueNote(t);
      rows[r - 1] = [
        r - first + 1,
        commune.unit,
        t.section,
        t.task,
        t.lead,
        serialFromIso(t.deadline),
        t.daysLate,
        t.row,
        note === '' ? null : note,
      ];
      rowHeights[r] = rowHeightFor(
        [
          { text: commune.unit, widthChars: widths[1] },
          { text: t.task, widthChars: widths[3] },
          { text: t.lead, widthChars: widths[4] },
          { text: note, widthChars: widths[8] },
        ],
        BODY_FONT.size,
      );
      r += 1;
    }
  }
  if (r === first) {
    rows[r - 1] = [CONSOLIDATION_TEXT.overdueNone];
    merges.push(`A${r}:${last}${r}`);
    r += 1;
  } else {
    const end = r - 1;
    styles.push(
      {
        range: `A${first}:${last}${end}`,
        style: { border: BORDER, alignment: { vertical: 'top', wrap: true } },
      },
      { range: `A${first}:A${end}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
      { range: `C${first}:C${end}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
      {
        range: `F${first}:F${end}`,
        style: { numberFormat: 'dd/mm/yyyy', alignment: { horizontal: 'center', vertical: 'top' } },
      },
      {
        range: `G${first}:H${end}`,
        style: { numberFormat: '0', alignment: { horizontal: 'center', vertical: 'top' } },
      },
      {
        range: `I${first}:I${end}`,
        style: { font: { italic: true }, alignment: { vertical: 'top', wrap: true } },
      },
    );
  }
  return sheet(name, 'communesOverdue', rows, OVERDUE_HEADER.length, {
    styles,
    merges,
    rowHeights,
    columnWidths: widths,
    page: landscape(last, r - 1),
  });
}

function droppedCount(c: Consolidation): number {
  return c.duplicates.reduce((n, d) => n + d.dropped.length, 0);
}

/** Every file not used and why, in one list: files that failed, then files of a commune sent twice. */
export function notUsedFiles(c: Consolidation): { file: string; reason: string }[] {
  const dropped = c.duplicates.flatMap((d) => {
    const kept = c.communes.find((x) => x.file === d.kept);
    return d.dropped.map((x) => ({
      file: x.file,
      reason: CONSOLIDATION_REASON.duplicate(
        d.unit,
        d.kept,
        x.decidedBy,
        (x.decidedBy === 'compiledAt' ? kept?.compiledAt : kept?.fileTime) ?? undefined,
      ),
    }));
  });
  return [...c.failed, ...dropped];
}

/** "Tệp không đọc được": every file that could not be used, and why. */
function buildFailedSheet(c: Consolidation, name: string): SheetSpec {
  const widths = [5, 45, 95];
  const last = colToLetters(FAILED_HEADER.length - 1);
  const { rows, styles, merges, rowHeights } = frame({
    title: CONSOLIDATION_TEXT.failedTitle(c.period.subject),
    header: FAILED_HEADER,
    widths,
    headerHeight: 20,
  });
  const first = HEADER_ROW + 1;
  const list = notUsedFiles(c);
  list.forEach((f, i) => {
    rows[first + i - 1] = [i + 1, f.file, f.reason];
    rowHeights[first + i] = rowHeightFor(
      [
        { text: f.file, widthChars: widths[1] },
        { text: f.reason, widthChars: widths[2] },
      ],
      BODY_FONT.size,
    );
  });
  let end = first + list.length - 1;
  if (list.length === 0) {
    rows[first - 1] = [CONSOLIDATION_TEXT.failedNone];
    merges.push(`A${first}:${last}${first}`);
    end = first;
  } else
    styles.push(
      {
        range: `A${first}:${last}${end}`,
        style: { border: BORDER, alignment: { vertical: 'top', wrap: true } },
      },
      { range: `A${first}:A${end}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
    );
  return sheet(name, 'communesFailed', rows, FAILED_HEADER.length, {
    styles,
    merges,
    rowHeights,
    columnWidths: widths,
    page: landscape(last, end),
  });
}

/** The consolidation's sheets, in tab order. */
export function buildConsolidationSheets(c: Consolidation, names: ConsolidationSheetNames): SheetSpec[] {
  return [
    buildCommunesSheet(c, names.communes),
    buildOverdueSheet(c, names.overdue),
    ...(c.hasTthc ? [buildTthcSheet(c, names.tthc)] : []),
    buildFailedSheet(c, names.failed),
  ];
}
