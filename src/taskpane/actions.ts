import type { ActionOutcome } from '../app/types';
import type { CheckResult } from '../domain/problems';

/** What "Kiểm tra dữ liệu" returns: the outcome, plus the problems found when the check could run. */
export type CheckView = ActionOutcome & { result?: CheckResult };

/**
 * Everything the task pane can ask of the workbook. The pane receives these as props (as Microsoft's React
 * task-pane template does), so its components never touch Office.js: officeActions.ts builds the real ones,
 * tests pass fakes.
 */
export interface PaneActions {
  /** Creates the tracker sheets for the year. */
  initTracker(year: number): Promise<ActionOutcome>;
  /** Reads the tracker and lists its errors and warnings. */
  checkTracker(): Promise<CheckView>;
  /** Writes the report as of today. */
  compileReport(): Promise<ActionOutcome>;
  /** Shows a cell to the user: activates its sheet and selects it. */
  selectCell(sheet: string, cell: string): Promise<void>;
}
