/**
 * Many communes, one table: the body that receives every commune's workbook (the province's Sở Nội vụ)
 * consolidates their reports of one period, judged as of one day. Each commune's figures are its own report's
 * (src/domain/report.ts, through app/compileReport's reportFromSnapshot): nothing is counted again here. This
 * module is the pure fold over the per-commune results: the files of one commune sent twice, the order of the
 * table, the province's totals.
 *
 * One file at a time is read and reduced to a CommuneReport (a few numbers and the overdue tasks), so memory
 * follows the size of the table, never the size or the number of the workbooks.
 */
import type { IsoDate } from './dates';
import { completionRate, emptyCounts, REPORT_STATES, type StateCounts } from './rollup';
import { unitKey } from './text';

export { displayUnitName } from './text';
import { emptyFigures, onTimeRate, TTHC_FIGURE_KEYS, type TthcFigures } from './tthc';

/** An overdue task of one commune, as the consolidated list shows it. */
export interface OverdueTask {
  section: string;
  task: string;
  lead: string;
  deadline: IsoDate;
  daysLate: number;
  /** Row of the commune's tracker sheet. */
  row: number;
  /** The row has a data error (the check's): the commune should fix it. */
  dataError: boolean;
  /** What the commune wrote in the row's Ghi chú ("" when nothing). */
  note: string;
}

/** One commune's report of the period, reduced to what the consolidation shows. */
export interface CommuneReport {
  /** Tên đơn vị, from the commune's Cài đặt. */
  unit: string;
  /** The file as the user named it. */
  file: string;
  /** The tracker's year (Cài đặt). */
  year: number;
  /** The period as this commune counts it (its own calendar or Nghị định 09 window). */
  from: IsoDate;
  to: IsoDate;
  totals: StateCounts;
  completionRate: number | null;
  /** The share of TTHC dossiers resolved early or on time; null where the workbook has no TTHC figures. */
  tthcOnTimeRate: number | null;
  /**
   * The period's TTHC figures as the commune's own report gives them (Hồ sơ TTHC, its months from January):
   * each field with a figure, in the commune's list order, and the commune's total; null without figures.
   */
  tthc: {
    byField: { field: string; figures: TthcFigures }[];
    totals: TthcFigures;
    /** The months of the period with figures (ascending): a commune may have typed fewer than another. */
    months: number[];
  } | null;
  /** The commune's own report of the period in its workbook: its sheet and the day it was compiled. */
  ownReport: { sheet: string; day: IsoDate } | null;
  overdue: OverdueTask[];
  /** Rows of the tracker with data errors (counted as the sheet shows them). */
  dataErrorRows: number;
  /** When the commune last compiled a report in this workbook (ISO timestamp, from the register). */
  compiledAt: string | null;
  /** The file's own modification time (ISO timestamp), when known. */
  fileTime: string | null;
}

export interface FailedFile {
  file: string;
  /** Why, in one Vietnamese sentence. */
  reason: string;
}

/**
 * What decided between two files of one commune: the workbooks' own last-compiled times, the files' times, or
 * (neither known and different) the file names.
 */
type DecidedBy = 'compiledAt' | 'fileTime' | 'name';

/** Two or more files of one commune: the newest is kept, the others are listed. */
export interface DuplicateFiles {
  unit: string;
  kept: string;
  /** In file-name order, each with what decided against it. */
  dropped: { file: string; decidedBy: DecidedBy }[];
}

export interface Consolidation {
  period: { id: string; year: number; quarter: number; subject: string };
  asOf: IsoDate;
  /** The communes used, sorted by unit name (Vietnamese order). */
  communes: CommuneReport[];
  /** Sums of the communes' counts. */
  totals: StateCounts;
  completionRate: number | null;
  /** Files that could not be used, in the order they were read. */
  failed: FailedFile[];
  duplicates: DuplicateFiles[];
  /** Whether any commune's workbook has TTHC figures. */
  hasTthc: boolean;
  /** The sum of the communes' TTHC figures, and its on-time rate (null without a resolved dossier). */
  tthcTotals: TthcFigures;
  tthcOnTimeRate: number | null;
}

