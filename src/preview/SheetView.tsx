/**
 * A plain, read-only view of the preview workbook: a tab per sheet and its used range as a table, values
 * formatted as Excel shows them, tracker rows in their deadline-state colours, Hồ sơ TTHC rows in theirs. The
 * tracker's "Trạng thái" and "Ngày hoàn thành" and Hồ sơ TTHC's counts and reasons can be edited here (through
 * the port's single-cell updates), so the pane's reaction to a user's edits can be tried without Excel.
 */
import * as React from 'react';
import {
  Caption1,
  Subtitle2,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { colToLetters, parseA1Range, toA1, tryParseA1Cell } from '../domain/a1';
import type { IsoDate } from '../domain/dates';
import { PREVIEW } from '../i18n/ui';
import { SHEET, STATUS_LABEL } from '../i18n/vi';
import { HEADER_FILL, HEADER_FONT, STATE_COLORS } from '../sheets/palette';
import type { RawSheet, SheetInfo } from '../workbook/port';
import type { SheetLayout } from '../workbook/xlsx/xlsxWorkbook';
import type { PreviewWorkbook } from './previewWorkbook';
import {
  completedOnValue,
  computedCells,
  countValue,
  displayValue,
  TTHC_EDITABLE,
  tthcHeader,
  tthcModel,
  trackerModel,
  type TrackerModel,
  type TthcModel,
} from './sheetModel';

interface Loaded {
  version: number;
  sheets: SheetInfo[];
  contents: Record<string, RawSheet>;
  layouts: Record<string, SheetLayout | undefined>;
}

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
  scroller: {
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexGrow: 1,
    minHeight: '240px',
  },
  table: {
    borderCollapse: 'collapse',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  corner: {
    position: 'sticky',
    top: 0,
    left: 0,
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    minWidth: '3em',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalS}`,
    textAlign: 'right',
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: 'top',
    minWidth: '8ch',
    maxWidth: '30ch',
  },
  /** A cell drawn at the sheet's own column width (the merged ones of the report, say). */
  sized: { minWidth: 0, maxWidth: 'none' },
  /** A merged cell's text in full, wrapped as the sheet wraps it. */
  fullText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: '4',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  formula: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  header: { fontWeight: tokens.fontWeightSemibold },
  selectedRowHead: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  editor: {
    width: '100%',
    minWidth: '11ch',
    boxSizing: 'border-box',
    font: 'inherit',
    color: 'inherit',
    backgroundColor: 'transparent',
    border: `${tokens.strokeWidthThin} solid currentColor`,
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  status: { color: tokens.colorNeutralForeground2 },
});

const STATUS_CHOICES: readonly string[] = [
  STATUS_LABEL.notStarted,
  STATUS_LABEL.inProgress,
  STATUS_LABEL.done,
];

function useWorkbookContents(workbook: PreviewWorkbook, version: number): Loaded | null {
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  React.useEffect(() => {
    let stale = false;
    void (async () => {
      const names = (await workbook.read([])).sheets
        .filter((s) => s.visibility !== 'veryHidden')
        .map((s) => s.name);
      const snap = await workbook.read(names);
      const layouts: Record<string, SheetLayout | undefined> = {};
      for (const name of names) layouts[name] = await workbook.layoutOf(name);
      if (!stale) setLoaded({ version, sheets: snap.sheets, contents: snap.contents, layouts });
    })();
    return () => {
      stale = true;
    };
  }, [workbook, version]);
  return loaded;
}

interface EditorProps {
  workbook: PreviewWorkbook;
  sheet: string;
  cell: string;
  row: number;
}

function StatusEditor({
  workbook,
  sheet,
  cell,
  row,
  value,
}: EditorProps & { value: string }): React.JSX.Element {
  const styles = useStyles();
  const choices =
    value !== '' && !STATUS_CHOICES.includes(value) ? [...STATUS_CHOICES, value] : STATUS_CHOICES;
  return (
    <select
      className={styles.editor}
      aria-label={PREVIEW.statusEdit(row)}
      data-cell={cell}
      value={value}
      onChange={(e) => void workbook.editCell(sheet, cell, e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{PREVIEW.blankStatus}</option>
      {choices.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </select>
  );
}

function DateEditor({
  workbook,
  sheet,
  cell,
  row,
  shown,
}: EditorProps & { shown: string }): React.JSX.Element {
  const styles = useStyles();
  const commit = (text: string) => {
    if (text.trim() === shown) return;
    const { value, numberFormat } = completedOnValue(text);
    void workbook.editCell(sheet, cell, value, numberFormat);
  };
  return (
    <input
      className={styles.editor}
      aria-label={PREVIEW.completedOnEdit(row)}
      data-cell={cell}
      defaultValue={shown}
      placeholder={PREVIEW.datePlaceholder}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
}

/** A count or the reason of a Hồ sơ TTHC row, typed as in Excel (Enter or leaving the cell writes it). */
function TthcEditor({
  workbook,
  sheet,
  cell,
  row,
  shown,
  label,
  numeric,
}: EditorProps & { shown: string; label: string; numeric: boolean }): React.JSX.Element {
  const styles = useStyles();
  const commit = (text: string) => {
    if (text === shown) return;
    if (numeric) {
      const { value, numberFormat } = countValue(text);
      void workbook.editCell(sheet, cell, value, numberFormat);
    } else void workbook.editCell(sheet, cell, text.trim() === '' ? null : text, '@');
  };
  return (
    <input
      className={styles.editor}
      aria-label={PREVIEW.tthcEdit(label, row)}
      data-cell={cell}
      defaultValue={shown}
      inputMode={numeric ? 'numeric' : undefined}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(e.currentTarget.value);
      }}
    />
  );
}

/** Width of the row-number column, in pixels. */
const ROW_HEADER_PX = 44;
/** Excel's default column width, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** Pixels of a column `width` characters wide, as Excel draws it with its default font (7 px a digit). */
function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** The merged ranges by their top-left cell, and the cells a merge covers (not drawn). */
function mergeMap(layout: SheetLayout | undefined): {
  spans: Map<string, { rows: number; cols: number; from: number }>;
  covered: Set<string>;
} {
  const spans = new Map<string, { rows: number; cols: number; from: number }>();
  const covered = new Set<string>();
  for (const ref of layout?.merges ?? []) {
    let r: ReturnType<typeof parseA1Range>;
    try {
      r = parseA1Range(ref);
    } catch {
      continue;
    }
    const rows = r.end.row - r.start.row + 1;
    const cols = r.end.col - r.start.col + 1;
    if (rows * cols > 10_000) continue; // a merge that large is not drawn as one cell
    spans.set(toA1(r.start.row, r.start.col), { rows, cols, from: r.start.col });
    for (let y = r.start.row; y <= r.end.row; y++)
      for (let x = r.start.col; x <= r.end.col; x++)
        if (y !== r.start.row || x !== r.start.col) covered.add(toA1(y, x));
  }
  return { spans, covered };
}

function SheetGrid({
  workbook,
  raw,
  layout,
  model,
  today,
  contents,
  selection,
}: {
  workbook: PreviewWorkbook;
  raw: RawSheet;
  layout: SheetLayout | undefined;
  model: TrackerModel | undefined;
  today: IsoDate;
  contents: Record<string, RawSheet>;
  selection: string | null;
}): React.JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const computed = React.useMemo(
    () => computedCells(raw.name, contents, model, today),
    [raw, contents, model, today],
  );
  const isTracker = raw.name === SHEET.tracker && model !== undefined;
  const tthc: TthcModel | undefined = React.useMemo(
    () => (raw.name === SHEET.tthc && model ? tthcModel(raw, model.settings.year) : undefined),
    [raw, model],
  );
  const tthcEditable = new Map<number, (typeof TTHC_EDITABLE)[number]>();
  if (tthc?.read.readable)
    for (const k of TTHC_EDITABLE) {
      const c = tthc.read.columns[k];
      if (c !== undefined) tthcEditable.set(c, k);
    }
  const tthcReceivedCol = tthc?.read.columns.received;
  const columns = Math.max(0, ...raw.values.map((r) => r.length));
  const merged = React.useMemo(() => mergeMap(layout), [layout]);
  const sized = React.useMemo(() => {
    const given = layout?.columnWidths ?? [];
    if (!given.some((w) => w > 0)) return undefined;
    const widths = Array.from({ length: columns }, (_, c) => columnPixels(given[c] || DEFAULT_COLUMN_WIDTH));
    return { widths, total: ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0) };
  }, [layout, columns]);
  const widthOf = (from: number, span: number): number | undefined => {
    const widths = layout?.columnWidths ?? [];
    let px = 0;
    for (let c = from; c < from + span; c++) {
      if (!widths[c]) return undefined;
      px += columnPixels(widths[c]);
    }
    return px;
  };
  const selectedRow = selection ? (tryParseA1Cell(selection)?.row ?? -1) + 1 : 0;

  React.useEffect(() => {
    if (!selection) return;
    scroller.current
      ?.querySelector(`td[data-address="${selection}"]`)
      ?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selection, raw]);

  if (raw.values.length === 0) return <Text className={styles.hint}>{PREVIEW.emptySheet}</Text>;
  const statusCol = isTracker ? model.column('status') : undefined;
  const completedCol = isTracker ? model.column('completedOn') : undefined;
  const stateCol = isTracker ? model.column('deadlineState') : undefined;

  return (
    // The scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    <div
      className={styles.scroller}
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label={PREVIEW.gridLabel(raw.name)}
    >
      <table
        className={styles.table}
        data-sheet={raw.name}
        // With the sheet's own widths the table is laid out as the sheet is: merged cells wrap inside them.
        style={sized ? { tableLayout: 'fixed', width: sized.total } : undefined}
      >
        {sized && (
          <colgroup>
            <col style={{ width: ROW_HEADER_PX }} />
            {sized.widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr>
            <td className={styles.corner} />
            {Array.from({ length: columns }, (_, c) => (
              <th key={c} scope="col" className={styles.colHead}>
                {colToLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {raw.values.map((values, r) => {
            const row = r + 1;
            const state = isTracker ? model.stateByRow.get(row) : undefined;
            const mark = tthc?.markByRow.get(row);
            const colors = state
              ? STATE_COLORS[state]
              : mark
                ? STATE_COLORS[mark === 'late' ? 'overdue' : 'dataError']
                : null;
            const isHeader =
              (isTracker && r === model.read.headerRow) || (tthc !== undefined && r === tthc.read.headerRow);
            const isTthcRow = tthc !== undefined && tthc.read.readable && r > tthc.read.headerRow;
            const rowStyle: React.CSSProperties | undefined = colors
              ? { backgroundColor: `#${colors.fill}`, color: `#${colors.font}` }
              : isHeader
                ? { backgroundColor: `#${HEADER_FILL}`, color: `#${HEADER_FONT}` }
                : undefined;
            return (
              <tr
                key={r}
                style={rowStyle}
                className={mergeClasses(isHeader && styles.header)}
                data-row={row}
                data-state={state ?? mark}
              >
                <th
                  scope="row"
                  className={mergeClasses(styles.rowHead, row === selectedRow && styles.selectedRowHead)}
                >
                  {PREVIEW.rowHeader(row)}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const address = toA1(r, c);
                  if (merged.covered.has(address)) return null;
                  const span = merged.spans.get(address);
                  const width = widthOf(c, span?.cols ?? 1);
                  const value = values[c] ?? null;
                  const format = raw.numberFormats[r]?.[c];
                  const formula = raw.formulas[r]?.[c] ?? null;
                  const shown = displayValue(value, format);
                  const isTask = state !== undefined;
                  let content: React.ReactNode;
                  let className = styles.cell;
                  if (isTask && c === statusCol) {
                    content = (
                      <StatusEditor
                        workbook={workbook}
                        sheet={raw.name}
                        cell={address}
                        row={row}
                        value={shown}
                      />
                    );
                  } else if (isTask && c === completedCol) {
                    content = (
                      <DateEditor
                        key={`${address}:${shown}`}
                        workbook={workbook}
                        sheet={raw.name}
                        cell={address}
                        row={row}
                        shown={shown}
                      />
                    );
                  } else if (isTthcRow && tthcEditable.has(c)) {
                    const key = tthcEditable.get(c)!;
                    content = (
                      <TthcEditor
                        key={`${address}:${shown}`}
                        workbook={workbook}
                        sheet={raw.name}
                        cell={address}
                        row={row}
                        shown={shown}
                        label={tthcHeader(key)}
                        numeric={key !== 'lateReason'}
                      />
                    );
                  } else if (formula && computed.has(address)) {
                    content = computed.get(address);
                    if (isTthcRow && c === tthcReceivedCol && tthc?.unbalanced.has(row)) {
                      const amber = STATE_COLORS.dueSoon;
                      content = (
                        <span
                          style={{ backgroundColor: `#${amber?.fill}`, color: `#${amber?.font}` }}
                          data-unbalanced="true"
                        >
                          {content}
                        </span>
                      );
                    }
                  } else if (formula && value === null && c !== stateCol) {
                    content = <span title={formula}>{PREVIEW.formulaPlaceholder}</span>;
                    className = mergeClasses(styles.cell, styles.formula);
                  } else if (shown !== '') {
                    content = <span className={span ? styles.fullText : styles.text}>{shown}</span>;
                    if (typeof value === 'number') className = mergeClasses(styles.cell, styles.number);
                  }
                  return (
                    <td
                      key={c}
                      colSpan={span && span.cols > 1 ? span.cols : undefined}
                      rowSpan={span && span.rows > 1 ? span.rows : undefined}
                      style={width === undefined ? undefined : { width, minWidth: width, maxWidth: width }}
                      className={mergeClasses(
                        className,
                        width !== undefined && styles.sized,
                        address === selection && styles.selected,
                      )}
                      data-address={address}
                      data-selected={address === selection ? 'true' : undefined}
                      title={shown.length > 40 ? shown : undefined}
                    >
                      {content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

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
