import { tthcLeftOutMessage } from '../domain/reportText';
import { HEADERS, PROBLEM, REPORT, SETTING_LABEL, SHEET } from '../i18n/vi';
import { formatVnDate, type IsoDate } from '../domain/dates';
import {
  currentPeriod,
  periodContaining,
  reportPeriod,
  type Quarter,
  type ReportPeriod,
} from '../domain/periods';
import { missingIdentity, type Settings } from '../domain/settings';
import { settingRow } from '../sheets/settingsSheet';
import { buildReport, reportJson, type ReportContent } from '../domain/report';
import { sheetNameKey } from '../domain/text';
import { readKnownLeads } from '../domain/validation';
import {
  buildRegisterSheet,
  fingerprintGrid,
  ownedEntry,
  readRegister,
  type OwnedSheet,
} from '../sheets/register';
import { buildReportSheet } from '../sheets/reportSheet';
import type { SheetInfo, WorkbookPort, WorkbookSnapshot } from '../workbook/port';
import {
  TRACKER_SHEETS,
  trackerFromSnapshot,
  trackerMissingOutcome,
  type TrackerState,
} from './checkTracker';
import { guarded } from './errors';
import { summaryFor } from './summary';
import type { ActionOutcome } from './types';

export interface ReportOptions {
  asOf: IsoDate;
  /** The period to compile; default: the one whose quarter contains `asOf` (what the ribbon does). */
  period?: { year: number; quarter: Quarter };
  now?: Date;
}

export interface ReportOutcome extends ActionOutcome {
  content?: ReportContent;
  /** The figures of `cchc report --json`. */
  json?: object;
  /** Tracker rows with data errors (counted as the sheet shows them, listed at the end of the report). */
  dataErrorRows?: number;
  /** What the workbook adapter could not fully honour, in Vietnamese (its lastWarnings). */
  warnings?: string[];
}

/** How many "(2)", "(3)"… variants of a report sheet name to consider before giving up. */
const MAX_VARIANTS = 9;

function variants(base: string): string[] {
  return [base, ...Array.from({ length: MAX_VARIANTS - 1 }, (_, i) => `${base} (${i + 2})`)];
}

/** The period the ribbon button compiles (periods.currentPeriod). */
function defaultPeriod(asOf: IsoDate, settings: Settings): ReportPeriod {
  return currentPeriod(asOf, settings.year, settings.periodMode);
}

/** What a report is made from: the tracker as read and checked, its settings, the period and the content. */
export interface ReportMaterial {
  ok: true;
  state: TrackerState;
  settings: Settings;
  period: ReportPeriod;
  content: ReportContent;
  /** Lead bodies listed on Danh mục (undefined without the sheet). */
  listed: string[] | undefined;
}

/** Why a workbook gives no report, as data (each caller words it for its user). */
export type ReportRefusal =
  | { code: 'trackerMissing' }
  /** The check cannot read the tracker's structure (no header row, a required column missing). */
  | { code: 'trackerBroken'; message: string }
  | { code: 'otherYear'; trackerYear: number; period: ReportPeriod }
  | { code: 'asOfBeforePeriod'; period: ReportPeriod };

/**
 * The report of a workbook as data, from a snapshot holding at least Nhiệm vụ, Cài đặt and Danh mục: the one
 * computation behind `compileReport` (the sheet, `cchc report --json`) and the consolidation of many communes,
 * so that a commune's figures are the same wherever they are shown. Pure. Refuses, with the outcome to give
 * the user, a workbook without a tracker, a tracker whose structure cannot be read, a period of another year
 * than the tracker's and an as-of day before the period begins.
 */
export function reportFromSnapshot(
  snap: WorkbookSnapshot,
  opts: { asOf: IsoDate; period?: { year: number; quarter: Quarter } },
): ReportMaterial | { ok: false; refusal: ReportRefusal; outcome: ActionOutcome } {
  const state = trackerFromSnapshot(snap, opts.asOf);
  if (!state) return { ok: false, refusal: { code: 'trackerMissing' }, outcome: trackerMissingOutcome() };
  const structural = state.result.errors.filter(
    (e) => e.code === 'missingColumn' || e.code === 'headerNotFound',
  );
  if (structural.length > 0) {
    const first = structural[0];
    return {
      ok: false,
      refusal: { code: 'trackerBroken', message: first.message },
      outcome: {
        ok: false,
        message: REPORT.trackerBroken(
          first ? first.message : PROBLEM.missingColumn(SHEET.tracker, 'A1', HEADERS.deadlineState),
        ),
        sheet: SHEET.tracker,
        cell: first?.cell ?? 'A1',
      },
    };
  }
  const { settings, read } = state;
  const requested = opts.period;
  const period = requested
    ? reportPeriod(requested.year, requested.quarter, settings.periodMode)
    : defaultPeriod(opts.asOf, settings);
  // A report of another year than the tracker's would count none of its tasks as they are meant; a report
  // dated before its period begins has nothing to say.
  if (period.year !== settings.year)
    return {
      ok: false,
      refusal: { code: 'otherYear', trackerYear: settings.year, period },
      outcome: {
        ok: false,
        reason: 'badRequest',
        message: REPORT.periodNotTrackerYear(period.subject, settings.year),
      },
    };
  if (opts.asOf < period.from)
    return {
      ok: false,
      refusal: { code: 'asOfBeforePeriod', period },
      outcome: {
        ok: false,
        reason: 'badRequest',
        message: REPORT.asOfBeforePeriod(formatVnDate(opts.asOf), period.subject, formatVnDate(period.from)),
      },
    };
  const listed = snap.contents[SHEET.lists] ? readKnownLeads(snap.contents[SHEET.lists]) : undefined;
  const content = buildReport({
    tasks: read.tasks,
    settings,
    period,
    asOf: opts.asOf,
    errors: state.result.errors,
    trackerSheet: SHEET.tracker,
    listedLeads: listed,
    tthc: { read: state.tthc, listedFields: state.knownFields },
    results: state.results,
  });
  return { ok: true, state, settings, period, content, listed };
}

