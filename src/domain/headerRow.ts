/**
 * Finding a sheet's header row and its columns by their labels, as both input sheets (Nhiệm vụ, Hồ sơ TTHC)
 * are read: labels matched regardless of case, spacing and Unicode form; a second column with a label already
 * seen is a warning and the first one counts.
 */
import { PROBLEM } from '../i18n/vi';
import { toA1 } from './a1';
import type { Grid } from './grid';
import type { Problem } from './problems';
import { normalizeKey } from './text';

/** How many rows from the top are searched for the header row. */
const HEADER_SCAN_ROWS = 30;

/** A sheet's headers: its labels by key, and the key of each normalized label. */
export interface HeaderSet<K extends string> {
  labels: Readonly<Record<K, string>>;
  byLabel: ReadonlyMap<string, K>;
}

export function headerSet<K extends string>(
  labels: Readonly<Record<K, string>>,
  keys: readonly K[],
): HeaderSet<K> {
  return { labels, byLabel: new Map(keys.map((k) => [normalizeKey(labels[k]), k])) };
}

const keyOf = <K extends string>(set: HeaderSet<K>, v: unknown): K | undefined =>
  typeof v === 'string' ? set.byLabel.get(normalizeKey(v)) : undefined;

/** The row (0-based) among the first 30 with the most known labels, at least three; -1 when none has. */
export function findHeaderRow<K extends string>(grid: Grid, set: HeaderSet<K>): number {
  let best = -1;
  let bestCount = 2; // at least three known headers
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const found = new Set<K>();
    for (const v of grid.values[r] ?? []) {
      const key = keyOf(set, v);
      if (key) found.add(key);
    }
    if (found.size > bestCount) {
      best = r;
      bestCount = found.size;
    }
  }
  return best;
}

/** The column (0-based) of each label on the header row; a repeated label is a warning pushed to `problems`. */
export function headerColumns<K extends string>(
  grid: Grid,
  headerRow: number,
  set: HeaderSet<K>,
  problems: Problem[],
): Partial<Record<K, number>> {
  const sheet = grid.name;
  const columns: Partial<Record<K, number>> = {};
  (grid.values[headerRow] ?? []).forEach((v, c) => {
    const key = keyOf(set, v);
    if (!key) return;
    const first = columns[key];
    if (first === undefined) columns[key] = c;
    else {
      const cell = toA1(headerRow, c);
      problems.push({
        severity: 'warning',
        code: 'duplicateColumn',
        sheet,
        cell,
        message: PROBLEM.duplicateColumn(sheet, cell, set.labels[key], toA1(headerRow, first)),
      });
    }
  });
  return columns;
}
