import { SHEET, STATE_LABEL, STATUS_LABEL, TABLE_NAME, VALIDATION_TEXT } from '../i18n/vi';
import { colToLetters, rangeToA1 } from '../domain/a1';
import { serialFromIso, type IsoDate } from '../domain/dates';
import type { PlannedTask } from '../domain/schedule';
import { COLUMN_KEYS, columnEntry, type ColumnKey, type Task } from '../domain/tracker';
import type { ColumnFormat, ColumnValidation } from '../domain/trackerColumns';
import { leadListSource, sectionListSource, statusListSource } from './listsSheet';
import { BODY_FONT, STATE_COLORS, TABLE_HEADER_STYLE } from './palette';
import { settingRef } from './settingsSheet';
import { tablePageSetup } from './pageSetup';
import type {
  CellStyle,
  CellValue,
  ConditionalFormatSpec,
  FormulaCell,
  SheetSpec,
  StyleRun,
  ValidationSpec,
} from './spec';
import { stateFormula } from './stateFormula';
import { estimateLines, heightOfLines } from './textLayout';

/**
 * A row as the tracker is first written: the columns of a task (the domain's Task, as it is read back), with the
 * number as a number, the status as its label, and what the plan leaves blank (status, completion, evidence)
 * optional.
 */
export type TrackerSeed = Pick<
  Task,
  'section' | 'task' | 'lead' | 'coordinators' | 'timeline' | 'deadline' | 'note'
> &
  Partial<Pick<Task, 'completedOn' | 'evidence'>> & { stt: number; status?: string };

/**
 * Column widths (Excel's character units, from the columns' table: domain/trackerColumns.ts), chosen for
 * paper: printed A4 landscape one page wide (see tablePageSetup), the 161 characters of all twelve columns
 * scale to about 86%, so the 12 pt text prints at about 10.3 pt (measured in LibreOffice's PDF by
 * test/interop/tracker-print.test.ts; at the old 260 characters it was 6.3 pt). Every column prints; long
 * texts wrap. The widths follow the plan's texts: the task gets the most, the plan's own timeline wording and
 * notes (long for continuous tasks) enough not to make rows tall, dates and states just what their values need.
 */
const widthOf = (k: ColumnKey): number => columnEntry(k).width;

/** Column widths of a new tracker, in characters, in column order (for tests that measure the print). */
export function trackerColumnWidths(): Record<ColumnKey, number> {
  return Object.fromEntries(COLUMN_KEYS.map((k) => [k, widthOf(k)])) as Record<ColumnKey, number>;
}

/** Column letter of a key in a new tracker ("deadline" → "G"). */
export function trackerColumn(key: ColumnKey): string {
  return colToLetters(COLUMN_KEYS.indexOf(key));
}

/**
 * The Tình trạng hạn formula of sheet row `row` (1-based) of a new tracker: the formula of every row is the same
 * text around its row number, cut once. Made afresh for each row it was 5 KB of small strings, 20,000 times.
 */
function trackerStateFormula(row: number): string {
  statePieces ??= stateFormulaAt(ROW_MARK).split(ROW_MARK);
  return statePieces.join(String(row));
}

/**
 * The Tình trạng hạn cell of sheet row `row`, its formula made each time it is read (an enumerable property, as
 * a plain one). The table's calculated column holds that formula for every row, and the .xlsx adapter writes
 * the column's (sheetWriter.ts): made at once, 20,000 rows' formulas were 67 MB kept until the sheet was
 * written, and never written.
 */
function stateFormulaCell(row: number): FormulaCell {
  stateColumn ??= trackerColumn('deadlineState');
  return Object.defineProperty({ cell: `${stateColumn}${row}` }, 'formula', STATE_FORMULA) as FormulaCell;
}

let stateColumn: string | undefined;

/** One getter for every row's cell (one shape for them all): the row is the cell's own. */
const STATE_FORMULA: PropertyDescriptor = {
  enumerable: true,
  get(this: { cell: string }): string {
    return trackerStateFormula(Number(this.cell.slice((stateColumn as string).length)));
  },
};

/** Where the row number goes in the state formula: NUL is in no formula, so it is nowhere else. */
const ROW_MARK = '\u0000';
let statePieces: string[] | undefined;

