/**
 * The preview view's data: every sheet of the preview workbook but the very hidden ones, with its contents
 * and layout, read again whenever the workbook's view version changes.
 */
import * as React from 'react';
import type { RawSheet, SheetInfo } from '../workbook/port';
import type { SheetLayout } from '../workbook/xlsx/xlsxWorkbook';
import type { PreviewWorkbook } from './previewWorkbook';

export interface Loaded {
  version: number;
  sheets: SheetInfo[];
  contents: Record<string, RawSheet>;
  layouts: Record<string, SheetLayout | undefined>;
}

/** The workbook as of `version`; null until the first read is done. A read overtaken by a newer one is dropped. */
export function useWorkbookContents(workbook: PreviewWorkbook, version: number): Loaded | null {
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