/** The sum of several communes' TTHC figures, key by key. */
export function sumTthc(all: readonly TthcFigures[]): TthcFigures {
  const total = emptyFigures();
  for (const f of all) for (const k of TTHC_FIGURE_KEYS) total[k] += f[k];
  return total;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese alphabetical order of unit names, then of files, so the table is the same run after run. */
export function byUnit(a: { unit: string; file: string }, b: { unit: string; file: string }): number {
  return collator.compare(a.unit, b.unit) || collator.compare(a.file, b.file) || (a.file < b.file ? -1 : 1);
}

/**
 * Which commune a unit name is: its displayed form (displayUnitName) compared as text is (normalizeKey): case,
 * spacing, Unicode form, invisible characters, look-alike letters and the spelling of "UBND" / "Ủy ban nhân
 * dân" aside ("UBND xã Long Điền A" and "Ủy ban nhân dân xã Long Điền A" are one commune).
 */
export function communeKey(unit: string): string {
  return unitKey(unit);
}

/** The sum of several communes' counts, key by key. */
export function sumCounts(all: readonly StateCounts[]): StateCounts {
  const total = emptyCounts();
  for (const c of all) {
    total.tasks += c.tasks;
    total.rateOnTime += c.rateOnTime;
    total.rateDue += c.rateDue;
    for (const s of REPORT_STATES) total[s] += c[s];
  }
  return total;
}

const timeOf = (iso: string | null): number | null => {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/**
 * The newest of several files of one commune: by the workbooks' own last-compiled times when both have one and
 * they differ, else by the files' times when both are known and differ, else the last by file name.
 */
function newest(a: CommuneReport, b: CommuneReport): { winner: CommuneReport; decidedBy: DecidedBy } {
  const ca = timeOf(a.compiledAt);
  const cb = timeOf(b.compiledAt);
  if (ca !== null && cb !== null && ca !== cb) return { winner: ca > cb ? a : b, decidedBy: 'compiledAt' };
  const fa = timeOf(a.fileTime);
  const fb = timeOf(b.fileTime);
  if (fa !== null && fb !== null && fa !== fb) return { winner: fa > fb ? a : b, decidedBy: 'fileTime' };
  return { winner: a.file > b.file ? a : b, decidedBy: 'name' };
}

/** Keeps one file per commune (the newest) and says which were dropped. */
export function dropDuplicates(communes: readonly CommuneReport[]): {
  kept: CommuneReport[];
  duplicates: DuplicateFiles[];
} {
  const groups = new Map<string, CommuneReport[]>();
  for (const c of communes) {
    const key = communeKey(c.unit);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const kept: CommuneReport[] = [];
  const duplicates: DuplicateFiles[] = [];
  for (const list of groups.values()) {
    let winner = list[0];
    for (const other of list.slice(1)) winner = newest(winner, other).winner;
    kept.push(winner);
    if (list.length > 1)
      duplicates.push({
        unit: winner.unit,
        kept: winner.file,
        dropped: list
          .filter((c) => c !== winner)
          .sort((x, y) => collator.compare(x.file, y.file))
          .map((c) => ({ file: c.file, decidedBy: newest(winner, c).decidedBy })),
      });
  }
  duplicates.sort((x, y) => collator.compare(x.unit, y.unit));
  return { kept, duplicates };
}

/** The consolidation of the communes read (every file read once) and the files that failed. */
export function consolidate(input: {
  period: Consolidation['period'];
  asOf: IsoDate;
  communes: readonly CommuneReport[];
  failed: readonly FailedFile[];
}): Consolidation {
  const { kept, duplicates } = dropDuplicates(input.communes);
  const communes = [...kept].sort(byUnit);
  const totals = sumCounts(communes.map((c) => c.totals));
  const tthcTotals = sumTthc(communes.flatMap((c) => (c.tthc ? [c.tthc.totals] : [])));
  return {
    period: input.period,
    asOf: input.asOf,
    communes,
    totals,
    completionRate: completionRate(totals),
    failed: [...input.failed],
    duplicates,
    hasTthc: communes.some((c) => c.tthc !== null),
    tthcTotals,
    tthcOnTimeRate: onTimeRate(tthcTotals),
  };
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an ISO timestamp; null when it is not one. */
export function vietnamDay(timestamp: string): IsoDate | null {
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return null;
  return new Date(t + 7 * 3_600_000).toISOString().slice(0, 10);
}