function stateFormulaAt(row: string): string {
  const c = (k: ColumnKey): string => `${trackerColumn(k)}${row}`;
  return stateFormula({
    task: c('task'),
    deadline: c('deadline'),
    status: c('status'),
    completedOn: c('completedOn'),
    warningDays: settingRef('warningDays'),
  });
}

function serialOrNull(iso: IsoDate | null | undefined): number | null {
  return iso ? serialFromIso(iso) : null;
}

/** A seed's cells, in the tracker's column order; the state is the formula's, a column the seed lacks blank. */
function seedRow(s: TrackerSeed): CellValue[] {
  const value: Partial<Record<ColumnKey, CellValue>> = {
    stt: s.stt,
    section: s.section,
    task: s.task,
    lead: s.lead,
    coordinators: s.coordinators,
    timeline: s.timeline,
    deadline: serialOrNull(s.deadline),
    status: s.status ?? STATUS_LABEL.notStarted,
    completedOn: serialOrNull(s.completedOn),
    evidence: s.evidence ?? '',
    note: s.note,
    deadlineState: null,
  };
  return COLUMN_KEYS.map((k) => value[k] ?? null);
}

/** The data cells of rows 2…lastRow of a column ("G2:G60"). */
function dataRange(k: ColumnKey, lastRow: number): string {
  return `${trackerColumn(k)}2:${trackerColumn(k)}${lastRow}`;
}

/** Every row's height: the header's, and each row's estimated from its wrapped texts. */
function trackerRowHeights(cells: readonly CellValue[][]): Record<number, number> {
  const rowHeights: Record<number, number> = { 1: 32 };
  const widths = COLUMN_KEYS.map(widthOf);
  cells.forEach((values, i) => {
    if (i === 0) return;
    let lines = 1;
    widths.forEach((widthChars, c) => {
      const text = values[c];
      if (typeof text === 'string' && text !== '')
        lines = Math.max(lines, estimateLines(text, widthChars, BODY_FONT.size));
    });
    rowHeights[i + 1] = heightOfLines(lines, BODY_FONT.size);
  });
  return rowHeights;
}

/** The largest amount a column of amounts takes (its validation's bound; Excel's precision is 15 digits). */
const AMOUNT_MAX = 1e12;

/** Each column format's look, in the order the style runs are written. */
const FORMAT_STYLES: readonly [ColumnFormat, CellStyle][] = [
  ['number', { alignment: { horizontal: 'center', vertical: 'top' } }],
  ['code', { alignment: { horizontal: 'center', vertical: 'top' }, numberFormat: '@' }],
  ['text', { numberFormat: '@' }],
  ['date', { numberFormat: 'dd/mm/yyyy', alignment: { horizontal: 'center', vertical: 'top' } }],
  ['amount', { numberFormat: '#,##0.0', alignment: { horizontal: 'right', vertical: 'top' } }],
];

/** The header's look, the texts kept as typed ("@"), dates as dd/mm/yyyy, every cell wrapped at the top. */
function trackerStyles(lastRow: number): StyleRun[] {
  const lastCol = COLUMN_KEYS.length - 1;
  return [
    { range: rangeToA1(0, 0, 0, lastCol), style: TABLE_HEADER_STYLE },
    { range: rangeToA1(1, 0, lastRow - 1, lastCol), style: { alignment: { vertical: 'top', wrap: true } } },
    ...FORMAT_STYLES.flatMap(([format, style]) =>
      COLUMN_KEYS.filter((k) => columnEntry(k).format === format).map((k) => ({
        range: dataRange(k, lastRow),
        style,
      })),
    ),
  ];
}

