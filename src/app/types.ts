/** What an application action (init, check, report) tells its caller: the ribbon, the task pane, the CLI. */
export interface ActionOutcome {
  ok: boolean;
  /** Vietnamese sentence for the user: what was written, or what is wrong and what to do. */
  message: string;
  /** Where to look: the sheet (and cell) written, or where the problem is. */
  sheet?: string;
  cell?: string;
  /**
   * Why the action did not run: the workbook has no tracker yet; the request makes no sense for this
   * workbook (a report period of another year, an as-of day before the period): bad usage for the CLI; or
   * another action of the add-in was still running in this workbook (the pane or the ribbon: busy).
   */
  reason?: 'trackerMissing' | 'badRequest' | 'busy';
}
