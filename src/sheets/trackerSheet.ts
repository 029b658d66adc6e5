import { HEADERS, SHEET, STATE_LABEL, STATUS_LABEL, TABLE_NAME, VALIDATION_TEXT } from '../i18n/vi';
import { colToLetters, rangeToA1 } from '../domain/a1';
import { serialFromIso, type IsoDate } from '../domain/dates';
import type { PlannedTask } from '../domain/schedule';
import { COLUMN_KEYS, type ColumnKey } from '../domain/tracker';
import { leadListSource, sectionListSource, statusListSource } from './listsSheet';
import { BODY_FONT, HEADER_FILL, HEADER_FONT, STATE_COLORS } from './palette';
import { settingRef } from './settingsSheet';
import type { CellValue, ConditionalFormatSpec, FormulaCell, PageSetupSpec, SheetSpec } from './spec';
import { stateFormula } from './stateFormula';
import { rowHeightFor } from './textLayout';

/** A row as the tracker is first written. */
export interface TrackerSeed {
  stt: number;
  section: string;
  task: string;
  lead: string;
  coordinators: string;
  timeline: string;
  deadline: IsoDate | null;
  note: string;
  status?: string;
  completedOn?: IsoDate | null;
  evidence?: string;
}

/**
 * Column widths (Excel's character units), chosen for paper: printed A4 landscape one page wide (see
 * trackerPageSetup), the 161 characters of all twelve columns scale to about 86%, so the 12 pt text prints
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

/**
 * How "Nhiệm vụ" prints: A4 landscape, all columns one page wide (rows run on as many pages as they need), the
 * header row repeated on every page, "Trang x/y" at the top. Legible because of the widths above, not by
 * leaving columns out: an officer's printed tracker has every column.
 */
export function trackerPageSetup(): PageSetupSpec {
  return {
    paper: 'A4',
    orientation: 'landscape',
    margins: { top: 15, bottom: 12, left: 10, right: 10, header: 8, footer: 8 },
    printTitleRows: '1:1',
    fitToWidth: true,
    header: { center: 'Trang &P/&N', differentFirstPage: false },
  };
}

/** Column widths of a new tracker, in characters, in column order (for tests that measure the print). */
export function trackerColumnWidths(): Record<ColumnKey, number> {
  return { ...WIDTHS };
}

/** Column letter of a key in a new tracker ("deadline" → "G"). */
export function trackerColumn(key: ColumnKey): string {
  return colToLetters(COLUMN_KEYS.indexOf(key));
}

