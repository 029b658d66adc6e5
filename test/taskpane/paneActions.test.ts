/** The pane's actions over a workbook port: the application layer plus what the host adds. */
import { memoryLock } from '../../src/taskpane/actionLock';
import { ACTION_NAME, OUTCOME } from '../../src/i18n/ui';
import { PROBLEM, SHEET } from '../../src/i18n/vi';
import { ROLLOVER, ROLLOVER_PANE } from '../../src/i18n/rollover';
import type { PaneHost } from '../../src/taskpane/actions';
import { createPaneActions } from '../../src/taskpane/paneActions';
import { MemoryPort } from '../support/memoryPort';
import { initNamed, TEST_IDENTITY } from '../support/identity';

function host(overrides: Partial<PaneHost> = {}): PaneHost {
  return {
    today: () => '2026-06-02',
    selectCell: jest.fn(async () => undefined),
    subscribeToChanges: jest.fn(async () => () => undefined),
    ...overrides,
  };
}

describe('createPaneActions', () => {
  it('marks a workbook without a tracker as such, not as a failure', async () => {
    const actions = createPaneActions(new MemoryPort(), host());
    const view = await actions.loadOverview();
    expect(view.ok).toBe(false);
    expect(view.noTracker).toBe(true);
    expect(view.message).toBe(PROBLEM.trackerMissing(SHEET.tracker));
  });

  it('judges deadlines against the host’s today', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026 });
    const view = await createPaneActions(port, host()).loadOverview();
    expect(view.noTracker).toBeUndefined();
    expect(view.overview?.today).toBe('2026-06-02');
    expect(view.overview?.nextReport.id).toBe('2026-Q2');
    expect(view.overview?.daysToNextReport).toBe(3);
  });

  it('compiles the requested period as of the requested day, or today’s quarter', async () => {
    const port = new MemoryPort();
    const actions = createPaneActions(port, host());
    await actions.initTracker(2026, TEST_IDENTITY);
    const q1 = await actions.compileReport({ period: { year: 2026, quarter: 1 }, asOf: '2026-04-05' });
    expect(q1.ok).toBe(true);
    expect(q1.sheet).toBe('Báo cáo quý I 2026');
    const current = await actions.compileReport();
    expect(current.sheet).toBe('Báo cáo 6 tháng 2026');
  });

  it('adds the host’s notes about what it could not write, after a successful write only', async () => {
    const port = new MemoryPort();
    const actions = createPaneActions(
      port,
      host({ writeNotes: () => ['Trang "Nhiệm vụ": không có định dạng có điều kiện.'] }),
    );
    const created = await actions.initTracker(2026, TEST_IDENTITY);
    expect(created.notes).toEqual(['Trang "Nhiệm vụ": không có định dạng có điều kiện.']);
    const again = await actions.initTracker(2026, TEST_IDENTITY);
    expect(again.ok).toBe(false);
    expect(again.notes).toBeUndefined();
  });

  it('loads and saves the settings form, and hands selection and events to the host', async () => {
    const port = new MemoryPort();
    const h = host();
    const actions = createPaneActions(port, h);
    expect((await actions.loadSettings()).ok).toBe(false);
    await actions.initTracker(2026, TEST_IDENTITY);
    const loaded = await actions.loadSettings();
    const saved = await actions.saveSettings({ ...loaded.settings!, warningDays: 10 });
    expect(saved.ok).toBe(true);
    expect((await actions.loadSettings()).settings?.warningDays).toBe(10);
    await actions.selectCell('Nhiệm vụ', 'C2');
    expect(h.selectCell).toHaveBeenCalledWith('Nhiệm vụ', 'C2');
    const listener = jest.fn();
    await actions.subscribeToChanges(listener);
    expect(h.subscribeToChanges).toHaveBeenCalledWith(listener);
  });
});

