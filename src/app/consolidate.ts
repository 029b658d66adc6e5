/**
 * "Tổng hợp nhiều xã": the body that receives every commune's workbook consolidates them in one step. Each
 * file is opened, reduced to its commune's report of the period (reportFromSnapshot: the very computation of
 * `cchc report`), and let go before the next one is opened, so memory does not grow with the number of files.
 * A file that cannot be used becomes a row of "Tệp không đọc được" with its reason; the batch goes on. No input
 * is ever written: a source gives bytes, and only the target port is written to.
 *
 * The CLI (src/cli/consolidate.ts) and the task pane are two thin callers: each gives its sources (files on
 * disk, files picked in the browser), the function that opens bytes as a workbook (the .xlsx adapter, which the
 * pane loads only for this action), and the workbook to write into (a new file, the open workbook).
 */
import {
  CONSOLIDATION_MESSAGE,
  CONSOLIDATION_REASON,
  CONSOLIDATION_SHEET,
  unitWords,
} from '../i18n/consolidation';
import { SHEET } from '../i18n/vi';
import {
  consolidate,
  displayUnitName,
  vietnamDay,
  type CommuneReport,
  type Consolidation,
  type FailedFile,
} from '../domain/consolidation';
import type { IsoDate } from '../domain/dates';
import { missingIdentity } from '../domain/settings';
import { reportPeriod, type Quarter } from '../domain/periods';
import { countsJson } from '../domain/report';
import type { TthcReport } from '../domain/reportTthc';
import { hasFigures } from '../domain/tthcFigures';
import { sheetNameKey, unitKindOf } from '../domain/text';
import {
  buildConsolidationSheets,
  notUsedFiles,
  type ConsolidationSheetNames,
} from '../sheets/consolidationSheets';
import {
  buildRegisterSheet,
  CONSOLIDATION_SHEET_KINDS,
  fingerprintGrid,
  ownedEntry,
  readRegister,
  type OwnedSheet,
} from '../sheets/register';
import type { ConsolidationSheetKind } from '../sheets/spec';
import { WorkbookError, type WorkbookPort, type WorkbookSnapshot } from '../workbook/port';
import { reportFromSnapshot, type ReportRefusal } from './compileReport';
import { TRACKER_SHEETS } from './checkTracker';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface ConsolidationRequest {
  period: { year: number; quarter: Quarter };
  /** The day every commune's tasks are judged as of. */
  asOf: IsoDate;
}

/** One commune's file, read only when its turn comes. */
export interface ConsolidationSource {
  /** The file as the user names it: its path as given, or its name in the file picker. */
  name: string;
  /** The file's own modification time (ISO timestamp), when known. */
  modifiedAt?: string | null;
  /** The file's bytes. Throws SourceError, saying why in Vietnamese, when they cannot be read. */
  bytes(): Promise<Uint8Array>;
}

/** What became of one file, as it is read: for a progress line or list. */
export interface FileProgress {
  /** 1-based. */
  index: number;
  total: number;
  file: string;
  /** The commune's unit name when the file was used, else the reason it was not. */
  unit?: string;
  reason?: string;
}

export interface ConsolidateOptions {
  /** Opens bytes as a workbook (the .xlsx adapter's openXlsx). Throws WorkbookError for a file it cannot read. */
  open: (bytes: Uint8Array) => Promise<WorkbookPort>;
  /** Called after each file. */
  onFile?: (progress: FileProgress) => void;
  /** The clock (default: now): a register date or a file time after it is not believed. */
  now?: Date;
}

/** How far ahead of the clock a time may be and still be believed (another computer's clock, time zones). */
const CLOCK_SLACK_MS = 24 * 3_600_000;

const isConsolidationKind = (kind: string): kind is ConsolidationSheetKind =>
  (CONSOLIDATION_SHEET_KINDS as readonly string[]).includes(kind);

/** A commune's report refused, in the words of the body that consolidates. */
function refusalReason(refusal: ReportRefusal, asOf: IsoDate): string {
  switch (refusal.code) {
    case 'trackerMissing':
      return CONSOLIDATION_REASON.notTracker;
    case 'trackerBroken':
      return CONSOLIDATION_REASON.trackerBroken(refusal.message);
    case 'otherYear':
      return CONSOLIDATION_REASON.otherYear(refusal.trackerYear, refusal.period.year, refusal.period.subject);
    case 'asOfBeforePeriod':
      return CONSOLIDATION_REASON.asOfBeforePeriod(asOf, refusal.period.subject, refusal.period.from);
  }
}

