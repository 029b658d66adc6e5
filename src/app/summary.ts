/**
 * Tổng hợp for a tracker as read, and the domain's roll-up of the same tasks: one place that says which
 * settings and lists they follow, for "Tổng hợp báo cáo", the browser preview and the tests that hold the two
 * equal. Where the tracker comes with its Hồ sơ TTHC (TrackerState does), Tổng hợp gets the TTHC blocks.
 */
import type { IsoDate } from '../domain/dates';
import { leadsOf, rollup, sectionsOf, type Rollup } from '../domain/rollup';
import type { Settings } from '../domain/settings';
import type { TrackerRead } from '../domain/tracker';
import { TTHC_FIELDS, type TthcRead } from '../domain/tthc';
import { tthcFieldsOf } from '../domain/tthcFigures';
import { buildSummarySheet, type SummaryInput, type SummaryLayout } from '../sheets/summarySheet';
import type { SheetSpec } from '../sheets/spec';

export interface ReadTracker {
  read: TrackerRead;
  settings: Settings;
  /** "Hồ sơ TTHC" as read, when the workbook has it. */
  tthc?: TthcRead;
  /** The fields on Danh mục (default: the plan's defaults). */
  knownFields?: readonly string[];
}

/** What Tổng hợp needs of Hồ sơ TTHC: where its columns are, and the fields to give a row (none: no blocks). */
export function summaryTthcInput(t: ReadTracker): SummaryInput['tthc'] {
  const tthc = t.tthc;
  if (!tthc?.readable) return undefined;
  return {
    headerRow: tthc.headerRow,
    columns: tthc.columns,
    fields: tthcFieldsOf(tthc.rows, t.knownFields ?? TTHC_FIELDS),
  };
}

/** The Tổng hợp sheet for this tracker (its formulas follow the tracker's columns wherever they are). */
export function summaryFor(
  t: ReadTracker,
  listedLeads: readonly string[] | undefined,
  writtenOn: IsoDate,
): { spec: SheetSpec; layout: SummaryLayout } {
  return buildSummarySheet({
    year: t.settings.year,
    periodMode: t.settings.periodMode,
    writtenOn,
    headerRow: t.read.headerRow,
    columns: t.read.columns,
    sections: sectionsOf(),
    leads: leadsOf(t.read.tasks, listedLeads),
    tthc: summaryTthcInput(t),
  });
}

/** The figures Tổng hợp's formulas compute, as of `asOf`. */
export function rollupFor(t: ReadTracker, listedLeads: readonly string[] | undefined, asOf: IsoDate): Rollup {
  return rollup(t.read.tasks, {
    asOf,
    warningDays: t.settings.warningDays,
    year: t.settings.year,
    periodMode: t.settings.periodMode,
    listedLeads,
  });
}
