import type { DeadlineState } from '../domain/deadline';
import type { CellStyle } from './spec';

/** Colours of the deadline states (fill, font), hex RGB. One place for the sheets, the report and the pane. */
export const STATE_COLORS: Readonly<Record<DeadlineState, { fill: string; font: string } | null>> = {
  overdue: { fill: 'FFC7CE', font: '9C0006' },
  dueSoon: { fill: 'FFEB9C', font: '7F4F00' },
  doneLate: { fill: 'F8CBAD', font: '833C0B' },
  doneOnTime: { fill: 'C6EFCE', font: '006100' },
  onTrack: null,
  ongoing: null,
  dataError: { fill: 'E4DFEC', font: '5B2C6F' },
};

export const HEADER_FILL = '1F4E78';
export const HEADER_FONT = 'FFFFFF';
export const BODY_FONT = { name: 'Times New Roman', size: 12 } as const;

/** The header row of a table (Nhiệm vụ, Hồ sơ TTHC, Tổng hợp's blocks): white bold on dark blue, centred, wrapped. */
export const TABLE_HEADER_STYLE: CellStyle = {
  font: { bold: true, color: HEADER_FONT },
  fill: HEADER_FILL,
  alignment: { horizontal: 'center', vertical: 'center', wrap: true },
};
