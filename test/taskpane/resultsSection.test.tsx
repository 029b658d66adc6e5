/** @jest-environment jsdom */
/**
 * The pane's results editor: it shows the quarter's tasks with what is written, and writes what the officer
 * types through its save action, for the row, quarter and task picked.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ResultsFormEntry, ResultsFormOutcome, ResultsFormRow } from '../../src/app/resultsForm';
import { RESULTS_PANE } from '../../src/i18n/ui';
import { ResultsSection } from '../../src/taskpane/ResultsSection';
import { settle } from '../support/pane';

const TIEP_DAN = 'Thực hiện tốt công tác tiếp dân';
const CNTT = 'Duy trì và đẩy mạnh ứng dụng công nghệ thông tin';

const rows: ResultsFormRow[] = [
  {
    row: 2,
    quarter: 1,
    section: 'II.4b',
    task: TIEP_DAN,
    result: 'Tiếp 15 lượt công dân',
    planned: '',
    cell: 'D2',
  },
  { row: 3, quarter: 1, section: 'II.7', task: CNTT, result: '', planned: '', cell: 'D3' },
  { row: 4, quarter: 3, section: 'II.4b', task: TIEP_DAN, result: '', planned: '', cell: 'D4' },
  { row: 5, quarter: 3, section: 'II.7', task: CNTT, result: '', planned: '', cell: 'D5' },
];

function renderSection(
  load: () => Promise<ResultsFormOutcome>,
  save: (e: ResultsFormEntry) => Promise<ResultsFormOutcome> = jest.fn(),
  onSelectCell: (cell: string) => void = jest.fn(),
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ResultsSection initialQuarter={3} busy={false} load={load} save={save} onSelectCell={onSelectCell} />
    </FluentProvider>,
  );
}

const field = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement | HTMLSelectElement;

describe('the results editor', () => {
  it('shows the current quarter’s tasks, and a task’s words when another quarter is picked', async () => {
    renderSection(async () => ({ ok: true, message: '', rows }));
    await settle();
    const tasks = field(RESULTS_PANE.task) as HTMLSelectElement;
    expect([...tasks.options].map((o) => o.textContent)).toEqual([
      RESULTS_PANE.taskOption('II.4b', TIEP_DAN, false),
      RESULTS_PANE.taskOption('II.7', CNTT, false),
    ]);
    expect(screen.getByText(RESULTS_PANE.planned(false))).toBeTruthy();
    fireEvent.change(field(RESULTS_PANE.quarter), { target: { value: '1' } });
    expect((field(RESULTS_PANE.result) as HTMLTextAreaElement).value).toBe('Tiếp 15 lượt công dân');
    expect([...(field(RESULTS_PANE.task) as HTMLSelectElement).options][0].textContent).toBe(
      RESULTS_PANE.taskOption('II.4b', TIEP_DAN, true),
    );
    fireEvent.change(field(RESULTS_PANE.quarter), { target: { value: '4' } });
    expect(screen.getByText(RESULTS_PANE.noTasks)).toBeTruthy();
  });

  it('writes what was typed for the row, quarter and task picked, and says so', async () => {
    const saved: ResultsFormOutcome = {
      ok: true,
      message: 'Đã ghi kết quả Quý III của nhiệm vụ.',
      rows: rows.map((r) => (r.row === 5 ? { ...r, result: '100% văn bản đi được ký số' } : r)),
    };
    const save = jest.fn(async (_e: ResultsFormEntry) => saved);
    const onSelectCell = jest.fn();
    renderSection(async () => ({ ok: true, message: '', rows }), save, onSelectCell);
    await settle();
    fireEvent.change(field(RESULTS_PANE.task), { target: { value: '5' } });
    fireEvent.change(field(RESULTS_PANE.result), { target: { value: '100% văn bản đi được ký số' } });
    fireEvent.change(field(RESULTS_PANE.planned(false)), { target: { value: 'Trả kết quả điện tử' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: RESULTS_PANE.save }));
    });
    expect(save).toHaveBeenCalledWith({
      row: 5,
      quarter: 3,
      task: CNTT,
      result: '100% văn bản đi được ký số',
      planned: 'Trả kết quả điện tử',
      was: { result: '', planned: '' },
    });
    expect(screen.getByText(saved.message)).toBeTruthy();
    const options = [...(field(RESULTS_PANE.task) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options[1]).toBe(RESULTS_PANE.taskOption('II.7', CNTT, true));
    fireEvent.click(screen.getByRole('button', { name: RESULTS_PANE.openRow }));
    expect(onSelectCell).toHaveBeenCalledWith('D5');
  });

  it('says why when the sheet cannot be used', async () => {
    const { container } = renderSection(async () => ({ ok: false, message: 'Sổ làm việc chưa có trang.' }));
    await settle();
    expect(within(container).getByText('Sổ làm việc chưa có trang.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: RESULTS_PANE.save })).toBeNull();
  });
});
