/**
 * "Sửa tự động": writes the fixes the check offers (a date typed as text → that date, "Hoàn thành" with a
 * no-break space → "Hoàn thành", a lead spelt unlike Danh mục → the list's spelling; on Hồ sơ TTHC a count or a
 * month stored as text → the number, a field spelt unlike Danh mục → the list's spelling…), only for the cells the
 * user confirmed, and only where the cell still holds what the user saw: the check runs again first, so a cell
 * edited since is left alone. Nothing else of the workbook is touched.
 */
import { ACTION, SHEET } from '../i18n/vi';
import type { IsoDate } from '../domain/dates';
import type { CellFix, Problem } from '../domain/problems';
import type { CellUpdate, WorkbookPort } from '../workbook/port';
import { TRACKER_SHEETS, trackerFromSnapshot, trackerMissingOutcome } from './checkTracker';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

/** A fix the user confirmed: the cell and the change they were shown. */
export interface ConfirmedFix {
  sheet: string;
  cell: string;
  fix: CellFix;
}

export interface FixOutcome extends ActionOutcome {
  /** Cells written. */
  fixed?: string[];
  /** Confirmed cells not written: they changed since, or no longer need the fix. */
  skipped?: string[];
}

/** The problems of a check result that carry a fix, each cell once. */
export function fixable(problems: readonly Problem[]): ConfirmedFix[] {
  const seen = new Set<string>();
  const out: ConfirmedFix[] = [];
  for (const p of problems) {
    if (!p.fix || seen.has(`${p.sheet}!${p.cell}`)) continue;
    seen.add(`${p.sheet}!${p.cell}`);
    out.push({ sheet: p.sheet, cell: p.cell, fix: p.fix });
  }
  return out;
}

const same = (a: CellFix, b: CellFix): boolean =>
  a.value === b.value && a.was === b.was && (a.numberFormat ?? '') === (b.numberFormat ?? '');

export async function fixCells(
  port: WorkbookPort,
  opts: { today: IsoDate; confirmed: readonly ConfirmedFix[] },
): Promise<FixOutcome> {
  return guarded(async (): Promise<FixOutcome> => {
    const snap = await port.read([...TRACKER_SHEETS]);
    const state = trackerFromSnapshot(snap, opts.today);
    if (!state) return trackerMissingOutcome();
    const now = new Map(
      fixable([...state.result.errors, ...state.result.warnings]).map((f) => [`${f.sheet}!${f.cell}`, f.fix]),
    );
    const updates: CellUpdate[] = [];
    const fixed: string[] = [];
    const skipped: string[] = [];
    for (const c of opts.confirmed) {
      const current = now.get(`${c.sheet}!${c.cell}`);
      if (!current || !same(current, c.fix)) {
        skipped.push(c.cell);
        continue;
      }
      updates.push({
        sheet: c.sheet,
        cell: c.cell,
        value: current.value,
        numberFormat: current.numberFormat ?? (typeof current.value === 'string' ? '@' : undefined),
      });
      fixed.push(c.cell);
    }
    if (updates.length > 0) await port.apply({ write: [], updates });
    return {
      ok: updates.length > 0 || opts.confirmed.length === 0,
      message: ACTION.fixed(fixed.length, skipped.length, [...new Set(updates.map((u) => u.sheet))]),
      sheet: updates[0]?.sheet ?? SHEET.tracker,
      cell: fixed[0],
      fixed,
      skipped,
    };
  });
}
