/**
 * Results per period: what the officer wrote, for each reporting quarter, that was done under a task of the
 * plan (a standing task's results, progress on a dated task not yet done), and the work planned for the next
 * quarter. A third input beside Nhiệm vụ and Hồ sơ TTHC: written on its own sheet, read by its own reader and
 * checks, carried by rollover, and stated by the report under each plan section (section I) and in section III.
 *
 * This file is the contract between the sheet's reader and the report: the reader produces ResultsRead, the
 * report consumes it.
 */
import type { Quarter } from './periods';
import type { Problem } from './problems';

/** One text the officer wrote for one task and one quarter. */
export interface WrittenResult {
  /** The plan section (Mục) of the task, as the tracker's Mục column holds it ("II.4b"); "" when none. */
  section: string;
  /** The task's text, as on Nhiệm vụ, so the report attributes the words to it. */
  task: string;
  /** The Nhiệm vụ row the task is on, or null when the results sheet names a task no longer on Nhiệm vụ. */
  trackerRow: number | null;
  /** Its place in the plan's order (sorting key: the Nhiệm vụ row, else the results sheet's row). */
  order: number;
  quarter: Quarter;
  /** What was written, NFC, trimmed; never "". */
  text: string;
  /** What it is: done in the quarter ('result') or planned for the quarter ('planned'). */
  kind: 'result' | 'planned';
  /**
   * Planned work written on a Quý IV row: it is for the first quarter of the next year (`quarter` is then 1).
   * The sheet holds no other plan for a first quarter, so a 'planned' entry of quarter 1 always has it.
   */
  nextYear?: boolean;
  /** The cell it was written in ("D7"), for the check's messages. */
  cell: string;
}

export interface ResultsRead {
  /** The workbook has the results sheet. */
  present: boolean;
  /** It could be read (its header found). */
  readable: boolean;
  entries: WrittenResult[];
  problems: Problem[];
}

/** No results sheet: what a tracker made before results per period reads as. */
export const NO_RESULTS: ResultsRead = { present: false, readable: false, entries: [], problems: [] };
