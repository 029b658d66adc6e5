/**
 * The demo workbook (`npm run demo`): the plan's tracker for a year, filled in as a commune office would have
 * it on the day its 9-month report is due (05/09), and that report. Most tasks due by then are done on time
 * with the document that proves it; one monthly review was held a week late; one task (the one-stop desk's
 * cameras, waiting for money) is overdue; the 9-month report itself and the August review are due in a day
 * or two; continuous work is in progress; the rest is not yet due. Nothing is random.
 *
 * Why 05/09 (the 9-month report's due day) rather than another day: by then three quarters of the year's
 * dated tasks have come due, so the report has something in every state, and a good part of the year is
 * still ahead ("in progress", "not yet due"). The day is moved back to the Friday when it falls on a
 * weekend, and the year is the latest one whose day has passed, so no completion date is after today (the
 * tracker's own formula counts a task done only once its completion day has come).
 *
 * Progress is written as a user writes it: plain cell updates on the tracker that `initTracker` wrote; the
 * one-stop shop's dossier counts likewise, January to August, on the rows of "Hồ sơ TTHC" (one field, Đất đai,
 * late in March and May, with its reasons); and the results of Quý I–III of seven standing and dated tasks, with
 * the work planned next, on "Kết quả theo kỳ".
 */
import {
  DEMO_COMMUNE_NAMES,
  DEMO_FIELD,
  DEMO_LATE_REASON,
  DEMO_PROGRESS,
  DEMO_RESULTS,
  demoCommuneFallback,
  demoSignerName,
  demoUnitName,
  type DemoProgress,
} from '../i18n/demo';
import { SHEET, STATUS_LABEL } from '../i18n/vi';
import { toA1 } from '../domain/a1';
import { addDays, formatVnDate, isoFromYmd, serialFromIso, todayIso, type IsoDate } from '../domain/dates';
import type { Grid } from '../domain/grid';
import { readQuarterCell, RESULTS_COLUMN_KEYS } from '../domain/resultsSheet';
import { normalizeKey } from '../domain/text';
import { readTracker, type ColumnKey, type Task, type TrackerRead } from '../domain/tracker';
import { readTthc, TTHC_COUNT_KEYS, type TthcCountKey, type TthcRead } from '../domain/tthc';
import type { CellUpdate, WorkbookPort } from '../workbook/port';
import { compileReport, type ReportOutcome } from './compileReport';
import { initTracker } from './initTracker';
import { planSettings } from '../domain/settings';
import { loadSettings, saveSettings } from './settingsForm';

/** The demo's day: its tracker year and the as-of day of its report. */
export interface DemoDay {
  year: number;
  asOf: IsoDate;
}

/** Saturday or Sunday → the Friday before; a weekday stays. */
export function workingDayOnOrBefore(iso: IsoDate): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const back = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
  return isoFromYmd(y, m, d - back);
}

/** The 9-month report's due day (05/09, or the Friday before) of the latest year where it is not after today. */
export function demoDay(now: Date): DemoDay {
  const today = todayIso(now);
  const dayOf = (year: number): IsoDate => workingDayOnOrBefore(isoFromYmd(year, 9, 5));
  const year = now.getFullYear();
  return dayOf(year) <= today ? { year, asOf: dayOf(year) } : { year: year - 1, asOf: dayOf(year - 1) };
}

function matches(p: DemoProgress, t: Task, year: number): boolean {
  if (normalizeKey(t.section) !== normalizeKey(p.section)) return false;
  if (!normalizeKey(t.task).startsWith(normalizeKey(p.task))) return false;
  return p.due === undefined || t.deadline === `${year}-${p.due}`;
}

/** What became of a task done in the scenario, in one of the demo communes. */
type Fate = 'asPlanned' | 'notDone' | 'late';

/**
 * Commune 0 keeps the scenario; every other demo commune drops some completions (the task is then in progress,
 * overdue once its deadline has passed) and finishes some tasks late, by a fixed rule of its number, so that
 * the communes of `cchc demo --communes N` differ and the same N gives the same files.
 */
function fateOf(commune: number, entry: number): Fate {
  if (commune === 0) return 'asPlanned';
  const h = (entry * 7 + commune * 13) % 11;
  if (h < commune % 4) return 'notDone';
  if (h === 10 || (h + commune) % 7 === 0) return 'late';
  return 'asPlanned';
}

/** Days after its deadline a demo commune finishes a task it finishes late. */
const LATE_BY = 9;

