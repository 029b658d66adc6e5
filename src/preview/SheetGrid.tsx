/**
 * One sheet of the preview workbook as a table: its used range with Excel's row and column headings, values
 * formatted as Excel shows them, the formulas the preview can compute computed, tracker rows in their
 * deadline-state colours and Hồ sơ TTHC rows in theirs, and the editable cells as editors (cellEditors.tsx).
 */
import * as React from 'react';
import {
  Button,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  type GriffelStyle,
} from '@fluentui/react-components';
import { colToLetters, toA1, tryParseA1Cell } from '../domain/a1';
import type { IsoDate } from '../domain/dates';
import { resultsLayout } from '../domain/resultsSheet';
import { PREVIEW } from '../i18n/ui';
import { RESULTS_HEADERS, SHEET } from '../i18n/vi';
import { HEADER_FILL, HEADER_FONT, STATE_COLORS } from '../sheets/palette';
import type { RawCell, RawSheet } from '../workbook/port';
import type { SheetLayout } from '../workbook/xlsx/xlsxWorkbook';
import { DateEditor, StatusEditor, TthcEditor, WordsEditor } from './cellEditors';
import { mergeMap, ROW_HEADER_PX, sizedColumns, spanWidth, type MergeMap } from './gridLayout';
import type { PreviewWorkbook } from './previewWorkbook';
import {
  computedCells,
  displayValue,
  TTHC_EDITABLE,
  tthcHeader,
  tthcModel,
  type ComputedCells,
  type TrackerModel,
  type TthcModel,
} from './sheetModel';

/** A row or column heading: stays in view while the grid scrolls. */
const HEADING: GriffelStyle = {
  position: 'sticky',
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  fontWeight: tokens.fontWeightRegular,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  padding: `0 ${tokens.spacingHorizontalS}`,
};

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  scroller: {
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    flexGrow: 1,
    minHeight: '240px',
  },
  more: { margin: tokens.spacingVerticalS },
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
  colHead: { ...HEADING, top: 0, zIndex: 2, minWidth: '3em' },
  rowHead: { ...HEADING, left: 0, zIndex: 1, textAlign: 'right' },
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
});

export interface SheetGridProps {
  workbook: PreviewWorkbook;
  raw: RawSheet;
  layout: SheetLayout | undefined;
  model: TrackerModel | undefined;
  today: IsoDate;
  contents: Record<string, RawSheet>;
  selection: string | null;
}

type TthcEditable = (typeof TTHC_EDITABLE)[number];

/** What every row and cell of one drawing of the grid reads. */
interface Grid {
  props: SheetGridProps;
  styles: ReturnType<typeof useStyles>;
  computed: ComputedCells;
  /** The tracker's model when this sheet is the tracker. */
  tracker: TrackerModel | undefined;
  /** Hồ sơ TTHC's model when this sheet is Hồ sơ TTHC. */
  tthc: TthcModel | undefined;
  /** The TTHC columns a user may type into, by column index (none when the sheet cannot be read). */
  tthcEditable: Map<number, TthcEditable>;
  /** Kết quả theo kỳ's header row and its words columns (header text by column index), when this is that sheet. */
  results: { headerRow: number; editable: Map<number, string> } | undefined;
  columns: number;
  merged: MergeMap;
  /** The 1-based row of the selected cell, 0 when nothing is selected here. */
  selectedRow: number;
}

