/** What an application action (init, check, report) tells its caller: the ribbon, the task pane, the CLI. */
export interface ActionOutcome {
  ok: boolean;
  /** Vietnamese sentence for the user: what was written, or what is wrong and what to do. */
  message: string;
  /** Where to look: the sheet (and cell) written, or where the problem is. */
  sheet?: string;
  cell?: string;
  /**
   * trackerMissing: the action could not start because the workbook has no tracker yet; busy: another
   * action of the add-in was still running in this workbook (the pane or the ribbon), so this one did not
   * start.
   */
  reason?: 'trackerMissing' | 'busy';
}