describe('the pane and the ribbon: one action at a time in a workbook', () => {
  it('does not start an action while the ribbon’s report holds the workbook, and says so', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026 });
    const lock = memoryLock();
    const actions = createPaneActions(port, host({ lock }));
    let finish!: () => void;
    const ribbon = lock.run('report', () => new Promise<void>((resolve) => (finish = resolve)));
    for (const outcome of [
      await actions.checkTracker(),
      await actions.compileReport(),
      await actions.initTracker(2026, TEST_IDENTITY),
      await actions.fixCells([]),
      await actions.rolloverTracker(),
    ]) {
      expect(outcome).toMatchObject({
        ok: false,
        reason: 'busy',
        message: OUTCOME.busy(ACTION_NAME.report),
      });
    }
    finish();
    await ribbon;
    expect((await actions.checkTracker()).result).toBeDefined();
  });

  it('shows what the ribbon shows under a report: its warnings and the host’s notes, each once', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026 });
    const actions = createPaneActions(port, host({ writeNotes: () => ['Ghi chú của Excel.'] }));
    const report = await import('../../src/app/compileReport');
    const spy = jest.spyOn(report, 'compileReport').mockResolvedValue({
      ok: true,
      message: 'Đã tổng hợp.',
      sheet: 'Báo cáo 6 tháng 2026',
      dataErrorRows: 2,
      warnings: ['Cảnh báo của báo cáo.', 'Ghi chú của Excel.'],
    });
    try {
      const outcome = await actions.compileReport();
      expect(outcome.notes).toEqual(['Cảnh báo của báo cáo.', 'Ghi chú của Excel.']);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('Chuyển sang năm mới over any port', () => {
  it('builds next year’s workbook as a file to download where the host opens none, reading this one only', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026 });
    port.setCell(SHEET.tracker, 'H2', 'Hoàn thành');
    port.setCell(SHEET.tracker, 'I2', 46_100);
    const applies = port.applies;
    const view = await createPaneActions(
      port,
      host({ writeNotes: () => ['Ghi chú cũ của Excel.'] }),
    ).rolloverTracker();
    expect(view.ok).toBe(true);
    // 48 plan rows less the 9 one-time tasks a carried row already holds (each task once).
    expect(view.message).toBe(
      `${ROLLOVER.done(2027, 39, 30, 2026)} ${ROLLOVER_PANE.download(2027, 'ke-hoach-cchc-2027.xlsx')}`,
    );
    expect(view.opened).toBe(false);
    // Every row with a deadline, whenever it falls, but row 2 (done).
    expect(view.carried!.map((c) => c.row)).not.toContain(2);
    // Nothing written here, so an earlier write's notes do not belong; the rollover's own lines do: Hồ sơ TTHC
    // has no December yet.
    expect(view.notes).toEqual([
      ROLLOVER.heldByCarried(9, 2026, 2027),
      ROLLOVER.tthcDecemberMissing(2026, 2027),
    ]);
    expect(view.file!.name).toBe('ke-hoach-cchc-2027.xlsx');
    expect(String.fromCharCode(...view.file!.bytes.subarray(0, 2))).toBe('PK');
    expect(port.applies).toBe(applies);
  });

  it('says where the host opened it, and why it could not', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026 });
    for (const [answer, message] of [
      ['opened', ROLLOVER_PANE.opened(2027, 'ke-hoach-cchc-2027.xlsx')],
      ['failed', ROLLOVER_PANE.notOpened(2027, 'ke-hoach-cchc-2027.xlsx')],
    ] as const) {
      const openWorkbook = jest.fn(async () => answer);
      const view = await createPaneActions(port, host({ openWorkbook })).rolloverTracker();
      expect(openWorkbook).toHaveBeenCalledWith(view.file!.bytes);
      expect(view.message.endsWith(message)).toBe(true);
      expect(view.opened).toBe(answer === 'opened');
    }
  });

  it('opens nothing when the rollover is refused', async () => {
    const openWorkbook = jest.fn(async () => 'opened' as const);
    const view = await createPaneActions(new MemoryPort(), host({ openWorkbook })).rolloverTracker();
    expect(view).toMatchObject({ ok: false, reason: 'trackerMissing' });
    expect(view.file).toBeUndefined();
    expect(openWorkbook).not.toHaveBeenCalled();
  });
});