/** The grid's models and layout, memoised on what each depends on. */
function useGrid(props: SheetGridProps, styles: Grid['styles']): Grid {
  const { raw, layout, model, today, contents, selection } = props;
  const computed = React.useMemo(
    () => computedCells(raw.name, contents, model, today),
    [raw, contents, model, today],
  );
  const tthc: TthcModel | undefined = React.useMemo(
    () => (raw.name === SHEET.tthc && model ? tthcModel(raw, model.settings.year) : undefined),
    [raw, model],
  );
  const tthcEditable = new Map<number, TthcEditable>();
  if (tthc?.read.readable)
    for (const k of TTHC_EDITABLE) {
      const c = tthc.read.columns[k];
      if (c !== undefined) tthcEditable.set(c, k);
    }
  const merged = React.useMemo(() => mergeMap(layout), [layout]);
  const results = React.useMemo(() => (raw.name === SHEET.results ? resultsEditing(raw) : undefined), [raw]);
  return {
    props,
    styles,
    computed,
    tracker: raw.name === SHEET.tracker ? model : undefined,
    tthc,
    tthcEditable,
    results,
    columns: Math.max(0, ...raw.values.map((r) => r.length)),
    merged,
    selectedRow: selection ? (tryParseA1Cell(selection)?.row ?? -1) + 1 : 0,
  };
}

/** Kết quả theo kỳ's words columns (Kết quả, Dự kiến) below its header, for typing into. */
function resultsEditing(raw: RawSheet): Grid['results'] {
  const layout = resultsLayout(raw);
  if (!layout) return undefined;
  const editable = new Map<number, string>();
  for (const k of ['result', 'planned'] as const) {
    const c = layout.columns[k];
    if (c !== undefined) editable.set(c, RESULTS_HEADERS[k]);
  }
  return { headerRow: layout.headerRow, editable };
}

/**
 * Rows drawn at first, and added by each "Hiện thêm": a district's tracker of thousands of rows (the web app
 * opens any file) is drawn in a moment, not after every one of its editors; the selected cell's row is always
 * drawn.
 */
export const ROW_PAGE = 300;

export function SheetGrid(props: SheetGridProps): React.JSX.Element {
  const { raw, layout, selection } = props;
  const styles = useStyles();
  const [limit, setLimit] = React.useState(ROW_PAGE);
  const scroller = React.useRef<HTMLDivElement>(null);
  const grid = useGrid(props, styles);
  const { columns } = grid;
  const sized = React.useMemo(() => sizedColumns(layout, columns), [layout, columns]);

  React.useEffect(() => {
    if (!selection) return;
    scroller.current
      ?.querySelector(`td[data-address="${selection}"]`)
      ?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selection, raw]);

  if (raw.values.length === 0) return <Text className={styles.hint}>{PREVIEW.emptySheet}</Text>;
  const drawn = Math.min(raw.values.length, Math.max(limit, grid.selectedRow + ROW_PAGE / 10));
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
        <tbody>{raw.values.slice(0, drawn).map((values, r) => gridRow(grid, values, r))}</tbody>
      </table>
      {drawn < raw.values.length && (
        <Button className={styles.more} onClick={() => setLimit(drawn + ROW_PAGE)}>
          {PREVIEW.moreRows(drawn, raw.values.length)}
        </Button>
      )}
    </div>
  );
}

/** One sheet row as the grid draws it. */
interface Line {
  /** 0-based index, and the 1-based row number. */
  r: number;
  row: number;
  values: readonly RawCell[];
  /** Set on a tracker row holding a task. */
  state: keyof typeof STATE_COLORS | undefined;
  /** A data row of a readable Hồ sơ TTHC. */
  isTthcRow: boolean;
}

function gridRow(grid: Grid, values: readonly RawCell[], r: number): React.JSX.Element {
  const { tracker, tthc, styles } = grid;
  const row = r + 1;
  const state = tracker?.stateByRow.get(row);
  const mark = tthc?.markByRow.get(row);
  const colors = state
    ? STATE_COLORS[state]
    : mark
      ? STATE_COLORS[mark === 'late' ? 'overdue' : 'dataError']
      : null;
  const isHeader =
    (tracker !== undefined && r === tracker.read.headerRow) ||
    (tthc !== undefined && r === tthc.read.headerRow) ||
    (grid.results !== undefined && r === grid.results.headerRow);
  const isTthcRow = tthc !== undefined && tthc.read.readable && r > tthc.read.headerRow;
  const rowStyle: React.CSSProperties | undefined = colors
    ? { backgroundColor: `#${colors.fill}`, color: `#${colors.font}` }
    : isHeader
      ? { backgroundColor: `#${HEADER_FILL}`, color: `#${HEADER_FONT}` }
      : undefined;
  const line: Line = { r, row, values, state, isTthcRow };
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
        className={mergeClasses(styles.rowHead, row === grid.selectedRow && styles.selectedRowHead)}
      >
        {PREVIEW.rowHeader(row)}
      </th>
      {Array.from({ length: grid.columns }, (_, c) => gridCell(grid, line, c))}
    </tr>
  );
}

