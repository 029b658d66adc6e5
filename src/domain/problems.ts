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
}

export interface CheckResult {
  errors: Problem[];
  warnings: Problem[];
}