/**
 * The cell updates that record the demo's progress on a tracker as `initTracker` wrote it for `year`: each
 * entry of the scenario on the row of its task, and every continuous task (no deadline) in progress. Throws
 * when an entry finds no row or several (the plan's wording changed): the demo must not silently thin out.
 * `commune` > 0 varies the scenario (fateOf) for the demo communes; no completion is after the demo's day.
 */
export function demoProgress(read: TrackerRead, year: number, commune = 0): CellUpdate[] {
  const updates: CellUpdate[] = [];
  const set = (t: Task, key: ColumnKey, value: string | number, numberFormat?: string): void => {
    const col = read.columns[key];
    if (col === undefined) throw new Error(`demo: the tracker has no column ${key}`);
    updates.push({
      sheet: SHEET.tracker,
      cell: toA1(t.row - 1, col),
      value,
      ...(numberFormat ? { numberFormat } : {}),
    });
  };
  const recorded = new Set<number>();
  const demoAsOf = workingDayOnOrBefore(isoFromYmd(year, 9, 5));
  DEMO_PROGRESS.forEach((scenario, entry) => {
    const rows = read.tasks.filter((t) => matches(scenario, t, year));
    if (rows.length !== 1)
      throw new Error(
        `demo: ${rows.length} rows match ${scenario.section} "${scenario.task}" ${scenario.due ?? ''}`,
      );
    const t = rows[0];
    recorded.add(t.row);
    let p = scenario;
    const fate = p.status === 'done' && t.deadline !== null ? fateOf(commune, entry) : 'asPlanned';
    const lateOn = t.deadline ? addDays(t.deadline, LATE_BY) : undefined;
    if (fate === 'notDone' || (fate === 'late' && lateOn !== undefined && lateOn > demoAsOf))
      p = { ...p, status: 'inProgress', done: undefined, evidence: undefined, note: undefined };
    else if (fate === 'late' && lateOn) p = { ...p, done: lateOn.slice(5) };
    set(t, 'status', STATUS_LABEL[p.status]);
    const done = p.done ? workingDayOnOrBefore(`${year}-${p.done}`) : undefined;
    if (done) set(t, 'completedOn', serialFromIso(done) as number, 'dd/mm/yyyy');
    if (p.evidence)
      set(
        t,
        'evidence',
        p.evidence.replace('{d}', done ? formatVnDate(done) : '').replace('{y}', String(year)),
      );
    if (p.note) set(t, 'note', p.note);
  });
  for (const t of read.tasks)
    if (!recorded.has(t.row) && t.deadline === null) set(t, 'status', STATUS_LABEL.inProgress);
  return updates;
}

/** A field the demo commune's one-stop shop handles: new dossiers a month, the online share, what it pends. */
interface DemoField {
  field: string;
  /** New dossiers a month (before a small month-to-month wobble). */
  base: number;
  /** Share received online in January, and its rise a month (online public services spreading). */
  online: number;
  onlineRise: number;
  /** Share of the resolved dossiers resolved ahead of time. */
  early: number;
  /** Dossiers still pending within time at the end of month m. */
  pending: (m: number) => number;
  /** Carried over from December of the year before. */
  december: number;
}

const DEMO_FIELDS: readonly DemoField[] = [
  {
    field: DEMO_FIELD.civilStatus,
    base: 38,
    online: 0.45,
    onlineRise: 0.02,
    early: 0.4,
    pending: (m) => m % 3,
    december: 2,
  },
  {
    field: DEMO_FIELD.certification,
    base: 64,
    online: 0.25,
    onlineRise: 0.01,
    early: 0.45,
    pending: (m) => m % 2,
    december: 1,
  },
  {
    field: DEMO_FIELD.land,
    base: 12,
    online: 0.2,
    onlineRise: 0,
    early: 0.1,
    pending: (m) => 3 + (m % 2),
    december: 4,
  },
  {
    field: DEMO_FIELD.socialProtection,
    base: 9,
    online: 0.5,
    onlineRise: 0.01,
    early: 0.2,
    pending: () => 1,
    december: 1,
  },
  {
    field: DEMO_FIELD.meritorious,
    base: 4,
    online: 0.3,
    onlineRise: 0,
    early: 0.2,
    pending: (m) => m % 2,
    december: 0,
  },
  {
    field: DEMO_FIELD.labour,
    base: 3,
    online: 0.6,
    onlineRise: 0.02,
    early: 0.3,
    pending: () => 0,
    december: 0,
  },
];

