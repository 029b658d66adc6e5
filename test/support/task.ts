/** A Task as the tracker reader makes it, for tests that build tasks by hand. */
import type { Task } from '../../src/domain/tracker';

export function makeTask(row: number, over: Partial<Task> = {}): Task {
  return {
    row,
    stt: String(row),
    section: 'II.1',
    task: `Nhiệm vụ ${row}`,
    lead: 'Công chức Văn phòng – Thống kê',
    coordinators: '',
    timeline: '',
    deadline: null,
    status: 'notStarted',
    statusText: 'Chưa thực hiện',
    completedOn: null,
    evidence: '',
    note: '',
    listed: true,
    unreadable: [],
    ...over,
    match: {
      section: over.match?.section ?? over.section ?? 'II.1',
      lead: over.match?.lead ?? over.lead ?? 'Công chức Văn phòng – Thống kê',
      task: over.match?.task ?? over.task ?? `Nhiệm vụ ${row}`,
    },
  };
}
