/** Fakes for the pane's component tests: actions whose answers a test sets, and an overview to show. */
import type { Overview, OverviewTask, TthcOverview } from '../../src/domain/overview';
import { reportPeriod } from '../../src/domain/periods';
import { planSettings } from '../../src/domain/settings';
import type { CheckView, OverviewView, PaneActions, RolloverView } from '../../src/taskpane/actions';

/** A promise the test settles by hand, to look at the pane while an action is still running. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function overdueTask(row: number, task: string, deadline: string, daysLeft: number): OverviewTask {
  return {
    row,
    stt: String(row - 1),
    section: 'II.3',
    task,
    lead: 'Công chức Văn phòng – Thống kê',
    deadline,
    state: daysLeft < 0 ? 'overdue' : 'dueSoon',
    daysLeft,
  };
}

/** 48 tasks on 02/06/2026: 12 done (10 on time), 2 overdue listed, 1 due soon. */
export function sampleOverview(): Overview {
  return {
    today: '2026-06-02',
    year: 2026,
    counts: {
      tasks: 48,
      doneOnTime: 10,
      doneLate: 2,
      overdue: 2,
      dueSoon: 1,
      onTrack: 16,
      ongoing: 17,
      dataError: 0,
      notYetInPeriod: 0,
      rateOnTime: 9,
      rateDue: 13,
    },
    rate: 9 / 13,
    rateOnTime: 9,
    rateDue: 13,
    dataErrors: [],
    nextReport: reportPeriod(2026, 2),
    daysToNextReport: 3,
    overdue: [
      overdueTask(12, 'Rà soát thủ tục hành chính (tháng 01/2026)', '2026-02-05', -117),
      overdueTask(13, 'Rà soát thủ tục hành chính (tháng 02/2026)', '2026-03-05', -89),
    ],
    dueSoon: [overdueTask(30, 'Báo cáo kết quả 6 tháng đầu năm 2026', '2026-06-05', 3)],
  };
}

/** Hồ sơ TTHC on 02/06/2026: May's figures (97,5% on time), the 6-month report's months 1–5, Đất đai often late. */
export function sampleTthc(): TthcOverview {
  return {
    present: true,
    firstRow: 2,
    latestMonth: 5,
    latestRate: 39 / 40,
    latestOnTime: 39,
    latestResolved: 40,
    period: reportPeriod(2026, 2),
    periodMonths: [1, 2, 3, 4, 5],
    periodRate: 196 / 199,
    periodOnTime: 196,
    periodResolved: 199,
    lateFields: [{ field: 'Đất đai', late: 3, pendingLate: 1, lateMonths: [3, 5], frequent: true, row: 52 }],
    leftOutFields: [],
    dataErrorRows: [{ row: 30, month: 3, field: 'Hộ tịch' }],
  };
}

export function readyView(overview: Overview = sampleOverview()): OverviewView {
  return {
    ok: true,
    message: '',
    sheet: 'Nhiệm vụ',
    overview,
    taskCell: (row) => `C${row}`,
    tthcCell: (row) => `B${row}`,
  };
}

export const NO_TRACKER: OverviewView = {
  ok: false,
  message: 'Không tìm thấy trang "Nhiệm vụ".',
  sheet: 'Nhiệm vụ',
  noTracker: true,
};

export type FakeActions = jest.Mocked<PaneActions> & {
  /** Fires a workbook change event, as Excel would on an edit. */
  emitChange(): void;
  unsubscribe: jest.Mock;
};

export function fakeActions(overrides: Partial<PaneActions> = {}): FakeActions {
  const listeners: (() => void)[] = [];
  const unsubscribe = jest.fn();
  const actions = {
    today: jest.fn(() => '2026-06-02'),
    loadOverview: jest.fn(async () => readyView()),
    initTracker: jest.fn(async () => ({
      ok: true,
      message: 'Đã tạo bảng theo dõi.',
      sheet: 'Nhiệm vụ',
      cell: 'A1',
    })),
    checkTracker: jest.fn(async (): Promise<CheckView> => ({ ok: true, message: 'Không có lỗi.' })),
    fixCells: jest.fn(async () => ({ ok: true, message: 'Đã sửa 1 ô ở trang "Nhiệm vụ".' })),
    compileReport: jest.fn(async () => ({
      ok: true,
      message: 'Đã tổng hợp báo cáo.',
      sheet: 'Báo cáo 6 tháng 2026',
      cell: 'A1',
    })),
    consolidate: jest.fn(async () => ({
      ok: true,
      message: 'Đã tổng hợp 2 xã vào trang "Tổng hợp các xã".',
      sheet: 'Tổng hợp các xã',
      cell: 'A1',
    })),
    rolloverTracker: jest.fn(async (): Promise<RolloverView> => ({
      ok: true,
      message: 'Đã tạo bảng theo dõi năm 2027.',
      from: 2026,
      to: 2027,
      carried: [],
    })),
    loadSettings: jest.fn(async () => ({ ok: true, message: '', settings: planSettings(2026) })),
    saveSettings: jest.fn(async () => ({
      ok: true,
      message: 'Đã lưu cài đặt vào trang "Cài đặt".',
      sheet: 'Cài đặt',
    })),
    selectCell: jest.fn(async () => undefined),
    subscribeToChanges: jest.fn(async (listener: () => void) => {
      listeners.push(listener);
      return unsubscribe;
    }),
    ...overrides,
  } as jest.Mocked<PaneActions>;
  return Object.assign(actions, {
    emitChange: () => listeners.forEach((l) => l()),
    unsubscribe,
  });
}
