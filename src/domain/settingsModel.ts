/**
 * The settings' value types, apart from their table (settingsTable.ts) and its readers (settings.ts), so that
 * the table can be typed by them without an import circle.
 */
import type { IsoDate } from './dates';

export type PeriodMode = 'calendar' | 'decree09';

/**
 * Who signs the report. A People's Committee signs as a collective ("TM. ỦY BAN NHÂN DÂN"): the chairman
 * ("CHỦ TỊCH"), or a vice-chairman for the chairman ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
 */
export type Signer = 'chairman' | 'viceChairman';

/** What differs between communes. Lives on the "Cài đặt" sheet, so it travels with the workbook. */
export interface Settings {
  unitName: string;
  recipient: string;
  place: string;
  year: number;
  warningDays: number;
  signer: Signer;
  signerName: string;
  otherRecipients: string[];
  periodMode: PeriodMode;
  /** The plan's number, e.g. "125/KH-UBND" ("" when not given: the report then names the plan by its title). */
  planNumber: string;
  /** The day the plan was issued (null when not given). */
  planDate: IsoDate | null;
}

export type SettingKey = keyof Settings;
