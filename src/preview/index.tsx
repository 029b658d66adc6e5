/**
 * Entry of preview.html (npm run preview): the task pane in an ordinary browser, against a workbook held in
 * memory through the .xlsx adapter. The pane, the application layer, the domain and the sheet descriptions
 * are the same code as in Excel; only the two ends differ (this workbook instead of Office.js).
 *
 * URL parameters, for trying and for the end-to-end tests: ?today=2026-06-02 (the day deadlines are judged
 * against), ?pane=320 (pane width in px), ?theme=dark, ?demo (the workbook of `npm run demo` as of today: the
 * tracker's progress, the one-stop shop's dossier counts, Tổng hợp and the report).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { isIsoDate, todayIso, type IsoDate } from '../domain/dates';
import { PREVIEW } from '../i18n/ui';
import { createPaneActions } from '../taskpane/paneActions';
import { describeError } from '../taskpane/outcomeText';
import { PreviewApp } from './PreviewApp';
import { PreviewWorkbook } from './previewWorkbook';
import { writeDemo } from '../app/demo';

export interface PreviewParams {
  today: IsoDate;
  paneWidth: number;
  theme: 'light' | 'dark';
  demo: boolean;
}

export function readParams(search: string, now: Date = new Date()): PreviewParams {
  const params = new URLSearchParams(search);
  const today = params.get('today') ?? '';
  const width = Number(params.get('pane'));
  return {
    today: isIsoDate(today) ? today : todayIso(now),
    paneWidth: Number.isInteger(width) && width >= 280 && width <= 800 ? width : 350,
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
    demo: params.has('demo'),
  };
}

async function start(): Promise<void> {
  const container = document.getElementById('preview');
  if (!container) return;
  container.textContent = PREVIEW.loading;
  const params = readParams(window.location.search);
  try {
    const workbook = await PreviewWorkbook.create();
    // The demo as of the day given (its report is of the day the demo picks: 05/09, or the Friday before).
    if (params.demo) await writeDemo(workbook, { now: new Date(`${params.today}T12:00:00Z`) });
    const actions = createPaneActions(workbook, {
      today: () => params.today,
      selectCell: (sheet, cell) => workbook.selectCell(sheet, cell),
      subscribeToChanges: async (onChange) => workbook.onUserChange(onChange),
    });
    container.textContent = '';
    createRoot(container).render(
      <React.StrictMode>
        <PreviewApp
          workbook={workbook}
          actions={actions}
          today={params.today}
          initialPaneWidth={params.paneWidth}
          initialTheme={params.theme}
        />
      </React.StrictMode>,
    );
  } catch (error) {
    container.textContent = PREVIEW.loadFailed(describeError(error));
  }
}

void start();
