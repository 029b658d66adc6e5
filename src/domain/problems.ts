/** A problem found in the workbook: where it is, what it is, and (in Vietnamese) what to do. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. "unknownStatus". */
  code: string;
  sheet: string;
  /** A1 address of the cell, e.g. "H12". */
  cell: string;
  /** Vietnamese message: what is wrong and what to do. */
  message: string;
  /**
   * The value that mends the cell, where its meaning is certain (a date typed as text → that date). The task
   * pane lists these and writes them only when the user confirms.
   */
  fix?: CellFix;
}

export interface CellFix {
  value: string | number;
  /** Number format to set with the value (a date gets "dd/mm/yyyy"). */
  numberFormat?: string;
  /** What the cell holds now and what it will show, as a person reads them ("5/6/2026" → "05/06/2026"). */
  was: string;
  becomes: string;
}

export interface CheckResult {
  errors: Problem[];
  warnings: Problem[];
}