/** The one field the demo has late, in two months (so it is "thường xuyên trễ hạn"), and why. */
const DEMO_LATE: Readonly<Record<string, Readonly<Record<number, { late: number; reason: string }>>>> = {
  [DEMO_FIELD.land]: {
    3: { late: 2, reason: DEMO_LATE_REASON.march },
    5: { late: 1, reason: DEMO_LATE_REASON.may },
  },
};

/** How many months of figures the demo has typed on its day: January to the month before (August on 05/09). */
function demoTthcMonths(asOf: IsoDate): number {
  return Math.max(0, Number(asOf.slice(5, 7)) - 1);
}

/**
 * The demo's dossier counts, month by month and field by field: balanced (received = resolved + pending), each
 * month carrying over the month before's pending, on time but for one field late in two months with its reasons.
 */
function demoTthcFigures(
  months: number,
): { month: number; field: string; counts: Record<TthcCountKey, number>; reason?: string }[] {
  const out: { month: number; field: string; counts: Record<TthcCountKey, number>; reason?: string }[] = [];
  DEMO_FIELDS.forEach((f, i) => {
    let carried = f.december;
    for (let m = 1; m <= months; m++) {
      const fresh = Math.max(1, f.base + (((m * 7 + i * 3) % 5) - 2));
      const online = Math.round(fresh * Math.min(0.95, f.online + f.onlineRise * (m - 1)));
      const late = DEMO_LATE[f.field]?.[m];
      const pendingOnTime = Math.min(f.pending(m), carried + fresh);
      const resolved = carried + fresh - pendingOnTime;
      const lateCount = Math.min(late?.late ?? 0, resolved);
      const early = Math.floor((resolved - lateCount) * f.early);
      out.push({
        month: m,
        field: f.field,
        counts: {
          carriedOver: carried,
          online,
          offline: fresh - online,
          early,
          onTime: resolved - lateCount - early,
          late: lateCount,
          pendingOnTime,
          pendingLate: 0,
        },
        ...(late ? { reason: late.reason } : {}),
      });
      carried = pendingOnTime;
    }
  });
  return out;
}

/**
 * The cell updates that type the demo's dossier counts into "Hồ sơ TTHC" as `initTracker` wrote it (a row for
 * every month and field): each figure into its month's and field's row. Throws when a row is missing.
 */
export function demoTthcUpdates(read: TthcRead, months: number): CellUpdate[] {
  const updates: CellUpdate[] = [];
  for (const fig of demoTthcFigures(months)) {
    const row = read.rows.find((r) => r.month === fig.month && r.field === fig.field);
    if (!row) throw new Error(`demo: no row for ${fig.field}, month ${fig.month}`);
    for (const k of TTHC_COUNT_KEYS)
      updates.push({
        sheet: SHEET.tthc,
        cell: toA1(row.row - 1, read.columns[k] as number),
        value: fig.counts[k],
      });
    if (fig.reason)
      updates.push({
        sheet: SHEET.tthc,
        cell: toA1(row.row - 1, read.columns.lateReason as number),
        value: fig.reason,
      });
  }
  return updates;
}

/**
 * The cell updates that write the demo's results of Quý I–III and the work planned after each into "Kết quả
 * theo kỳ" as `initTracker` wrote it (a block of rows per quarter). Throws when a row is missing.
 */
function demoResultsUpdates(grid: Grid | undefined): CellUpdate[] {
  if (!grid) throw new Error('demo: no results sheet after init');
  const col = (k: (typeof RESULTS_COLUMN_KEYS)[number]): number => RESULTS_COLUMN_KEYS.indexOf(k);
  const rowOf = (quarter: number, task: string): number => {
    const r = grid.values.findIndex(
      (row, i) =>
        i > 0 &&
        readQuarterCell(row[col('quarter')] ?? null) === quarter &&
        normalizeKey(String(row[col('task')] ?? '')).startsWith(normalizeKey(task)),
    );
    if (r < 0) throw new Error(`demo: no results row for ${task}, quarter ${quarter}`);
    return r;
  };
  const updates: CellUpdate[] = [];
  for (const d of DEMO_RESULTS)
    for (const q of [1, 2, 3] as const) {
      const words = { result: d.results[q], planned: d.planned?.[q] };
      for (const k of ['result', 'planned'] as const) {
        const value = words[k];
        if (value)
          updates.push({
            sheet: SHEET.results,
            cell: toA1(rowOf(q, d.task), col(k)),
            value,
            numberFormat: '@',
          });
      }
    }
  return updates;
}

