/**
 * The web app's page (dist/app/): a toolbar to open the user's workbook (file picker or a file dropped on the
 * page), start a new one, and save it; below it the workspace (the task pane beside the sheets), loaded with
 * the .xlsx adapter when a file is first opened. session.ts opens and saves; this file holds the page's state.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { isIsoDate, type IsoDate } from '../domain/dates';
import { WEBAPP } from '../i18n/webapp';
import { canWriteBack, type FileHandleLike, pickWithHandle } from './fileAccess';
import {
  downloadSession,
  loadWorkspace,
  type Notice,
  openPickedFile,
  saveSession,
  type Session,
  type SessionControl,
  startSession,
} from './session';

const Workspace = React.lazy(loadWorkspace);

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', minHeight: 0 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexShrink: 0,
  },
  // The notices keep their height; the workspace below takes what is left.
  notices: { flexShrink: 0, display: 'flex', flexDirection: 'column' },
  title: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '220px' },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: '4px' },
  hiddenInput: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  main: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, overflowY: 'auto' },
  welcome: {
    margin: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    maxWidth: '720px',
  },
  dragging: {
    outline: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: '-8px',
  },
  status: { color: tokens.colorNeutralForeground2 },
});

export function readToday(search: string): IsoDate | null {
  const today = new URLSearchParams(search).get('today') ?? '';
  return isIsoDate(today) ? (today as IsoDate) : null;
}

/** The workbook's version now, and a re-render whenever it changes. */
function useVersion(session: Session | null): number {
  const subscribe = React.useCallback(
    (onChange: () => void) => (session ? session.opened.workbook.subscribeView(onChange) : () => undefined),
    [session],
  );
  return React.useSyncExternalStore(subscribe, () =>
    session ? session.opened.workbook.getView().version : 0,
  );
}

/** A tab closed (or reloaded) with unsaved work asks first. */
function useUnloadWarning(dirty: boolean): void {
  React.useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = WEBAPP.leaveUnsaved;
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

/** A dropped file, with its handle where Chromium gives one (asked for while the drop event lasts). */
function droppedFile(
  transfer: DataTransfer,
  writeBack: boolean,
): { file?: File; handle?: Promise<FileHandleLike | null>; many: boolean } {
  if (transfer.files.length > 1) return { many: true };
  const item = transfer.items?.[0] as
    (DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileHandleLike | null> }) | undefined;
  const handle = writeBack && item?.getAsFileSystemHandle ? item.getAsFileSystemHandle() : undefined;
  return { file: transfer.files[0], handle, many: false };
}

function NoticeBar({ notice, onClose }: { notice: Notice; onClose: () => void }): React.JSX.Element {
  const actions = notice.actions ?? [{ label: WEBAPP.close, run: onClose }];
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
      <MessageBarBody>{notice.text}</MessageBarBody>
      <MessageBarActions>
        {actions.map((a) => (
          <Button key={a.label} onClick={a.run}>
            {a.label}
          </Button>
        ))}
      </MessageBarActions>
    </MessageBar>
  );
}

function Welcome({ writeBack }: { writeBack: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.welcome} aria-labelledby="welcome-heading">
      <Text as="h2" id="welcome-heading" weight="semibold" size={500} className={styles.heading}>
        {WEBAPP.welcomeTitle}
      </Text>
      <Text>{WEBAPP.welcome}</Text>
      <Text>{WEBAPP.dropHint}</Text>
      {!writeBack && <Text>{WEBAPP.noSaveApi}</Text>}
      <Caption1 className={styles.hint}>{WEBAPP.privacy}</Caption1>
    </main>
  );
}

interface ToolbarProps {
  session: Session | null;
  dirty: boolean;
  busy: boolean;
  writeBack: boolean;
  onOpen: () => void;
  onInput: (file: File) => void;
  onNew: () => void;
  onSave: () => void;
  onDownload: () => void;
}

function Toolbar(props: ToolbarProps): React.JSX.Element {
  const { session, dirty, busy, writeBack } = props;
  const styles = useStyles();
  const inputId = 'workbook-file';
  const inPlace = session?.handle !== undefined && writeBack;
  return (
    <header className={styles.toolbar}>
      <div className={styles.title}>
        <Text as="h1" weight="semibold" size={400} className={styles.heading}>
          {WEBAPP.heading}
        </Text>
        <Caption1 className={styles.hint}>{WEBAPP.intro}</Caption1>
      </div>
      <div className={styles.buttons}>
        <Button onClick={props.onOpen} disabled={busy}>
          {WEBAPP.openFile}
        </Button>
        <label htmlFor={inputId} className={styles.hiddenInput}>
          {WEBAPP.fileInputLabel}
        </label>
        <input
          id={inputId}
          type="file"
          className={styles.hiddenInput}
          tabIndex={-1}
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) props.onInput(file);
          }}
          data-testid="file-input"
        />
        <Button onClick={props.onNew} disabled={busy}>
          {WEBAPP.newTracker}
        </Button>
        {inPlace && (
          <Button appearance="primary" onClick={props.onSave} disabled={busy}>
            {WEBAPP.save}
          </Button>
        )}
        {session && (
          <Button appearance={inPlace ? 'secondary' : 'primary'} onClick={props.onDownload} disabled={busy}>
            {WEBAPP.download}
          </Button>
        )}
      </div>
      {session && (
        <Caption1 className={styles.status} role="status" data-testid="save-state">
          {dirty ? WEBAPP.unsaved : WEBAPP.allSaved}
        </Caption1>
      )}
    </header>
  );
}