function gridCell(grid: Grid, line: Line, c: number): React.JSX.Element | null {
  const { raw, layout, selection } = grid.props;
  const { styles } = grid;
  const address = toA1(line.r, c);
  if (grid.merged.covered.has(address)) return null;
  const span = grid.merged.spans.get(address);
  const width = spanWidth(layout, c, span?.cols ?? 1);
  const shown = displayValue(line.values[c] ?? null, raw.numberFormats[line.r]?.[c]);
  const { content, className } = cellContent(grid, line, c, address, shown, span !== undefined);
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
}

/**
 * What a cell holds and its class: an editor where the user may edit (a task row's status and completion
 * date, a TTHC row's counts and reason), a computed formula's value, a placeholder for a formula the preview
 * cannot compute, else the value as Excel shows it.
 */
function cellContent(
  grid: Grid,
  line: Line,
  c: number,
  address: string,
  shown: string,
  merged: boolean,
): { content: React.ReactNode; className: string } {
  const { styles, tracker, tthc } = grid;
  const { workbook, raw } = grid.props;
  const value = line.values[c] ?? null;
  const formula = raw.formulas[line.r]?.[c] ?? null;
  const editor = { workbook, sheet: raw.name, cell: address, row: line.row };
  const isTask = line.state !== undefined;
  const tthcKey = line.isTthcRow ? grid.tthcEditable.get(c) : undefined;
  const wordsLabel =
    grid.results && line.r > grid.results.headerRow ? grid.results.editable.get(c) : undefined;
  if (wordsLabel !== undefined)
    return {
      content: <WordsEditor key={`${address}:${shown}`} {...editor} shown={shown} label={wordsLabel} />,
      className: styles.cell,
    };
  if (isTask && c === tracker?.column('status'))
    return { content: <StatusEditor {...editor} value={shown} />, className: styles.cell };
  if (isTask && c === tracker?.column('completedOn'))
    return {
      content: <DateEditor key={`${address}:${shown}`} {...editor} shown={shown} />,
      className: styles.cell,
    };
  if (tthcKey !== undefined) {
    const content = (
      <TthcEditor
        key={`${address}:${shown}`}
        {...editor}
        shown={shown}
        label={tthcHeader(tthcKey)}
        numeric={tthcKey !== 'lateReason'}
      />
    );
    return { content, className: styles.cell };
  }
  if (formula && grid.computed.has(address)) {
    const computed = grid.computed.get(address);
    if (!(line.isTthcRow && c === tthc?.read.columns.received && tthc.unbalanced.has(line.row)))
      return { content: computed, className: styles.cell };
    const amber = STATE_COLORS.dueSoon;
    const content = (
      <span style={{ backgroundColor: `#${amber?.fill}`, color: `#${amber?.font}` }} data-unbalanced="true">
        {computed}
      </span>
    );
    return { content, className: styles.cell };
  }
  if (formula && value === null && c !== tracker?.column('deadlineState'))
    return {
      content: <span title={formula}>{PREVIEW.formulaPlaceholder}</span>,
      className: mergeClasses(styles.cell, styles.formula),
    };
  if (shown === '') return { content: undefined, className: styles.cell };
  return {
    content: <span className={merged ? styles.fullText : styles.text}>{shown}</span>,
    className: typeof value === 'number' ? mergeClasses(styles.cell, styles.number) : styles.cell,
  };
}
