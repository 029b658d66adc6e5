/** Days as the tests put them into workbooks. */
import { addDays, serialFromIso, todayIso } from '../../src/domain/dates';

const today = todayIso();

/** The Excel serial of the day `offset` days from today. */
export const serialFromToday = (offset: number): number => serialFromIso(addDays(today, offset)) as number;
