/**
 * The web app's workspace, loaded when a file is opened or a new one started (a dynamic import): the .xlsx
 * adapter (ExcelJS, JSZip), the task pane and the sheet view. The first screen does not wait for any of it.
 *
 * Every action is the pane's (src/taskpane/paneActions.ts over the application layer, as in Excel and the
 * CLI); this module only gives them the user's workbook and the browser as host.
 */
import * as React from 'react';
import { Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { loadSettings } from '../app/settingsForm';
import type { IsoDate } from '../domain/dates';
import { WEBAPP } from '../i18n/webapp';
import { unreadableReason } from '../i18n/xlsx';
import { PreviewWorkbook } from '../preview/previewWorkbook';
import { SheetView } from '../preview/SheetView';
import { App } from '../taskpane/App';
import type { PaneActions } from '../taskpane/actions';
import { createPaneActions } from '../taskpane/paneActions';
import { UnreadableWorkbookError } from '../workbook/xlsx/unreadable';

export interface OpenedWorkbook {
  workbook: PreviewWorkbook;
  actions: PaneActions;
}

export type OpenOutcome = { ok: true; opened: OpenedWorkbook } | { ok: false; message: string };

function withActions(workbook: PreviewWorkbook, today: () => IsoDate): OpenedWorkbook {
  const actions = createPaneActions(workbook, {
    today,
    selectCell: (sheet, cell) => workbook.selectCell(sheet, cell),
    subscribeToChanges: async (onChange) => workbook.onUserChange(onChange),
  });
  return { workbook, actions };
}

/**
 * Opens the user's file (bytes) or a new workbook (null) through the .xlsx adapter. A file the adapter cannot
 * read (damaged, password-protected, Excel 97–2003, past a limit, not a workbook) is one Vietnamese line, the
 * CLI's reason.
 */
export async function openWorkbook(
  bytes: Uint8Array | null,
  name: string,
  today: () => IsoDate,
): Promise<OpenOutcome> {
  try {
    const workbook = bytes ? await PreviewWorkbook.fromBytes(bytes) : await PreviewWorkbook.create();
    return { ok: true, opened: withActions(workbook, today) };
  } catch (error) {
    if (error instanceof UnreadableWorkbookError)
      return { ok: false, message: WEBAPP.cannotOpen(name, unreadableReason(error.reason)) };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: WEBAPP.cannotOpenDetail(name, detail) };
  }
}

/** The name a new workbook is saved under: its plan year's (the preview's and the pane's own file name). */
export async function newFileName(workbook: PreviewWorkbook, today: IsoDate): Promise<string> {
  const fallbackYear = Number(today.slice(0, 4));
  try {
    const settings = await loadSettings(workbook, { fallbackYear });
    return WEBAPP.fileName(settings.settings?.year ?? fallbackYear);
  } catch {
    return WEBAPP.fileName(fallbackYear);
  }
}

const useStyles = makeStyles({
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  pane: {
    flexShrink: 0,
    width: '350px',
    overflowY: 'auto',
    overflowX: 'hidden',
    boxShadow: `${tokens.strokeWidthThin} 0 0 ${tokens.colorNeutralStroke2}`,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  workbook: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    flexGrow: 1,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    overflow: 'auto',
  },
  // A narrow window (a phone, a half screen): the pane above the workbook, both full width.
  narrowBody: { flexDirection: 'column', overflowY: 'auto' },
  narrowPane: { width: '100%', overflowY: 'visible', boxShadow: 'none' },
  narrowWorkbook: { overflow: 'visible' },
});

function useNarrow(): boolean {
  const query = '(max-width: 700px)';
  const subscribe = React.useCallback((onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return React.useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}

export interface WorkspaceProps {
  opened: OpenedWorkbook;
  name: string;
  today: IsoDate;
}

/** The pane beside the workbook's sheets (the pane above them in a narrow window). */
function Workspace({ opened, name, today }: WorkspaceProps): React.JSX.Element {
  const styles = useStyles();
  const narrow = useNarrow();
  return (
    <div className={mergeClasses(styles.body, narrow && styles.narrowBody)}>
      <div className={mergeClasses(styles.pane, narrow && styles.narrowPane)} data-testid="pane">
        <App actions={opened.actions} />
      </div>
      <section
        className={mergeClasses(styles.workbook, narrow && styles.narrowWorkbook)}
        aria-labelledby="workbook-heading"
        // Scrolls on its own: reachable from the keyboard.
        tabIndex={0}
      >
        <Subtitle2 as="h2" id="workbook-heading">
          {WEBAPP.workbookLabel(name)}
        </Subtitle2>
        <SheetView workbook={opened.workbook} today={today} />
      </section>
    </div>
  );
}

export default Workspace;
