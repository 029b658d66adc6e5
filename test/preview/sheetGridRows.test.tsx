/** @jest-environment jsdom */
/**
 * The sheet view draws a long sheet a page of rows at a time (the web app opens a district's tracker of
 * thousands of rows): the first ROW_PAGE rows, more on "Hiện thêm dòng", and always the selected cell's row.
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ROW_PAGE, SheetGrid } from '../../src/preview/SheetGrid';
import type { PreviewWorkbook } from '../../src/preview/previewWorkbook';
import type { RawSheet } from '../../src/workbook/port';

const ROWS = 2 * ROW_PAGE + 50;

function gridSheet(): RawSheet {
  const values = Array.from({ length: ROWS }, (_, r) => [`dòng ${r + 1}`, r + 1]);
  return { name: 'Danh sách', values, formulas: [], numberFormats: [], hiddenRows: [], tables: [] };
}

function draw(selection: string | null) {
  const raw = gridSheet();
  return render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        workbook={{} as PreviewWorkbook}
        raw={raw}
        layout={undefined}
        model={undefined}
        today="2026-09-30"
        contents={{ [raw.name]: raw }}
        selection={selection}
      />
    </FluentProvider>,
  );
}

const drawnRows = (): number => document.querySelectorAll('tbody tr').length;

describe('a long sheet in the sheet view', () => {
  beforeAll(() => {
    // jsdom lays nothing out; the grid scrolls the selected cell into view.
    Element.prototype.scrollIntoView = jest.fn();
  });

  it('draws the first page of rows, and another page on each "Hiện thêm dòng"', () => {
    draw(null);
    expect(drawnRows()).toBe(ROW_PAGE);
    const more = screen.getByRole('button', { name: `Hiện thêm dòng (đang hiện ${ROW_PAGE}/${ROWS} dòng)` });
    fireEvent.click(more);
    expect(drawnRows()).toBe(2 * ROW_PAGE);
    fireEvent.click(screen.getByRole('button', { name: /Hiện thêm dòng/ }));
    expect(drawnRows()).toBe(ROWS);
    expect(screen.queryByRole('button', { name: /Hiện thêm dòng/ })).toBeNull();
  });

  it('always draws the selected cell’s row', () => {
    draw(`B${ROWS - 10}`);
    expect(document.querySelector(`td[data-address="B${ROWS - 10}"]`)).not.toBeNull();
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });
});
