/**
 * Synthetic trackers for the benchmarks: the plan's own rows for 2026, repeated and varied until there are N,
 * with task texts of about 150 characters and a realistic spread of progress (done on time, done late, in
 * progress, not started) so that check and report have work to do. Deterministic: the same N gives the same
 * rows.
 */
import { addDays, type IsoDate } from '../src/domain/dates';
import { expandSchedule } from '../src/domain/schedule';
import { STATUS_LABEL } from '../src/i18n/vi';
import { seedsFromPlan, type TrackerSeed } from '../src/sheets/trackerSheet';

export const BENCH_YEAR = 2026;
export const BENCH_AS_OF: IsoDate = '2026-06-05';
export const TASK_TEXT_LENGTH = 150;

const FILLER =
  ' — triển khai theo kế hoạch của Ủy ban nhân dân xã, rà soát thủ tục hành chính, số hóa hồ sơ, nâng cao ' +
  'chỉ số hài lòng của người dân và doanh nghiệp, báo cáo kết quả đúng hạn';

/** `text` cut or extended with filler to exactly `length` characters, ending with a distinguishing suffix. */
function textOf(text: string, suffix: string, length: number): string {
  let s = text;
  while (s.length + suffix.length < length) s += FILLER;
  return s.slice(0, length - suffix.length) + suffix;
}

export function benchSeeds(n: number): TrackerSeed[] {
  const plan = seedsFromPlan(expandSchedule(BENCH_YEAR));
  const seeds: TrackerSeed[] = [];
  for (let i = 0; i < n; i++) {
    const base = plan[i % plan.length];
    const round = Math.floor(i / plan.length) + 1;
    const seed: TrackerSeed = {
      ...base,
      stt: i + 1,
      task: textOf(base.task, ` (đợt ${round})`, TASK_TEXT_LENGTH),
    };
    // A deadline already past on the benchmark's date: most are done (some late), a few are overdue.
    if (base.deadline !== null && base.deadline < BENCH_AS_OF) {
      const pick = i % 10;
      if (pick < 6) {
        seed.status = STATUS_LABEL.done;
        const completed = addDays(base.deadline, pick < 5 ? -(i % 4) : 3);
        seed.completedOn = completed < BENCH_AS_OF ? completed : BENCH_AS_OF;
        seed.evidence = `Báo cáo số ${(i % 97) + 1}/BC-UBND`;
      } else if (pick < 8) {
        seed.status = STATUS_LABEL.inProgress;
      }
    } else if (i % 3 === 0) {
      seed.status = STATUS_LABEL.inProgress;
    }
    seeds.push(seed);
  }
  return seeds;
}
