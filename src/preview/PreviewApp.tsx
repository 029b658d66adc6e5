/**
 * The preview page: the task pane (the same App as in Excel) at a chosen width beside the workbook view, a
 * toolbar to switch the pane's width and theme, and "Tải tệp .xlsx".
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  FluentProvider,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
  useId,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { loadSettings } from '../app';
import type { IsoDate } from '../domain/dates';
import { PREVIEW } from '../i18n/ui';
import { App } from '../taskpane/App';
import type { PaneActions } from '../taskpane/actions';
import { saveBytes } from '../taskpane/download';
import { describeError } from '../taskpane/outcomeText';
import { WorkbookError } from '../workbook/port';
import type { PreviewWorkbook } from './previewWorkbook';
import { SheetView } from './SheetView';

const PANE_WIDTHS = [320, 350, 400, 500] as const;

export interface PreviewAppProps {
  workbook: PreviewWorkbook;
  actions: PaneActions;
  today: IsoDate;
  initialPaneWidth: number;
  initialTheme: 'light' | 'dark';
}

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', minHeight: 0 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: '240px' },
  hint: { color: tokens.colorNeutralForeground3 },
  control: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  pane: {
    flexShrink: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    // A shadow, not a border: the pane keeps exactly the width chosen (as Excel's pane frame does).
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
  },
});

/** "Tải tệp .xlsx": the workbook's bytes saved under the plan year's file name, and how that went. */
function useDownload(
  workbook: PreviewWorkbook,
  today: IsoDate,
): { download: () => Promise<void>; downloading: boolean; downloadError: string | null } {
  const [downloading, setDownloading] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string | null>(null);
  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const settings = await loadSettings(workbook, { fallbackYear: Number(today.slice(0, 4)) });
      const year = settings.settings?.year ?? Number(today.slice(0, 4));
      saveBytes(await workbook.toBytes(), PREVIEW.fileName(year));
    } catch (error) {
      const detail = error instanceof WorkbookError ? error.message : describeError(error);
      setDownloadError(PREVIEW.downloadFailed(detail));
    } finally {
      setDownloading(false);
    }
  };
  return { download, downloading, downloadError };
}

export function PreviewApp({
  workbook,
  actions,
  today,
  initialPaneWidth,
  initialTheme,
}: PreviewAppProps): React.JSX.Element {
  const styles = useStyles();
  const [paneWidth, setPaneWidth] = React.useState(initialPaneWidth);
  const [theme, setTheme] = React.useState(initialTheme);
  const { download, downloading, downloadError } = useDownload(workbook, today);
  const widthId = useId('pane-width');
  const themeId = useId('theme');

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.page}>
        <header className={styles.toolbar}>
          <div className={styles.title}>
            <Text weight="semibold">{PREVIEW.heading}</Text>
            <Caption1 className={styles.hint}>{PREVIEW.intro}</Caption1>
          </div>
          <div className={styles.control}>
            <Label htmlFor={widthId}>{PREVIEW.paneWidthLabel}</Label>
            <Select id={widthId} value={String(paneWidth)} onChange={(_, d) => setPaneWidth(Number(d.value))}>
              {PANE_WIDTHS.map((w) => (
                <option key={w} value={w}>
                  {PREVIEW.paneWidth(w)}
                </option>
              ))}
            </Select>
          </div>
          <div className={styles.control}>
            <Label htmlFor={themeId}>{PREVIEW.themeLabel}</Label>
            <Select
              id={themeId}
              value={theme}
              onChange={(_, d) => setTheme(d.value === 'dark' ? 'dark' : 'light')}
            >
              <option value="light">{PREVIEW.themeLight}</option>
              <option value="dark">{PREVIEW.themeDark}</option>
            </Select>
          </div>
          <Button appearance="primary" onClick={() => void download()} disabled={downloading}>
            {downloading ? PREVIEW.downloading : PREVIEW.download}
          </Button>
        </header>
        {downloadError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{downloadError}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.body}>
          <div className={styles.pane} style={{ width: `${paneWidth}px` }} data-testid="pane">
            <App actions={actions} />
          </div>
          <section className={styles.workbook} aria-labelledby="workbook-heading">
            <Subtitle2 as="h2" id="workbook-heading">
              {PREVIEW.workbookLabel}
            </Subtitle2>
            <SheetView workbook={workbook} today={today} />
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}