export interface DemoOutcome extends ReportOutcome {
  year?: number;
  asOf?: IsoDate;
  /** What init said ("Đã tạo … 48 nhiệm vụ …"). */
  initMessage?: string;
}

/**
 * Writes the demo into an empty workbook: the tracker, the office's progress, the one-stop shop's dossier counts
 * of January to August, Tổng hợp and the 9-month report.
 */
export async function writeDemo(port: WorkbookPort, opts: { now: Date }): Promise<DemoOutcome> {
  const { year, asOf } = demoDay(opts.now);
  // The demo is the plan's own commune: its unit, place and signer (the only place they are used).
  const { unitName, place, signerName } = planSettings(year);
  const init = await initTracker(port, { year, now: opts.now, identity: { unitName, place, signerName } });
  if (!init.ok) return init;
  // A failure here is the workbook's (WorkbookError, for the caller to word) or the demo's own bug: thrown.
  const snap = await port.read([SHEET.tracker, SHEET.tthc, SHEET.results]);
  const grid = snap.contents[SHEET.tracker];
  if (!grid) throw new Error('demo: no tracker after init');
  const tthc = readTthc(snap.contents[SHEET.tthc], year);
  await port.apply({
    write: [],
    updates: [
      ...demoProgress(readTracker(grid), year),
      ...demoTthcUpdates(tthc, demoTthcMonths(asOf)),
      ...demoResultsUpdates(snap.contents[SHEET.results]),
    ],
  });
  const report = await compileReport(port, { asOf, period: { year, quarter: 3 }, now: opts.now });
  return { ...report, year, asOf, initMessage: init.message };
}

/** The place name of demo commune `commune` (0-based): "Long Điền A", …, then "Mẫu 13", "Mẫu 14"… */
export function demoCommuneName(commune: number): string {
  return DEMO_COMMUNE_NAMES[commune] ?? demoCommuneFallback(commune + 1);
}

/**
 * One of the communes of `cchc demo --communes N`, for trying the consolidation at once: the demo year with
 * progress varied by the commune's number (demoProgress), its own name in Cài đặt; every fifth counts its
 * periods by Nghị định 09/2019 (from the 15th), and every fourth has not compiled its 9-month report yet.
 */
export async function writeCommuneDemo(
  port: WorkbookPort,
  opts: { now: Date; commune: number },
): Promise<DemoOutcome & { unit?: string }> {
  const { year, asOf } = demoDay(opts.now);
  const name = demoCommuneName(opts.commune);
  const unit = demoUnitName(name);
  const plan = planSettings(year);
  // Long Điền A signs as the plan does; every other demo commune has a signer of its own.
  const signerName = opts.commune === 0 ? plan.signerName : demoSignerName(opts.commune - 1);
  const init = await initTracker(port, {
    year,
    now: opts.now,
    identity: { unitName: unit, place: name, signerName },
  });
  if (!init.ok) return init;
  const loaded = await loadSettings(port, { fallbackYear: year });
  if (!loaded.settings) return loaded;
  const saved = await saveSettings(port, {
    ...loaded.settings,
    periodMode: opts.commune % 5 === 2 ? 'decree09' : 'calendar',
  });
  if (!saved.ok) return saved;
  const snap = await port.read([SHEET.tracker, SHEET.tthc]);
  const grid = snap.contents[SHEET.tracker];
  if (!grid) throw new Error('demo: no tracker after init');
  // Dossier counts in two communes of three (the third has typed none), up to a month or two apart.
  const tthcMonths = opts.commune % 3 === 0 ? 0 : Math.max(1, demoTthcMonths(asOf) - (opts.commune % 3));
  const tthc = tthcMonths > 0 ? demoTthcUpdates(readTthc(snap.contents[SHEET.tthc], year), tthcMonths) : [];
  await port.apply({ write: [], updates: [...demoProgress(readTracker(grid), year, opts.commune), ...tthc] });
  if (opts.commune % 4 === 3) return { ok: true, message: init.message, year, asOf, unit };
  // Compiled on its report's day, in the morning in Vietnam (09:00 +07:00), each commune a little later.
  const compiledAt = new Date(Date.parse(`${asOf}T02:00:00Z`) + opts.commune * 17 * 60_000);
  const report = await compileReport(port, { asOf, period: { year, quarter: 3 }, now: compiledAt });
  return { ...report, year, asOf, unit };
}