/** The sheet names of a period's report: "Báo cáo 6 tháng 2026", "Báo cáo 6 tháng 2026 (2)", … */
function isReportOf(name: string, base: string): boolean {
  const key = sheetNameKey(name);
  const b = sheetNameKey(base);
  return key === b || new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`).test(key);
}

/**
 * One commune's report of the period from a snapshot of its workbook (Nhiệm vụ, Cài đặt, Danh mục and the
 * register), or the reason it cannot be used. Pure.
 */
export function communeFromSnapshot(
  snap: WorkbookSnapshot,
  request: ConsolidationRequest,
  file: { name: string; modifiedAt?: string | null },
  now: Date = new Date(),
): { ok: true; commune: CommuneReport } | { ok: false; reason: string } {
  const registered = readRegister(snap.contents[SHEET.register]);
  if (registered.some((o) => isConsolidationKind(o.kind)))
    return { ok: false, reason: CONSOLIDATION_REASON.isConsolidation };
  const made = reportFromSnapshot(snap, { asOf: request.asOf, period: request.period });
  if (!made.ok) return { ok: false, reason: refusalReason(made.refusal, request.asOf) };
  const { settings, period, content } = made;
  // A tracker that does not say whose it is (Tên đơn vị blank, or only invisible characters) is nobody's.
  if (missingIdentity(settings).includes('unitName'))
    return { ok: false, reason: CONSOLIDATION_REASON.noUnitName };
  const existing = new Set(snap.sheets.map((s) => sheetNameKey(s.name)));
  // A time after the clock (a forged 9999-12-31, a computer's clock set wrong) says nothing: it neither wins
  // the choice between two files of one commune nor shows as the day the commune compiled its report.
  const believable = (iso: string | null | undefined): iso is string =>
    !!iso && !Number.isNaN(Date.parse(iso)) && Date.parse(iso) <= now.getTime() + CLOCK_SLACK_MS;
  const written = (o: OwnedSheet): boolean =>
    existing.has(sheetNameKey(o.name)) && vietnamDay(o.writtenAt) !== null && believable(o.writtenAt);
  const latest = (list: OwnedSheet[]): OwnedSheet | undefined =>
    list.reduce<OwnedSheet | undefined>(
      (a, o) => (!a || Date.parse(o.writtenAt) > Date.parse(a.writtenAt) ? o : a),
      undefined,
    );
  const ownReport = latest(
    registered.filter((o) => o.kind === 'report' && written(o) && isReportOf(o.name, period.sheetName)),
  );
  const compiled = latest(
    registered.filter((o) => (o.kind === 'report' || o.kind === 'summary') && written(o)),
  );
  const flagged = new Set(content.dataErrors.map((d) => d.row));
  return {
    ok: true,
    commune: {
      unit: displayUnitName(settings.unitName),
      file: file.name,
      year: settings.year,
      from: period.from,
      to: period.to,
      totals: content.totals,
      completionRate: content.rate,
      ...communeTthc(content.tthc),
      ownReport: ownReport
        ? { sheet: ownReport.name, day: vietnamDay(ownReport.writtenAt) as IsoDate }
        : null,
      overdue: content.overdueAll.map((r) => ({
        section: r.task.section,
        task: r.task.task,
        lead: r.task.lead,
        deadline: r.task.deadline as IsoDate,
        daysLate: r.daysLate,
        row: r.task.row,
        dataError: flagged.has(r.task.row),
        note: r.task.note,
      })),
      dataErrorRows: content.dataErrors.length,
      compiledAt: compiled?.writtenAt ?? null,
      fileTime: believable(file.modifiedAt) ? file.modifiedAt : null,
    },
  };
}

/**
 * A commune's TTHC figures of the period, as its own report counts them (null where its workbook has no Hồ sơ
 * TTHC, or no month of the period has figures): each field with a figure and the total.
 */
function communeTthc(t: TthcReport): Pick<CommuneReport, 'tthc' | 'tthcOnTimeRate'> {
  if (!t.available || t.figures.months.length === 0) return { tthc: null, tthcOnTimeRate: null };
  return {
    tthc: {
      byField: t.figures.byField.filter(hasFigures).map((f) => ({ field: f.field, figures: f.figures })),
      totals: t.figures.totals,
      months: t.figures.months,
    },
    tthcOnTimeRate: t.figures.onTimeRate,
  };
}

/** The sheets a commune's report needs from its workbook: the tracker's (Hồ sơ TTHC included) and the register. */
const COMMUNE_SHEETS = [...TRACKER_SHEETS, SHEET.register];

/** Reads one commune's workbook: its report of the period, or the reason it cannot be used. */
async function readCommune(
  port: WorkbookPort,
  request: ConsolidationRequest,
  file: { name: string; modifiedAt?: string | null },
  now?: Date,
): Promise<{ ok: true; commune: CommuneReport } | { ok: false; reason: string }> {
  return communeFromSnapshot(await port.read(COMMUNE_SHEETS), request, file, now);
}

/** A source could not give its bytes (a file gone, unreadable): the message says so in Vietnamese. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** A failure reading a file, in one Vietnamese sentence. */
function readFailure(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  // The adapters word their refusals in Vietnamese; an 'io' error may carry the zip library's own words, and
  // anything else is a file the reader could not make sense of.
  if (error instanceof WorkbookError && error.code !== 'io' && error.message) return error.message;
  return CONSOLIDATION_REASON.unreadable;
}

/**
 * Reads every source, one at a time, into the consolidation of the period. Never throws for a file: each
 * failure is a FailedFile and the rest goes on.
 */
export async function consolidateFiles(
  sources: readonly ConsolidationSource[],
  request: ConsolidationRequest,
  opts: ConsolidateOptions,
): Promise<Consolidation> {
  const communes: CommuneReport[] = [];
  const failed: FailedFile[] = [];
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i];
    let result: { ok: true; commune: CommuneReport } | { ok: false; reason: string };
    try {
      // Only this file's workbook is alive during its turn: nothing of it is kept but its CommuneReport.
      const bytes = await source.bytes();
      if (bytes.length === 0) throw new SourceError(CONSOLIDATION_REASON.empty);
      const port = await opts.open(bytes);
      result = await readCommune(
        port,
        request,
        { name: source.name, modifiedAt: source.modifiedAt },
        opts.now,
      );
    } catch (error) {
      result = { ok: false, reason: readFailure(error) };
    }
    if (result.ok) communes.push(result.commune);
    else failed.push({ file: source.name, reason: result.reason });
    opts.onFile?.({
      index: i + 1,
      total: sources.length,
      file: source.name,
      ...(result.ok ? { unit: result.commune.unit } : { reason: result.reason }),
    });
  }
  const p = reportPeriod(request.period.year, request.period.quarter);
  return consolidate({
    period: { id: p.id, year: p.year, quarter: p.quarter, subject: p.subject },
    asOf: request.asOf,
    communes,
    failed,
  });
}

/** A file picked in a browser (File has these). */
export interface PickedFileLike {
  name: string;
  /** Milliseconds since 1970 (File.lastModified). */
  lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Files picked in the browser as sources: each read when its turn comes. */
export function pickedSources(files: readonly PickedFileLike[]): ConsolidationSource[] {
  return files.map((file) => ({
    name: file.name,
    modifiedAt: file.lastModified ? new Date(file.lastModified).toISOString() : null,
    bytes: async () => {
      try {
        return new Uint8Array(await file.arrayBuffer());
      } catch {
        throw new SourceError(CONSOLIDATION_REASON.cannotOpen);
      }
    },
  }));
}

/** Nothing was picked. */
export function noFilesOutcome(): ActionOutcome {
  return { ok: false, message: CONSOLIDATION_MESSAGE.noFiles };
}

/** What `cchc consolidate --json` prints. */
export function consolidationJson(c: Consolidation): object {
  return {
    period: c.period.id,
    asOf: c.asOf,
    communes: c.communes.map((x) => ({
      unit: x.unit,
      file: x.file,
      year: x.year,
      totals: countsJson(x.totals),
      completionRate: x.completionRate,
      tthcOnTimeRate: x.tthcOnTimeRate,
      // As `cchc report --json` gives them: totals and each field with a figure, { field, …T }.
      tthc: x.tthc && {
        totals: x.tthc.totals,
        byField: x.tthc.byField.map((b) => ({ field: b.field, ...b.figures })),
      },
      ownReport: x.ownReport,
    })),
    totals: countsJson(c.totals),
    completionRate: c.completionRate,
    ...(c.hasTthc ? { tthcTotals: c.tthcTotals, tthcOnTimeRate: c.tthcOnTimeRate } : {}),
    failed: c.failed.map((f) => ({ file: f.file, reason: f.reason })),
    duplicates: c.duplicates.map((d) => ({
      unit: d.unit,
      kept: d.kept,
      dropped: d.dropped.map((x) => x.file),
    })),
  };
}

/** Files not used: those that failed and those dropped as another copy of a commune. */
export function notUsedCount(c: Consolidation): number {
  return notUsedFiles(c).length;
}

export interface ConsolidationOutcome extends ActionOutcome {
  /** The sheets written. */
  sheets?: string[];
}

/** How many " (2)", " (3)"… sets of sheet names to try before giving up. */
const MAX_VARIANTS = 9;

const BASE_NAMES: Record<keyof ConsolidationSheetNames, { name: string; kind: ConsolidationSheetKind }> = {
  communes: { name: CONSOLIDATION_SHEET.communes, kind: 'communes' },
  overdue: { name: CONSOLIDATION_SHEET.overdue, kind: 'communesOverdue' },
  tthc: { name: CONSOLIDATION_SHEET.tthc, kind: 'communesTthc' },
  failed: { name: CONSOLIDATION_SHEET.failed, kind: 'communesFailed' },
};

function namesAt(variant: number): ConsolidationSheetNames {
  const suffix = variant === 1 ? '' : ` (${variant})`;
  return {
    communes: `${BASE_NAMES.communes.name}${suffix}`,
    overdue: `${BASE_NAMES.overdue.name}${suffix}`,
    failed: `${BASE_NAMES.failed.name}${suffix}`,
    tthc: `${BASE_NAMES.tthc.name}${suffix}`,
  };
}

/**
 * Writes the consolidation's sheets into a workbook (a new one, or the one open in Excel). The add-in's
 * ownership rules hold: a sheet of the same name is replaced only when the add-in wrote it as that kind of
 * sheet and nobody has edited it since; otherwise the whole set goes beside it ("Tổng hợp các xã (2)", …).
 */
export async function writeConsolidation(
  port: WorkbookPort,
  c: Consolidation,
  opts: { now?: Date } = {},
): Promise<ConsolidationOutcome> {
  return guarded(async (): Promise<ConsolidationOutcome> => {
    const variants = Array.from({ length: MAX_VARIANTS }, (_, i) => namesAt(i + 1));
    const snap = await port.read([SHEET.register, ...variants.flatMap((v) => Object.values(v))]);
    const info = new Map(snap.sheets.map((s) => [sheetNameKey(s.name), s]));
    const registered = readRegister(snap.contents[SHEET.register]);
    const owned = new Map(registered.map((o) => [sheetNameKey(o.name), o]));
    const free = (name: string, kind: ConsolidationSheetKind): boolean => {
      if (!info.has(sheetNameKey(name))) return true;
      const mine = owned.get(sheetNameKey(name));
      const grid = snap.contents[name];
      return mine?.kind === kind && !!grid && fingerprintGrid(grid) === mine.fingerprint;
    };
    // "TTHC các xã" is written (and its name must be free) only when some commune has TTHC figures.
    const keys = (Object.keys(BASE_NAMES) as (keyof ConsolidationSheetNames)[]).filter(
      (k) => k !== 'tthc' || c.hasTthc,
    );
    const names = variants.find((v) => keys.every((k) => free(v[k], BASE_NAMES[k].kind)));
    if (!names)
      return {
        ok: false,
        message: CONSOLIDATION_MESSAGE.noFreeName(CONSOLIDATION_SHEET.communes, MAX_VARIANTS),
      };
    const written = keys.map((k) => names[k]);
    // A protected sheet among those written: the port refuses the plan (planRules.ts), and guarded says so.
    const specs = buildConsolidationSheets(c, names);
    const writtenAt = (opts.now ?? new Date()).toISOString();
    const register = buildRegisterSheet(
      registered,
      specs.map((s) => ownedEntry(s, writtenAt)),
    );
    await port.apply({ write: [...specs, register], activate: names.communes, select: 'A1' });
    return {
      ok: true,
      message: CONSOLIDATION_MESSAGE.written(
        names.communes,
        c.communes.length,
        notUsedCount(c),
        unitWords(new Set(c.communes.map((x) => unitKindOf(x.unit)))),
      ),
      sheet: names.communes,
      cell: 'A1',
      sheets: written,
    };
  });
}
