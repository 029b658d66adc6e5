import { HEADERS, SHEET, STATE_LABEL, STATUS_LABEL, TABLE_NAME, VALIDATION_TEXT } from '../i18n/vi';
import { colToLetters, rangeToA1 } from '../domain/a1';
import { serialFromIso, type IsoDate } from '../domain/dates';
import type { PlannedTask } from '../domain/schedule';
import { COLUMN_KEYS, type ColumnKey, type Task } from '../domain/tracker';
import { leadListSource, sectionListSource, statusListSource } from './listsSheet';
import { BODY_FONT, STATE_COLORS, TABLE_HEADER_STYLE } from './palette';
import { settingRef } from './settingsSheet';
import { tablePageSetup } from './pageSetup';
import type {
  CellValue,
  ConditionalFormatSpec,
  FormulaCell,
  SheetSpec,
  StyleRun,
  ValidationSpec,
} from './spec';
import { stateFormula } from './stateFormula';
import { rowHeightFor } from './textLayout';

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
 * Column widths (Excel's character units), chosen for paper: printed A4 landscape one page wide (see
 * tablePageSetup), the 161 characters of all twelve columns scale to about 86%, so the 12 pt text prints
 * at about 10.3 pt (measured in LibreOffice's PDF by test/interop/tracker-print.test.ts; at the old 260
 * characters it was 6.3 pt). Every column prints; long texts wrap. The widths follow the plan's texts: the
 * task gets the most, the plan's own timeline wording and notes (long for continuous tasks) enough not to
 * make rows tall, dates and states just what their values need.
 */
const WIDTHS: Record<ColumnKey, number> = {
  stt: 5,
  section: 6,
  task: 35,
  lead: 13,
  coordinators: 12,
  timeline: 15,
  deadline: 11,
  status: 10,
  completedOn: 11,
  evidence: 19,
  note: 14,
  deadlineState: 10,
};

/** Column widths of a new tracker, in characters, in column order (for tests that measure the print). */
export function trackerColumnWidths(): Record<ColumnKey, number> {
  return { ...WIDTHS };
}

/** Column letter of a key in a new tracker ("deadline" → "G"). */
export function trackerColumn(key: ColumnKey): string {
  return colToLetters(COLUMN_KEYS.indexOf(key));
}

/** The Tình trạng hạn formula of sheet row `row` (1-based) of a new tracker. */
function trackerStateFormula(row: number): string {
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

/** A seed's cells, in the tracker's column order; the state is the formula's. */
function seedRow(s: TrackerSeed): CellValue[] {
  const value: Record<ColumnKey, CellValue> = {
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
  return COLUMN_KEYS.map((k) => value[k]);
}

/** The data cells of rows 2…lastRow of a column ("G2:G60"). */
function dataRange(k: ColumnKey, lastRow: number): string {
  return `${trackerColumn(k)}2:${trackerColumn(k)}${lastRow}`;
}

/** Every row's height: the header's, and each row's estimated from its wrapped texts. */
function trackerRowHeights(cells: readonly CellValue[][]): Record<number, number> {
  const rowHeights: Record<number, number> = { 1: 32 };
  cells.forEach((values, i) => {
    if (i === 0) return;
    const texts = COLUMN_KEYS.map((k, c) => ({
      text: typeof values[c] === 'string' ? (values[c] as string) : '',
      widthChars: WIDTHS[k],
    }));
    rowHeights[i + 1] = rowHeightFor(texts, BODY_FONT.size);
  });
  return rowHeights;
}

/** The header's look, the texts kept as typed ("@"), dates as dd/mm/yyyy, every cell wrapped at the top. */
function trackerStyles(lastRow: number): StyleRun[] {
  const lastCol = COLUMN_KEYS.length - 1;
  const data = (k: ColumnKey): string => dataRange(k, lastRow);
  return [
    { range: rangeToA1(0, 0, 0, lastCol), style: TABLE_HEADER_STYLE },
    { range: rangeToA1(1, 0, lastRow - 1, lastCol), style: { alignment: { vertical: 'top', wrap: true } } },
    { range: data('stt'), style: { alignment: { horizontal: 'center', vertical: 'top' } } },
    {
      range: data('section'),
      style: { alignment: { horizontal: 'center', vertical: 'top' }, numberFormat: '@' },
    },
    ...(['task', 'lead', 'coordinators', 'timeline', 'evidence', 'note'] as const).map((k) => ({
      range: data(k),
      style: { numberFormat: '@' },
    })),
    ...(['deadline', 'completedOn'] as const).map((k) => ({
      range: data(k),
      style: {
        numberFormat: 'dd/mm/yyyy',
        alignment: { horizontal: 'center' as const, vertical: 'top' as const },
      },
    })),
  ];
}

/** Mục, Cơ quan chủ trì and Trạng thái from Danh mục's lists; the two dates within five years of `year`. */
function trackerValidations(lastRow: number, year: number): ValidationSpec[] {
  const data = (k: ColumnKey): string => dataRange(k, lastRow);
  const text = VALIDATION_TEXT.tracker;
  return [
    {
      range: data('section'),
      rule: { type: 'list', source: sectionListSource() },
      allowBlank: false,
      prompt: { title: HEADERS.section, message: text.sectionPrompt },
      error: { title: text.sectionTitle, message: text.sectionMessage, style: 'warning' },
    },
    {
      range: data('lead'),
      rule: { type: 'list', source: leadListSource() },
      allowBlank: false,
      prompt: { title: HEADERS.lead, message: text.leadPrompt },
      error: { title: text.leadTitle, message: text.leadMessage, style: 'warning' },
    },
    {
      range: data('status'),
      rule: { type: 'list', source: statusListSource() },
      allowBlank: true,
      error: {
        title: text.statusTitle,
        message: text.statusMessage(STATUS_LABEL.notStarted, STATUS_LABEL.inProgress, STATUS_LABEL.done),
        style: 'stop',
      },
    },
    ...(['deadline', 'completedOn'] as const).map((k): ValidationSpec => ({
      range: data(k),
      rule: { type: 'date', min: `${year - 5}-01-01`, max: `${year + 5}-12-31` },
      allowBlank: true,
      prompt: { title: HEADERS[k], message: text.datePrompt },
      error: { title: text.dateTitle, message: text.dateMessage(year - 5, year + 5), style: 'stop' },
    })),
  ];
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
  const header = COLUMN_KEYS.map((k) => HEADERS[k]);
  const cells: CellValue[][] = [header];
  const formulas: FormulaCell[] = [];
  for (let i = 0; i < n; i++) {
    const s = seeds[i];
    const row = i + 2;
    cells.push(s ? seedRow(s) : COLUMN_KEYS.map(() => null));
    formulas.push({ cell: `${trackerColumn('deadlineState')}${row}`, formula: trackerStateFormula(row) });
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
    columnWidths: COLUMN_KEYS.map((k) => WIDTHS[k]),
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