/**
 * "Tổng hợp báo cáo": refreshes "Tổng hợp" and writes the period's report as a dated snapshot. A report
 * sheet the add-in wrote and nobody edited since is replaced; an edited one is kept and the new one goes
 * beside it ("… (2)"); a user's own sheet of that name is never touched. Nothing is written on any error.
 */
/**
 * A report says whose it is: the unit (its header), the place (its date line) and the signer's name. Where Cài
 * đặt leaves one blank, no report is written, and the message names the cells to fill.
 */
function identityRefusal(state: Pick<TrackerState, 'settings' | 'settingRows'>): ReportOutcome | null {
  const missing = missingIdentity(state.settings);
  if (missing.length === 0) return null;
  const cells = missing.map((k) => ({
    label: SETTING_LABEL[k],
    cell: `B${state.settingRows[k] ?? settingRow(k)}`,
  }));
  return { ok: false, message: REPORT.identityMissing(cells), sheet: SHEET.settings, cell: cells[0].cell };
}

export async function compileReport(port: WorkbookPort, opts: ReportOptions): Promise<ReportOutcome> {
  return guarded(async (): Promise<ReportOutcome> => {
    const candidates = new Set<string>();
    const requested = opts.period;
    const bases = requested
      ? [reportPeriod(requested.year, requested.quarter, 'calendar').sheetName]
      : [
          periodContaining(opts.asOf, 'calendar').sheetName,
          periodContaining(opts.asOf, 'decree09').sheetName,
          // After the tracker's year, the button compiles that year's report (defaultPeriod).
          reportPeriod(Number(opts.asOf.slice(0, 4)) - 1, 4, 'calendar').sheetName,
        ];
    for (const b of bases) for (const v of variants(b)) candidates.add(v);
    const snap = await port.read([...TRACKER_SHEETS, SHEET.register, SHEET.summary, ...candidates]);
    const made = reportFromSnapshot(snap, { asOf: opts.asOf, period: opts.period });
    if (!made.ok) return made.outcome;
    const { state, period, content, listed } = made;
    const unnamed = identityRefusal(state);
    if (unnamed) return unnamed;
    const info = new Map<string, SheetInfo>(snap.sheets.map((s) => [sheetNameKey(s.name), s]));
    const registered = readRegister(snap.contents[SHEET.register]);
    const owned = new Map<string, OwnedSheet>(registered.map((o) => [sheetNameKey(o.name), o]));
    /** An existing sheet of that name (any case, any Unicode form) that the add-in wrote and nobody edited. */
    const untouchedOwn = (name: string, kind: OwnedSheet['kind']): boolean => {
      const mine = owned.get(sheetNameKey(name));
      const grid = snap.contents[name];
      return mine?.kind === kind && !!grid && fingerprintGrid(grid) === mine.fingerprint;
    };

    if (info.has(sheetNameKey(SHEET.summary)) && !untouchedOwn(SHEET.summary, 'summary')) {
      const mine = owned.get(sheetNameKey(SHEET.summary))?.kind === 'summary';
      return {
        ok: false,
        message: mine ? REPORT.summaryEdited() : REPORT.summaryTaken(),
        sheet: SHEET.summary,
      };
    }
    let target: string | undefined;
    for (const name of variants(period.sheetName)) {
      if (!info.has(sheetNameKey(name)) || untouchedOwn(name, 'report')) {
        target = name;
        break;
      }
    }
    if (!target)
      return {
        ok: false,
        message: REPORT.noFreeName(period.sheetName, MAX_VARIANTS),
        sheet: period.sheetName,
      };
    // A protected sheet among those written: the port refuses the plan (planRules.ts), and guarded says so.

    const summary = summaryFor(state, listed, opts.asOf).spec;
    const report = buildReportSheet(content, target);
    const writtenAt = (opts.now ?? new Date()).toISOString();
    const register = buildRegisterSheet(registered, [
      ownedEntry(summary, writtenAt),
      ownedEntry(report, writtenAt),
    ]);
    await port.apply({ write: [summary, report, register], activate: target, select: 'A1' });
    const warnings = [...(port.lastWarnings ?? [])];
    return {
      ok: true,
      message: [
        REPORT.written(target, period.subject, content.dataErrors.length),
        tthcLeftOutMessage(content.tthc, REPORT.tthcDataErrors, REPORT.tthcLeftOutWhere),
      ]
        .filter((x) => x !== '')
        .join(' '),
      sheet: target,
      cell: 'A1',
      content,
      json: reportJson(content, target),
      dataErrorRows: content.dataErrors.length,
      warnings,
    };
  });
}