/** "Mở tệp…" (the browser's picker with a handle where it has one, else the file input) and a dropped file. */
function useFileOpening(
  ctl: SessionControl,
  mayReplace: () => boolean,
  setDragging: (dragging: boolean) => void,
): { onOpen: () => Promise<void>; onDrop: (event: React.DragEvent) => void } {
  const { writeBack, setNotice } = ctl;
  const onOpen = async (): Promise<void> => {
    if (!mayReplace()) return;
    if (!writeBack) return document.getElementById('workbook-file')?.click();
    const handle = await pickWithHandle().catch((error: unknown) => {
      setNotice({ intent: 'error', text: WEBAPP.pickerFailed(String(error)) });
      return null;
    });
    if (handle) await openPickedFile(ctl, await handle.getFile(), handle);
  };
  const onDrop = (event: React.DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const dropped = droppedFile(event.dataTransfer, writeBack);
    if (dropped.many || !dropped.file) {
      setNotice({ intent: 'warning', text: dropped.many ? WEBAPP.oneFileOnly : WEBAPP.notAFile });
      return;
    }
    const file = dropped.file;
    if (!mayReplace()) return;
    void (async () => {
      const handle = await dropped.handle?.catch(() => null);
      await openPickedFile(ctl, file, handle && handle.kind !== 'directory' ? handle : undefined);
    })();
  };
  return { onOpen, onDrop };
}

export interface WebAppProps {
  today: () => IsoDate;
  /** Set by the service worker: a new release waits to be used. */
  updateWaiting: (() => void) | null;
  initialNotice?: Notice | null;
}

export function WebApp({ today, updateWaiting, initialNotice = null }: WebAppProps): React.JSX.Element {
  const styles = useStyles();
  const [session, setSession] = React.useState<Session | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(initialNotice);
  const [dragging, setDragging] = React.useState(false);
  const ids = React.useRef(1);
  const version = useVersion(session);
  const dirty = session !== null && version !== session.savedVersion;
  const writeBack = canWriteBack();
  const ctl: SessionControl = {
    today,
    writeBack,
    nextId: () => ids.current++,
    setBusy,
    setNotice,
    setSession,
  };
  useUnloadWarning(dirty);
  // On the first screen a waiting release is used at once (nothing to lose); with a file open, when asked.
  React.useEffect(() => {
    if (updateWaiting && !session) updateWaiting();
  }, [updateWaiting, session]);
  const mayReplace = (): boolean => !dirty || window.confirm(WEBAPP.replaceUnsaved);
  const { onOpen, onDrop } = useFileOpening(ctl, mayReplace, setDragging);
  return (
    <div
      className={mergeClasses(styles.page, dragging && styles.dragging)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <Toolbar
        session={session}
        dirty={dirty}
        busy={busy !== null}
        writeBack={writeBack}
        onOpen={() => void onOpen()}
        onInput={(file) => mayReplace() && void openPickedFile(ctl, file)}
        onNew={() => mayReplace() && void startSession(ctl, null, null)}
        onSave={() => session && void saveSession(ctl, session)}
        onDownload={() => session && void downloadSession(ctl, session)}
      />
      <div className={styles.notices}>
        {updateWaiting && session && (
          <NoticeBar
            notice={{
              intent: 'info',
              text: WEBAPP.updateReady,
              actions: [{ label: WEBAPP.useUpdate, run: updateWaiting }],
            }}
            onClose={() => undefined}
          />
        )}
        {busy && <Spinner size="tiny" label={busy} />}
        {notice && <NoticeBar notice={notice} onClose={() => setNotice(null)} />}
      </div>
      {/* Not <main>: the pane's own root is the page's main landmark (as in Excel). */}
      <div className={styles.main}>
        {session ? (
          <React.Suspense fallback={<Spinner label={WEBAPP.loading} />}>
            <Workspace
              key={session.id}
              opened={session.opened}
              name={session.name ?? WEBAPP.newWorkbookName}
              today={today()}
            />
          </React.Suspense>
        ) : (
          <Welcome writeBack={writeBack} />
        )}
      </div>
    </div>
  );
}
