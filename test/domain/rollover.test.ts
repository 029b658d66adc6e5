import { expandSchedule } from '../../src/domain/schedule';
import { noteWithCarry } from '../../src/app/rollover';
import { planCarryOver, rolloverSettings } from '../../src/domain/rollover';
import { defaultSettings } from '../../src/domain/settings';
import { makeTask } from '../support/task';

const today = '2026-11-29';
const opts = { today, warningDays: 7, to: 2027 };
const continuousPlanTask = expandSchedule(2027).find((t) => t.deadline === null)!.task;

describe('which rows carry over into the new year', () => {
  const tasks = [
    makeTask(2, { deadline: '2026-03-31', status: 'done', completedOn: '2026-03-20' }), // done on time
    makeTask(3, { deadline: '2026-03-31', status: 'done', completedOn: '2026-04-02' }), // done late
    makeTask(4, { deadline: '2026-09-30' }), // overdue
    makeTask(5, { deadline: '2026-12-02', status: 'inProgress' }), // due soon
    makeTask(6, { deadline: '2027-01-05' }), // December's review, due in the new year
    makeTask(7, { deadline: '2026-10-01', status: 'done', completedOn: '2026-12-15' }), // done after today: not yet
    makeTask(8, { task: continuousPlanTask }), // the plan's continuous task: made anew
    makeTask(9, { task: 'Tuyên truyền CCHC trên loa phát thanh mỗi tuần' }), // the user's own continuous task
    makeTask(10, { deadline: null, unreadable: ['deadline'] }), // a deadline typed as text: Lỗi dữ liệu
    makeTask(11, { deadline: '2026-06-30', unreadable: ['status'] }), // #N/A in Trạng thái
    makeTask(12, { task: continuousPlanTask, unreadable: ['completedOn'] }), // made anew, even broken
    makeTask(13, { task: '', listed: false, deadline: '2026-05-05' }), // no Nội dung: no task
    makeTask(14, { task: 'Việc riêng đã xong', status: 'done' }), // own continuous task, done
  ];
  const plan = planCarryOver(tasks, opts);

  it('carries exactly the rows whose own Tình trạng hạn is not done, except the plan’s continuous ones', () => {
    expect(plan.carried.map((c) => [c.task.row, c.state, c.reason])).toEqual([
      [4, 'overdue', 'dated'],
      [5, 'dueSoon', 'dated'],
      [6, 'onTrack', 'dated'],
      [7, 'overdue', 'dated'],
      [9, 'ongoing', 'ownContinuous'],
      [10, 'dataError', 'dataError'],
      [11, 'dataError', 'dataError'],
    ]);
  });

  it('names the rows the sheet does not count as tasks', () => {
    expect(plan.notTasks).toEqual([13]);
  });

  it('takes the states on the day of the rollover', () => {
    // On 20/12 the task done on 15/12 is done (late), so it stays behind.
    const later = planCarryOver(tasks, { ...opts, today: '2026-12-20' });
    expect(later.carried.map((c) => c.task.row)).not.toContain(7);
    expect(later.carried.find((c) => c.task.row === 5)!.state).toBe('overdue');
  });
});

describe('Ghi chú of a carried row', () => {
  it('keeps what the user wrote and says where the row came from, on a line of its own', () => {
    expect(noteWithCarry(null, 2026, 14)).toBe('Chuyển từ năm 2026 (dòng 14)');
    expect(noteWithCarry('   ', 2026, 14)).toBe('Chuyển từ năm 2026 (dòng 14)');
    expect(noteWithCarry('Chờ kinh phí ', 2026, 14)).toBe('Chờ kinh phí \nChuyển từ năm 2026 (dòng 14)');
    expect(noteWithCarry('Chuyển từ năm 2025 (dòng 60)\n', 2026, 52)).toBe(
      'Chuyển từ năm 2025 (dòng 60)\nChuyển từ năm 2026 (dòng 52)',
    );
    expect(noteWithCarry(42, 2026, 3)).toBe('42\nChuyển từ năm 2026 (dòng 3)');
    expect(noteWithCarry({ error: '#REF!' }, 2026, 3)).toBe(
      'Chuyển từ năm 2026 (dòng 3); ô Ghi chú cũ báo lỗi #REF!',
    );
  });
});

describe('Cài đặt of the new year', () => {
  it('sets the year and keeps everything the user set', () => {
    const old = { ...defaultSettings(2026), unitName: 'UBND xã Mỹ Hội Đông', warningDays: 10 };
    const { settings, followed } = rolloverSettings(old, 2027);
    expect(settings).toEqual({ ...old, year: 2027 });
    expect(followed).toEqual([]);
  });

  it('moves a year-aware default with the year only where the user kept the default', () => {
    const kept = rolloverSettings(defaultSettings(2025), 2026);
    expect(kept.settings.recipient).toBe('Sở Nội vụ tỉnh An Giang');
    expect(kept.followed).toEqual(['recipient']);
    const own = rolloverSettings({ ...defaultSettings(2025), recipient: 'Phòng Nội vụ huyện Chợ Mới' }, 2026);
    expect(own.settings.recipient).toBe('Phòng Nội vụ huyện Chợ Mới');
    expect(own.followed).toEqual([]);
    // The default typed again with other spaces is still the default.
    const spaced = rolloverSettings({ ...defaultSettings(2025), recipient: ' Phòng  Nội vụ' }, 2026);
    expect(spaced.settings.recipient).toBe('Sở Nội vụ tỉnh An Giang');
  });
});
