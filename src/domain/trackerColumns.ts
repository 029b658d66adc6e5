/**
 * The tracker's columns in one table: each column of "Nhiệm vụ" with its header, width, what its cells hold
 * (how the sheet formats them and whether a person types in them), whether a tracker without it can be read,
 * its data validation and how Tổng hợp uses it. The order is a new tracker's column order; older trackers are
 * read by header text, so a column may be added anywhere. The tracker sheet (header, widths, formats,
 * validations, the state formula's references), the reader and Tổng hợp's ranges derive from it
 * (docs/extending.md, "To add a tracker column"). It holds data only: readers reach it through
 * tracker.columnEntry, so that a test may replace this module (jest.mock) and every view follows.
 */
import { HEADERS } from '../i18n/vi';

/** How a column's cells are formatted on a new tracker. */
export type ColumnFormat =
  /** A number, centred (STT). */
  | 'number'
  /** A short code kept as typed ("@"), centred (Mục). */
  | 'code'
  /** Text kept as typed ("@"). */
  | 'text'
  /** A date, dd/mm/yyyy, centred. */
  | 'date'
  /** An amount, #,##0.0 (Tổng hợp may sum it). */
  | 'amount'
  /** As the table style leaves it (a list value, a formula's result). */
  | 'plain';

/** What the sheet's data validation accepts in a column. */
export type ColumnValidation =
  /** Danh mục's list of sections (a warning: another Mục counts as "Khác"). */
  | 'section'
  /** Danh mục's list of bodies (a warning). */
  | 'lead'
  /** The status list (stop). */
  | 'status'
  /** A date within five years of the tracker's year (stop). */
  | 'date'
  /** A number from 0 (stop). */
  | 'amount';

/** How Tổng hợp and the roll-ups (rollup.ts) use a column. */
export type ColumnRollup =
  /** Rows are grouped by its value (a block of Tổng hợp per such column: Mục, Cơ quan chủ trì). */
  | 'group'
  /** Its date places a task in a quarter and a report (the quarter and period blocks). */
  | 'deadline'
  /** Its state is what every figure counts (Tình trạng hạn's formula). */
  | 'state'
  /** Not used by the roll-ups. */
  | null;

export interface TrackerColumnEntry {
  header: string;
  /** Width in Excel's character units (the twelve of today fit A4 landscape: trackerSheet.ts). */
  width: number;
  format: ColumnFormat;
  /** A person types in it (not the number, not the formula): a row with only such cells blank is empty. */
  typed: boolean;
  /**
   * Without it the tracker cannot be read (each missing one is one error); otherwise read as blank. A column
   * with a roll-up use is required whatever this says (tracker.REQUIRED_COLUMNS).
   */
  required: boolean;
  validation: ColumnValidation | null;
  rollup: ColumnRollup;
}

/** The columns of "Nhiệm vụ", in a new tracker's order. */
export const TRACKER_COLUMNS = {
  stt: {
    header: HEADERS.stt,
    width: 5,
    format: 'number',
    typed: false,
    required: false,
    validation: null,
    rollup: null,
  },
  section: {
    header: HEADERS.section,
    width: 6,
    format: 'code',
    typed: true,
    required: true,
    validation: 'section',
    rollup: 'group',
  },
  task: {
    header: HEADERS.task,
    width: 35,
    format: 'text',
    typed: true,
    required: true,
    validation: null,
    rollup: null,
  },
  lead: {
    header: HEADERS.lead,
    width: 13,
    format: 'text',
    typed: true,
    required: true,
    validation: 'lead',
    rollup: 'group',
  },
  coordinators: {
    header: HEADERS.coordinators,
    width: 12,
    format: 'text',
    typed: true,
    required: false,
    validation: null,
    rollup: null,
  },
  timeline: {
    header: HEADERS.timeline,
    width: 15,
    format: 'text',
    typed: true,
    required: false,
    validation: null,
    rollup: null,
  },
  deadline: {
    header: HEADERS.deadline,
    width: 11,
    format: 'date',
    typed: true,
    required: true,
    validation: 'date',
    rollup: 'deadline',
  },
  status: {
    header: HEADERS.status,
    width: 10,
    format: 'plain',
    typed: true,
    required: true,
    validation: 'status',
    rollup: null,
  },
  completedOn: {
    header: HEADERS.completedOn,
    width: 11,
    format: 'date',
    typed: true,
    required: true,
    validation: 'date',
    rollup: null,
  },
  evidence: {
    header: HEADERS.evidence,
    width: 19,
    format: 'text',
    typed: true,
    required: false,
    validation: null,
    rollup: null,
  },
  note: {
    header: HEADERS.note,
    width: 14,
    format: 'text',
    typed: true,
    required: false,
    validation: null,
    rollup: null,
  },
  deadlineState: {
    header: HEADERS.deadlineState,
    width: 10,
    format: 'plain',
    typed: false,
    // Tổng hợp counts by this column's formula: without it the roll-ups cannot be built.
    required: true,
    validation: null,
    rollup: 'state',
  },
} as const satisfies Record<keyof typeof HEADERS, TrackerColumnEntry>;
