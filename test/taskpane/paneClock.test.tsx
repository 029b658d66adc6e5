/** @jest-environment jsdom */
/**
 * Issue 22's pane fixes: the ribbon's "Tổng hợp báo cáo" opens the pane with ?action=report and the pane runs
 * the report; "today" follows the clock (focus, visibility, midnight); the notice takes the focus.
 */
import { act, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { PANE } from '../../src/i18n/ui';
import { App, startWithOf } from '../../src/taskpane/App';
import type { PaneActions } from '../../src/taskpane/actions';
import { msToNextMidnight } from '../../src/taskpane/useToday';
import { fakeActions } from './fakes';
import { settle } from '../support/pane';

function renderPaneStartingWith(actions: PaneActions, startWith?: 'report') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} startWith={startWith} />
    </FluentProvider>,
  );
}

describe('the pane opened by the ribbon’s "Tổng hợp báo cáo"', () => {
  it('reads ?action=report from its page’s address, and nothing else', () => {
    expect(startWithOf('?action=report')).toBe('report');
    expect(startWithOf('?_host_Info=Excel$Win32&action=report')).toBe('report');
    expect(startWithOf('')).toBeUndefined();
    expect(startWithOf('?action=delete')).toBeUndefined();
  });

  it('runs the report once, for the period containing today, shows the actions tab and focuses the outcome', async () => {
    const actions = fakeActions();
    renderPaneStartingWith(actions, 'report');
    await settle();
    await settle();
    expect(actions.compileReport).toHaveBeenCalledTimes(1);
    expect(actions.compileReport).toHaveBeenCalledWith(undefined);
    expect(screen.getByRole('tab', { name: PANE.tabs.actions }).getAttribute('aria-selected')).toBe('true');
    const open = screen.getByRole('button', { name: PANE.openSheet('Báo cáo 6 tháng 2026') });
    expect(document.activeElement).toBe(open);
  });

  it('runs nothing when opened by "Bảng theo dõi"', async () => {
    const actions = fakeActions();
    renderPaneStartingWith(actions);
    await settle();
    expect(actions.compileReport).not.toHaveBeenCalled();
  });
});

describe('today in a pane left open', () => {
  afterEach(() => jest.useRealTimers());

  it('counts to just after the next local midnight', () => {
    const now = new Date(2026, 5, 2, 23, 59, 0);
    expect(msToNextMidnight(now)).toBe(61_000);
    expect(msToNextMidnight(new Date(2026, 5, 2, 0, 0, 0))).toBe(24 * 3600_000 + 1000);
  });

  it('reads the date again at midnight and on focus, and reads the overview again for the new day', async () => {
    jest.useFakeTimers({ now: new Date(2026, 5, 2, 23, 59, 0) });
    let today = '2026-06-02';
    const actions = fakeActions({ today: jest.fn(() => today) });
    renderPaneStartingWith(actions);
    await settle();
    const loads = actions.loadOverview.mock.calls.length;
    today = '2026-06-03';
    await act(async () => {
      jest.advanceTimersByTime(61_000);
    });
    await settle();
    expect(actions.loadOverview.mock.calls.length).toBe(loads + 1);
    // A pane woken after two days hears of it when it gets the focus.
    today = '2026-06-05';
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await settle();
    expect(actions.loadOverview.mock.calls.length).toBe(loads + 2);
    // Focus on the same day reads nothing again.
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await settle();
    expect(actions.loadOverview.mock.calls.length).toBe(loads + 2);
  });
});
