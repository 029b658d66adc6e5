import { deadlineState, type DeadlineFacts } from '../../src/domain/deadline';

const T = '2026-06-05';
const N = 7;
const open = (deadline: string | null): DeadlineFacts => ({
  status: 'inProgress',
  deadline,
  completedOn: null,
});
const done = (deadline: string | null, completedOn: string | null): DeadlineFacts => ({
  status: 'done',
  deadline,
  completedOn,
});

describe('deadline state at the boundaries (T = 05/06/2026, N = 7)', () => {
  it('due today is Sắp đến hạn, not Quá hạn', () => expect(deadlineState(open(T), T, N)).toBe('dueSoon'));
  it('due yesterday is Quá hạn', () => expect(deadlineState(open('2026-06-04'), T, N)).toBe('overdue'));
  it('due in exactly N days is Sắp đến hạn', () =>
    expect(deadlineState(open('2026-06-12'), T, N)).toBe('dueSoon'));
  it('due in N+1 days is Trong hạn', () => expect(deadlineState(open('2026-06-13'), T, N)).toBe('onTrack'));
  it('no deadline and not done is Thường xuyên', () =>
    expect(deadlineState(open(null), T, N)).toBe('ongoing'));
  it('done on the deadline is Hoàn thành đúng hạn', () =>
    expect(deadlineState(done('2026-06-01', '2026-06-01'), T, N)).toBe('doneOnTime'));
  it('done a day late is Hoàn thành quá hạn', () =>
    expect(deadlineState(done('2026-06-01', '2026-06-02'), T, N)).toBe('doneLate'));
  it('done without a deadline is on time', () =>
    expect(deadlineState(done(null, '2026-06-01'), T, N)).toBe('doneOnTime'));
  it('done without a completion date is on time (the check flags the missing date)', () =>
    expect(deadlineState(done('2026-06-01', null), T, N)).toBe('doneOnTime'));
  it('a completion dated after T does not count as done at T', () => {
    expect(deadlineState(done('2026-06-01', '2026-06-06'), T, N)).toBe('overdue');
    expect(deadlineState(done('2026-06-30', '2026-06-06'), T, N)).toBe('onTrack');
  });
  it('N = 0 makes only today Sắp đến hạn', () => {
    expect(deadlineState(open(T), T, 0)).toBe('dueSoon');
    expect(deadlineState(open('2026-06-06'), T, 0)).toBe('onTrack');
  });
  it('an unknown status counts as not done', () =>
    expect(deadlineState({ status: null, deadline: '2026-06-01', completedOn: '2026-05-01' }, T, N)).toBe(
      'overdue',
    ));
});
