/** A sheet's cells as the domain reads them: a grid from A1, dates as Excel serials, errors as values. */
export type GridCell = string | number | boolean | null | { error: string };

export interface Grid {
  name: string;
  values: GridCell[][];
  /** Same shape as values (may be empty when unknown): formula text where the cell holds a formula. */
  formulas: (string | null)[][];
}

export function cellAt(grid: Grid, row: number, col: number): GridCell {
  return grid.values[row]?.[col] ?? null;
}

export function isBlank(v: GridCell): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function isErrorCell(v: GridCell): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** A cell as display text (numbers in plain form, booleans as Excel shows them). */
export function cellText(v: GridCell): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}
