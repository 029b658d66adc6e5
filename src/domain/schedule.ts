import { PERIOD_TEXT } from '../i18n/vi';
import { BODY, type BodyName } from './bodies';
import { addDays, endOfMonth, endOfQuarter, isoFromYmd, type IsoDate } from './dates';
import { PLAN_ITEMS, type PlanItem, type SectionId } from './plan';
import { REPORTING_REGIME } from './reportingRegime';

/** One dated row of the tracker, before the user has touched it. */
export interface PlannedTask {
  stt: number;
  section: SectionId;
  task: string;
  lead: BodyName;
  coordinators: string;
  timeline: string;
  deadline: IsoDate | null;
  note: string;
}

export const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'] as const;

/** "Quý II/2026". */
export function quarterLabel(year: number, quarter: number): string {
  return PERIOD_TEXT.quarter(ROMAN_QUARTER[quarter - 1], year);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The dated rows one plan item yields for year Y, in date order. */
export function expandItem(item: PlanItem, year: number): Omit<PlannedTask, 'stt'>[] {
  const base = {
    section: item.section,
    lead: item.lead,
    coordinators: item.coordinators.join('; '),
    timeline: item.timeline,
    note: item.note ?? '',
  };
  const rule = item.rule;
  switch (rule.kind) {
    case 'continuous':
      return [{ ...base, task: item.task, deadline: null }];
    case 'quarterEnd':
      return [{ ...base, task: item.task, deadline: endOfQuarter(year, rule.quarter) }];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => ({
        ...base,
        task: `${item.task} (${quarterLabel(year, q)})`,
        deadline: endOfQuarter(year, q),
      }));
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        ...base,
        task: PERIOD_TEXT.monthlyTask(item.task, pad2(i + 1), year),
        deadline: addDays(endOfMonth(year, i + 1), rule.daysAfter),
      }));
    case 'afterYearEnd':
      return [
        {
          ...base,
          task: PERIOD_TEXT.yearlyTask(item.task, year),
          deadline: addDays(isoFromYmd(year, 12, 31), rule.daysAfter),
        },
      ];
    case 'reports':
      // The report closing month m covers the year to the end of quarter m/3: its subject is that quarter's.
      return REPORTING_REGIME.months.map((month) => ({
        ...base,
        task: reportTaskText(item.task, month, year),
        deadline: isoFromYmd(year, month, REPORTING_REGIME.deadlineDay),
      }));
  }
}

/** The row text of the plan's report task for the report closing `month` of `year` ("Báo cáo … 9 tháng năm 2026"). */
export function reportTaskText(task: string, month: number, year: number): string {
  return `${task} ${PERIOD_TEXT.subject[month / 3 - 1]} ${year}`;
}

/** The years the plan can be expanded for. */
export const PLAN_YEARS = { first: 1990, last: 2100 } as const;

/** Every row of the plan for year Y, numbered 1…n in plan order. */
export function expandSchedule(year: number, items: readonly PlanItem[] = PLAN_ITEMS): PlannedTask[] {
  if (!Number.isInteger(year) || year < PLAN_YEARS.first || year > PLAN_YEARS.last)
    throw new RangeError(`year out of range: ${year}`);
  return items.flatMap((item) => expandItem(item, year)).map((row, i) => ({ stt: i + 1, ...row }));
}

/** Guard against a typo in the plan data: every lead is a known body. */
export const KNOWN_BODIES: ReadonlySet<string> = new Set(Object.values(BODY));