/** The Tình trạng hạn formula of sheet row `row` (1-based) of a new tracker. */
export function trackerStateFormula(row: number): string {
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

/**
 * "Nhiệm vụ": an Excel table of the tasks, with dropdowns (Cơ quan chủ trì from Danh mục, Trạng thái),
 * date validation, the Tình trạng hạn formula in every row (a calculated column, so rows added to the table
 * get it), conditional formatting of each row by its state, a frozen header and A4 landscape printing with
 * the header repeated.
 */
export function buildTrackerSheet(seeds: readonly TrackerSeed[], year: number): SheetSpec {
  const n = Math.max(seeds.length, 1);
  const lastRow = n + 1;
  const lastCol = COLUMN_KEYS.length - 1;
  const L = trackerColumn;
  const header = COLUMN_KEYS.map((k) => HEADERS[k]);
  const cells: CellValue[][] = [header];
  const formulas: FormulaCell[] = [];
  for (let i = 0; i < n; i++) {
    const s = seeds[i];
    const row = i + 2;
    cells.push(
      s
        ? [
            s.stt,
            s.section,
            s.task,
            s.lead,
            s.coordinators,
            s.timeline,
            serialOrNull(s.deadline),
            s.status ?? STATUS_LABEL.notStarted,
            serialOrNull(s.completedOn),
            s.evidence ?? '',
            s.note,
            null,
          ]
        : COLUMN_KEYS.map(() => null),
    );
    formulas.push({ cell: `${L('deadlineState')}${row}`, formula: trackerStateFormula(row) });
  }
  const rowHeights: Record<number, number> = { 1: 32 };
  cells.forEach((values, i) => {
    if (i === 0) return;
    const texts = COLUMN_KEYS.map((k, c) => ({
      text: typeof values[c] === 'string' ? (values[c] as string) : '',
      widthChars: WIDTHS[k],
    }));
    rowHeights[i + 1] = rowHeightFor(texts, BODY_FONT.size);
  });
  const data = (k: ColumnKey): string => `${L(k)}2:${L(k)}${lastRow}`;
  const all = rangeToA1(1, 0, lastRow - 1, lastCol);
  const stateCell = `$${L('deadlineState')}2`;
  const conditionalFormats: ConditionalFormatSpec[] = (
    ['dataError', 'overdue', 'dueSoon', 'doneLate', 'doneOnTime'] as const
  ).map((state) => {
    const color = STATE_COLORS[state];
    return {
      range: all,
      formula: `=${stateCell}="${STATE_LABEL[state]}"`,
      fill: color?.fill,
      fontColor: color?.font,
      stopIfTrue: true,
    };
  });
  const minDate = `${year - 5}-01-01`;
  const maxDate = `${year + 5}-12-31`;
  return {
    name: SHEET.tracker,
    kind: 'tracker',
    defaultFont: BODY_FONT,
    cells,
    formulas,
    table: {
      name: TABLE_NAME,
      range: rangeToA1(0, 0, lastRow - 1, lastCol),
      columns: header,
      style: 'TableStyleLight9',
      calculatedColumns: [{ column: COLUMN_KEYS.indexOf('deadlineState'), formula: trackerStateFormula(2) }],
    },
    styles: [
      {
        range: rangeToA1(0, 0, 0, lastCol),
        style: {
          font: { bold: true, color: HEADER_FONT },
          fill: HEADER_FILL,
          alignment: { horizontal: 'center', vertical: 'center', wrap: true },
        },
      },
      { range: all, style: { alignment: { vertical: 'top', wrap: true } } },
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
    ],
    columnWidths: COLUMN_KEYS.map((k) => WIDTHS[k]),
    rowHeights,
    autoRowHeights: true,
    validations: [
      {
        range: data('section'),
        rule: { type: 'list', source: sectionListSource() },
        allowBlank: false,
        prompt: { title: HEADERS.section, message: VALIDATION_TEXT.tracker.sectionPrompt },
        error: {
          title: VALIDATION_TEXT.tracker.sectionTitle,
          message: VALIDATION_TEXT.tracker.sectionMessage,
          style: 'warning',
        },
      },
      {
        range: data('lead'),
        rule: { type: 'list', source: leadListSource() },
        allowBlank: false,
        prompt: {
          title: HEADERS.lead,
          message: VALIDATION_TEXT.tracker.leadPrompt,
        },
        error: {
          title: VALIDATION_TEXT.tracker.leadTitle,
          message: VALIDATION_TEXT.tracker.leadMessage,
          style: 'warning',
        },
      },
      {
        range: data('status'),
        rule: { type: 'list', source: statusListSource() },
        allowBlank: true,
        error: {
          title: VALIDATION_TEXT.tracker.statusTitle,
          message: VALIDATION_TEXT.tracker.statusMessage(
            STATUS_LABEL.notStarted,
            STATUS_LABEL.inProgress,
            STATUS_LABEL.done,
          ),
          style: 'stop',
        },
      },
      ...(['deadline', 'completedOn'] as const).map((k) => ({
        range: data(k),
        rule: { type: 'date' as const, min: minDate, max: maxDate },
        allowBlank: true,
        prompt: { title: HEADERS[k], message: VALIDATION_TEXT.tracker.datePrompt },
        error: {
          title: VALIDATION_TEXT.tracker.dateTitle,
          message: VALIDATION_TEXT.tracker.dateMessage(year - 5, year + 5),
          style: 'stop' as const,
        },
      })),
    ],
    conditionalFormats,
    freeze: { rows: 1, columns: 0 },
    page: trackerPageSetup(),
  };
}

export function seedsFromPlan(tasks: readonly PlannedTask[]): TrackerSeed[] {
  return tasks.map((t) => ({ ...t }));
}
