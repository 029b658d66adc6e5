/**
 * A plain, read-only view of the preview workbook: a tab per sheet, notes on what can be done on the sheet
 * shown, and the sheet itself (SheetGrid.tsx). The tracker's "Trạng thái" and "Ngày hoàn thành" and Hồ sơ
 * TTHC's counts and reasons can be edited there (through the port's single-cell updates), so the pane's
 * reaction to a user's edits can be tried without Excel.
 */
import * as React from 'react';
import { Caption1, Subtitle2, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { IsoDate } from '../domain/dates';
import { PREVIEW } from '../i18n/ui';
import { SHEET } from '../i18n/vi';
import type { PreviewWorkbook } from './previewWorkbook';
import { SheetGrid } from './SheetGrid';
import { trackerModel } from './sheetModel';
import { useWorkbookContents } from './useWorkbookContents';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    minHeight: 0,
  },
  notes: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  // Many sheets (a consolidation adds four) wrap onto a second line rather than run past the view's edge.
  tabs: { flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground2 },
});

export function SheetView({
  workbook,
  today,
}: {
  workbook: PreviewWorkbook;
  today: IsoDate;
}): React.JSX.Element {
  const styles = useStyles();
  const view = React.useSyncExternalStore(workbook.subscribeView, workbook.getView);
  const loaded = useWorkbookContents(workbook, view.version);
  const model = React.useMemo(() => {
    const tracker = loaded?.contents[SHEET.tracker];
    return tracker ? trackerModel(tracker, loaded.contents[SHEET.settings], today) : undefined;
  }, [loaded, today]);

  if (!loaded) return <Text>{PREVIEW.loading}</Text>;
  const visible = loaded.sheets.filter((s) => s.visibility !== 'veryHidden');
  if (visible.length === 0) return <Text>{PREVIEW.emptyWorkbook}</Text>;
  const active = visible.find((s) => s.name === view.activeSheet) ?? visible[0];
  const raw = loaded.contents[active.name];
  const selection = view.selection?.sheet === active.name ? view.selection.cell : null;

  return (
    <div className={styles.root}>
      <TabList
        size="small"
        className={styles.tabs}
        selectedValue={active.name}
        onTabSelect={(_, data) => workbook.showSheet(String(data.value))}
        aria-label={PREVIEW.sheetsLabel}
      >
        {visible.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.visibility === 'hidden' ? PREVIEW.hiddenSheet(s.name) : s.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.notes}>
        {active.name === SHEET.tracker && <Caption1 className={styles.hint}>{PREVIEW.editHint}</Caption1>}
        {active.name === SHEET.tthc && <Caption1 className={styles.hint}>{PREVIEW.tthcEditHint}</Caption1>}
        {active.name === SHEET.results && (
          <Caption1 className={styles.hint}>{PREVIEW.resultsEditHint}</Caption1>
        )}
        {(active.name === SHEET.tracker || active.name === SHEET.summary || active.name === SHEET.tthc) && (
          <Caption1 className={styles.hint}>{PREVIEW.formulaNote}</Caption1>
        )}
        {selection && (
          <Caption1 className={styles.status} data-testid="selection">
            {PREVIEW.selectedCell(active.name, selection)}
          </Caption1>
        )}
      </div>
      {raw ? (
        <SheetGrid
          workbook={workbook}
          raw={raw}
          layout={loaded.layouts[active.name]}
          model={model}
          today={today}
          contents={loaded.contents}
          selection={selection}
        />
      ) : (
        <Subtitle2>{PREVIEW.sheetMissing(active.name)}</Subtitle2>
      )}
    </div>
  );
}
