/**
 * "Chuyển sang năm mới" in the pane: next year's workbook built as an .xlsx file in memory, from the open
 * workbook (only read, through whatever port the pane has). Loaded when first used (a dynamic import): it
 * brings the .xlsx adapter (ExcelJS, JSZip), which the pane's first screen must not wait for.
 */
import { rolloverTracker, type RolloverOutcome } from '../app/rollover';
import type { ActionOutcome } from '../app/types';
import { outcomeNotes } from './outcomeText';
import type { IsoDate } from '../domain/dates';
import { ROLLOVER_PANE } from '../i18n/rollover';
import type { WorkbookPort } from '../workbook/port';
import { openXlsx } from '../workbook/xlsx/xlsxWorkbook';
import type { PaneHost, RolloverView } from './actions';

type RolloverFile = RolloverOutcome & { file?: { bytes: Uint8Array; name: string } };

async function buildRolloverFile(source: WorkbookPort, today: IsoDate): Promise<RolloverFile> {
  const target = await openXlsx(null);
  const outcome = await rolloverTracker(source, target, { today });
  if (!outcome.ok || outcome.to === undefined) return outcome;
  return { ...outcome, file: { bytes: await target.toBuffer(), name: ROLLOVER_PANE.fileName(outcome.to) } };
}

/** What the user does next with the new workbook, after the outcome's message: where it is, or how to get it. */
function deliveryMessage(
  to: number,
  fileName: string,
  opened: 'opened' | 'failed' | undefined,
  onMac: boolean,
): string {
  if (opened === 'opened') return (onMac ? ROLLOVER_PANE.openedMac : ROLLOVER_PANE.opened)(to, fileName);
  // Excel on a Mac does not save a file the pane offers (office-js#2700): there is no download to offer.
  if (onMac) return ROLLOVER_PANE.noDownloadMac(to);
  if (opened === 'failed') return ROLLOVER_PANE.notOpened(to, fileName);
  return ROLLOVER_PANE.download(to, fileName);
}

export interface PaneRolloverHost {
  today: IsoDate;
  /** Runs the build under the pane's one-action rule (a busy outcome when another action holds the workbook). */
  exclusive: (work: () => Promise<RolloverFile>) => Promise<RolloverFile | ActionOutcome>;
  openWorkbook?: PaneHost['openWorkbook'];
  /** Excel on a Mac: the new window opens behind, and a file cannot be saved from the pane. */
  onMac?: boolean;
}

/** The pane's "Chuyển sang năm mới": the file built, then opened where the host can, and what to do next. */
export async function rolloverInPane(source: WorkbookPort, host: PaneRolloverHost): Promise<RolloverView> {
  const built = await host.exclusive(() => buildRolloverFile(source, host.today));
  // Nothing is written to this workbook, so the host's notes of an earlier write do not belong here.
  const notes = outcomeNotes(built, []);
  const view: RolloverView = notes.length > 0 ? { ...built, notes } : built;
  if (!('file' in built) || !built.file || built.to === undefined) return view;
  const { file, to } = built;
  const opened = host.openWorkbook ? await host.openWorkbook(file.bytes) : undefined;
  const onMac = host.onMac === true;
  return {
    ...view,
    message: `${built.message} ${deliveryMessage(to, file.name, opened, onMac)}`,
    opened: opened === 'opened',
    ...(onMac ? { downloadable: false } : {}),
  };
}
