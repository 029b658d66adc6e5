import type { FileProgress, PickedFileLike } from '../app/consolidate';
import type { ConfirmedFix } from '../app/fixCells';
import type { OverviewOutcome } from '../app/overview';
import type { ResultsFormEntry, ResultsFormOutcome } from '../app/resultsForm';
import type { SettingsOutcome } from '../app/settingsForm';
import type { CarriedRow } from '../app/rollover';
import type { ActionOutcome } from '../app/types';
import type { IsoDate } from '../domain/dates';
import type { Quarter } from '../domain/periods';
import type { CheckResult } from '../domain/problems';
import type { ReportContent } from '../domain/report';
import type { Identity, Settings } from '../domain/settings';
import type { ActionLock } from './actionLock';

/** An action's outcome as the pane shows it: `notes` says what this Excel could not write as designed. */
export type PaneOutcome = ActionOutcome & { notes?: readonly string[] };

/** What "Tổng hợp báo cáo" returns: the outcome, and the report's content once made (for its Word document). */
type ReportView = PaneOutcome & { content?: ReportContent };

/** What "Kiểm tra dữ liệu" returns: the outcome, plus the problems found when the check could run. */
export type CheckView = ActionOutcome & { result?: CheckResult };

/** What the overview shows; `noTracker` when the workbook has no "Nhiệm vụ" sheet yet (not an error). */
export type OverviewView = OverviewOutcome & { noTracker?: boolean };

/** "Tổng hợp báo cáo" as the pane asks for it: a chosen period, figures as of a chosen day. */
export interface ReportRequest {
  period: { year: number; quarter: Quarter };
  asOf: IsoDate;
}

/** A workbook the user picked for "Tổng hợp nhiều xã" (a browser File is one). */
export type PickedFile = PickedFileLike;

/** "Tổng hợp nhiều xã" as the pane asks for it: the period, the day, the files picked. */
export interface ConsolidateRequest {
  period: { year: number; quarter: Quarter };
  asOf: IsoDate;
  files: readonly PickedFile[];
}
/**
 * What "Chuyển sang năm mới" returns: the outcome (what was carried, what stayed behind), the rows carried,
 * and the new workbook as a file to download; `opened` when the host opened it in a window of its own.
 */
export type RolloverView = PaneOutcome & {
  /** The old and the new tracker's years. */
  from?: number;
  to?: number;
  carried?: readonly CarriedRow[];
  file?: { bytes: Uint8Array; name: string };
  opened?: boolean;
  /** False where the pane cannot save a file (Excel on a Mac): no download button. */
  downloadable?: boolean;
};

/** Called when the workbook changed; the pane debounces these itself. */
export type ChangeListener = () => void;

/**
 * Everything the task pane can ask of the workbook. The pane receives these as props (as Microsoft's React
 * task-pane template does), so its components never touch Office.js: officeActions.ts builds the real ones,
 * the browser preview builds them over an in-memory .xlsx, tests pass fakes.
 */
export interface PaneActions {
  /** Today where the user is: the day deadlines are judged against. */
  today(): IsoDate;
  /** Reads the tracker and sums it up: counts by deadline state, late and soon-due tasks, next report. */
  loadOverview(): Promise<OverviewView>;
  /** Creates the tracker sheets for the year, Cài đặt with the commune's names the user gave. */
  initTracker(year: number, identity?: Identity): Promise<PaneOutcome>;
  /** Reads the tracker and lists its errors and warnings. */
  checkTracker(): Promise<CheckView>;
  /** Writes the fixes the user confirmed (where the cells still hold what the check saw). */
  fixCells(confirmed: readonly ConfirmedFix[]): Promise<PaneOutcome>;
  /** Refreshes "Tổng hợp" and writes the report; without a request, the period containing today. */
  compileReport(request?: ReportRequest): Promise<ReportView>;
  /**
   * Reads the picked communes' workbooks one at a time (`onFile` after each) and writes their consolidation
   * into this workbook: "Tổng hợp các xã", "Nhiệm vụ quá hạn", "Tệp không đọc được".
   */
  consolidate(request: ConsolidateRequest, onFile: (progress: FileProgress) => void): Promise<PaneOutcome>;
  /**
   * Builds next year's tracker in a new workbook from this one (which is only read), with the unfinished work
   * carried over, and opens it where the host can (Excel: a new window), else offers it as a file.
   */
  rolloverTracker(): Promise<RolloverView>;
  /** Reads the "Cài đặt" sheet into the settings form. */
  loadSettings(): Promise<SettingsOutcome>;
  /** Validates and writes the settings form into "Cài đặt". */
  saveSettings(settings: Settings): Promise<SettingsOutcome>;
  /** Reads "Kết quả theo kỳ" into the results editor (optional: a host without it shows no editor). */
  loadResults?(): Promise<ResultsFormOutcome>;
  /** Writes one row's result and planned work into "Kết quả theo kỳ" (where the row is still as read). */
  saveResult?(entry: ResultsFormEntry): Promise<ResultsFormOutcome>;
  /** Shows a cell to the user: activates its sheet and selects it. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Calls `onChange` whenever the workbook's cells or sheets change (not for the add-in's own writes, where
   * the host can tell). Resolves to a function that stops listening.
   */
  subscribeToChanges(onChange: ChangeListener): Promise<() => void>;
}

/** What differs between Excel and the browser preview. */
export interface PaneHost {
  today(): IsoDate;
  selectCell(sheet: string, cell: string): Promise<void>;
  subscribeToChanges(onChange: ChangeListener): Promise<() => void>;
  /** Notes of the last write about what this host could not do as designed (WorkbookPort.lastWarnings). */
  writeNotes?(): readonly string[];
  /**
   * One action at a time in the workbook, shared with the ribbon button (which runs apart from the pane).
   * Without one, the pane's own one-at-a-time rule is all there is (the browser preview).
   */
  lock?: ActionLock;
  /**
   * Opens an .xlsx file as a new workbook of its own (Excel: Excel.createWorkbook, ExcelApi 1.8, below the
   * manifest's 1.9): 'opened', or 'failed' (Excel refused it). Without it (the browser preview) the pane
   * offers the file for download only.
   */
  openWorkbook?(bytes: Uint8Array): Promise<'opened' | 'failed'>;
  /** Excel on a Mac (Office.context.platform): new windows open behind, files cannot be saved from the pane. */
  onMac?: boolean;
}