/** A column's validation, as its entry names it. */
function columnValidation(k: ColumnKey, lastRow: number, year: number): ValidationSpec | null {
  const range = dataRange(k, lastRow);
  const text = VALIDATION_TEXT.tracker;
  const header = columnEntry(k).header;
  switch (columnEntry(k).validation) {
    case 'section':
      return {
        range,
        rule: { type: 'list', source: sectionListSource() },
        allowBlank: false,
        prompt: { title: header, message: text.sectionPrompt },
        error: { title: text.sectionTitle, message: text.sectionMessage, style: 'warning' },
      };
    case 'lead':
      return {
        range,
        rule: { type: 'list', source: leadListSource() },
        allowBlank: false,
        prompt: { title: header, message: text.leadPrompt },
        error: { title: text.leadTitle, message: text.leadMessage, style: 'warning' },
      };
    case 'status':
      return {
        range,
        rule: { type: 'list', source: statusListSource() },
        allowBlank: true,
        error: {
          title: text.statusTitle,
          message: text.statusMessage(STATUS_LABEL.notStarted, STATUS_LABEL.inProgress, STATUS_LABEL.done),
          style: 'stop',
        },
      };
    case 'date':
      return {
        range,
        rule: { type: 'date', min: `${year - 5}-01-01`, max: `${year + 5}-12-31` },
        allowBlank: true,
        prompt: { title: header, message: text.datePrompt },
        error: { title: text.dateTitle, message: text.dateMessage(year - 5, year + 5), style: 'stop' },
      };
    case 'amount':
      return {
        range,
        rule: { type: 'decimal', min: 0, max: AMOUNT_MAX },
        allowBlank: true,
        error: { title: text.amountTitle, message: text.amountMessage, style: 'stop' },
      };
    case null:
      return null;
  }
}

/** The validation kinds in the order they are written (lists first, then dates). */
const VALIDATION_ORDER: readonly ColumnValidation[] = ['section', 'lead', 'status', 'date', 'amount'];

/** Each column's validation as its entry says: Mục, Cơ quan chủ trì, Trạng thái from lists, dates in range. */
function trackerValidations(lastRow: number, year: number): ValidationSpec[] {
  return VALIDATION_ORDER.flatMap((v) =>
    COLUMN_KEYS.filter((k) => columnEntry(k).validation === v).flatMap((k) => {
      const spec = columnValidation(k, lastRow, year);
      return spec ? [spec] : [];
    }),
  );
}

/** Each row coloured by the state its Tình trạng hạn shows (the first that matches wins). */
function trackerConditionalFormats(lastRow: number): ConditionalFormatSpec[] {
  const all = rangeToA1(1, 0, lastRow - 1, COLUMN_KEYS.length - 1);
  const stateCell = `$${trackerColumn('deadlineState')}2`;
  return (['dataError', 'overdue', 'dueSoon', 'doneLate', 'doneOnTime'] as const).map((state) => {
    const color = STATE_COLORS[state];
    return {
      range: all,
      formula: `=${stateCell}="${STATE_LABEL[state]}"`,
      fill: color?.fill,
      fontColor: color?.font,
      stopIfTrue: true,
    };
  });
}

/**
 * "Nhiệm vụ": an Excel table of the tasks, with dropdowns (Cơ quan chủ trì from Danh mục, Trạng thái),
 * date validation, the Tình trạng hạn formula in every row (a calculated column, so rows added to the table
 * get it), conditional formatting of each row by its state, a frozen header and A4 landscape printing with
 * the header repeated.
 */
export function buildTrackerSheet(seeds: readonly TrackerSeed[], year: number): SheetSpec {
  const n = Math.max(seeds.length, 1);
  const lastRow = n + 1;
  const header = COLUMN_KEYS.map((k) => columnEntry(k).header);
  const cells: CellValue[][] = [header];
  const formulas: FormulaCell[] = [];
  for (let i = 0; i < n; i++) {
    const s = seeds[i];
    const row = i + 2;
    cells.push(s ? seedRow(s) : COLUMN_KEYS.map(() => null));
    formulas.push(stateFormulaCell(row));
  }
  return {
    name: SHEET.tracker,
    kind: 'tracker',
    defaultFont: BODY_FONT,
    cells,
    formulas,
    table: {
      name: TABLE_NAME,
      range: rangeToA1(0, 0, lastRow - 1, COLUMN_KEYS.length - 1),
      columns: header,
      style: 'TableStyleLight9',
      calculatedColumns: [{ column: COLUMN_KEYS.indexOf('deadlineState'), formula: trackerStateFormula(2) }],
    },
    styles: trackerStyles(lastRow),
    columnWidths: COLUMN_KEYS.map(widthOf),
    rowHeights: trackerRowHeights(cells),
    autoRowHeights: true,
    validations: trackerValidations(lastRow, year),
    conditionalFormats: trackerConditionalFormats(lastRow),
    freeze: { rows: 1, columns: 0 },
    page: tablePageSetup(),
  };
}

export function seedsFromPlan(tasks: readonly PlannedTask[]): TrackerSeed[] {
  return tasks.map((t) => ({ ...t }));
}
