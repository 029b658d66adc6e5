/** The Vietnamese words of the consolidation of many communes: its sheets, its reasons, its messages. */
import { SHEET, STATE_LABEL, SUMMARY_TEXT } from './vi';

const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const vnTime = (iso: string): string => {
  // An ISO timestamp shown in Vietnam's time (UTC+7): "05/06/2026 09:30".
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + 7 * 3_600_000).toISOString();
  return `${vnDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
};

/**
 * How the consolidation names the units it holds: "xã" when every one is a xã (or none is known), "phường"
 * when every one is a phường, "xã, phường" for both, "đơn vị" when another kind (thị trấn, đặc khu…) is there.
 */
export interface UnitWords {
  /** In a title: "CÁC XÃ", "CÁC XÃ, PHƯỜNG", "CÁC ĐƠN VỊ". */
  title: string;
  /** A count: "3 xã", "3 đơn vị". */
  count: (n: number) => string;
}

export function unitWords(kinds: ReadonlySet<'commune' | 'ward' | 'other'>): UnitWords {
  const word =
    kinds.size === 0 || (kinds.size === 1 && kinds.has('commune'))
      ? 'xã'
      : kinds.has('other')
        ? 'đơn vị'
        : kinds.size === 2
          ? 'xã, phường'
          : 'phường';
  return {
    title: `CÁC ${word.toLocaleUpperCase('vi')}`,
    count: (n) => `${n} ${word === 'xã, phường' ? 'đơn vị' : word}`,
  };
}

/** The words of a consolidation of xã only (the default). */
const XA = unitWords(new Set(['commune']));

/** Months 1, 2, 3, 5 → "1–3, 5". */
function monthRanges(months: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < months.length) {
    let j = i;
    while (j + 1 < months.length && months[j + 1] === months[j] + 1) j += 1;
    parts.push(j === i ? String(months[i]) : `${months[i]}–${months[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

export const CONSOLIDATION_SHEET = {
  communes: 'Tổng hợp các xã',
  overdue: 'Nhiệm vụ quá hạn',
  failed: 'Tệp không đọc được',
  tthc: 'TTHC các xã',
} as const;

/** The columns of "Tổng hợp các xã", in order (the TTHC column only when some commune has TTHC figures). */
export const COMMUNES_HEADER = {
  stt: 'STT',
  unit: 'Đơn vị',
  year: 'Năm theo dõi',
  tasks: 'Nhiệm vụ trong kỳ',
  doneOnTime: STATE_LABEL.doneOnTime,
  doneLate: STATE_LABEL.doneLate,
  overdue: STATE_LABEL.overdue,
  dueSoon: STATE_LABEL.dueSoon,
  onTrack: STATE_LABEL.onTrack,
  ongoing: STATE_LABEL.ongoing,
  notYetInPeriod: STATE_LABEL.notYetInPeriod,
  dataError: STATE_LABEL.dataError,
  // The completion rate's three columns, headed as Tổng hợp heads them.
  rateOnTime: SUMMARY_TEXT.rateOnTimeHeader,
  rateDue: SUMMARY_TEXT.rateDueHeader,
  rate: SUMMARY_TEXT.rateHeader,
  tthcRate: 'TTHC giải quyết đúng hạn',
  ownReport: 'Ngày xã lập báo cáo kỳ',
  file: 'Tệp',
} as const;

export const OVERDUE_HEADER = [
  'STT',
  'Đơn vị',
  'Mục',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Hạn hoàn thành',
  'Số ngày quá hạn',
  `Dòng (trang ${SHEET.tracker})`,
  'Ghi chú',
] as const;

export const FAILED_HEADER = ['STT', 'Tệp', 'Lý do không dùng được'] as const;

export const CONSOLIDATION_TEXT = {
  tthcTitle: (subject: string, words: UnitWords = XA) =>
    `TỔNG HỢP KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CỦA ${words.title} ${subject.toLocaleUpperCase('vi')}`,
  tthcIntro: (asOf: string) =>
    `Số liệu trang "${SHEET.tthc}" của từng xã, từ tháng 1 đến hết kỳ (các tháng đã nhập), tính đến ngày ${vnDate(asOf)}; chỉ ghi các lĩnh vực có số liệu. Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / số đã giải quyết.`,
  tthcUnit: 'Đơn vị',
  /** A commune's total row, with the months its figures cover: "Cộng (tháng 1–5)". */
  tthcCommuneTotal: (months: readonly number[]) => `Cộng (tháng ${monthRanges(months)})`,
  /** Below the table where the communes' months differ: which commune covers which months. */
  tthcMonthsDiffer: (byCommune: readonly { unit: string; months: readonly number[] }[]) =>
    `Lưu ý: số liệu của các đơn vị không cùng các tháng, nên tổng cộng cộng các tháng khác nhau: ${byCommune
      .map((c) => `${c.unit} tháng ${monthRanges(c.months)}`)
      .join('; ')}. Đề nghị đơn vị nhập thiếu tháng bổ sung số liệu.`,
  tthcTotal: (communes: number, words: UnitWords = XA) => `Tổng cộng (${words.count(communes)})`,
  title: (subject: string, words: UnitWords = XA) =>
    `TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CỦA ${words.title} ${subject.toLocaleUpperCase('vi')}`,
  intro: (asOf: string, communes: number, notUsed: number, folder: string, words: UnitWords = XA) =>
    `Số liệu tính đến ngày ${vnDate(asOf)}, mỗi xã theo đúng cách tính của báo cáo định kỳ của xã (kỳ báo cáo theo Cài đặt của xã). ` +
    (folder ? `Các tệp trong thư mục "${folder}". ` : '') +
    words.count(communes) +
    (notUsed > 0
      ? `; ${notUsed} tệp không dùng được, xem trang "${CONSOLIDATION_SHEET.failed}".`
      : '; mọi tệp đều dùng được.'),
  total: (communes: number, words: UnitWords = XA) => `Tổng cộng (${words.count(communes)})`,
  noCommune: 'Không có xã nào: không tệp nào dùng được.',
  ownReportDone: (day: string) => vnDate(day),
  ownReportMissing: 'Chưa lập',
  notes: [
    'Tỷ lệ hoàn thành = số nhiệm vụ hoàn thành đúng hạn / số nhiệm vụ đã đến hạn (đến hết ngày tính số liệu) hoặc đã hoàn thành, không tính nhiệm vụ thường xuyên và dòng "Lỗi dữ liệu": đúng như báo cáo định kỳ của từng xã. Tỷ lệ của dòng tổng cộng tính trên tổng các xã.',
    'Tô đỏ cả dòng: xã thuộc nhóm một phần mười số xã có tỷ lệ hoàn thành thấp nhất (ít nhất một xã) và thấp hơn tỷ lệ chung. Ô "Quá hạn" tô đỏ: xã còn nhiệm vụ quá hạn (xem trang "Nhiệm vụ quá hạn"). Ô "Ngày xã lập báo cáo kỳ" tô vàng: xã chưa lập báo cáo kỳ này trong sổ của mình.',
  ],
  overdueTitle: (subject: string, asOf: string, words: UnitWords = XA) =>
    `NHIỆM VỤ QUÁ HẠN CỦA ${words.title}, ${subject.toUpperCase()} (TÍNH ĐẾN NGÀY ${vnDate(asOf)})`,
  overdueNone: 'Không xã nào có nhiệm vụ quá hạn.',
  overdueDataError: 'Dòng có lỗi dữ liệu: xã cần sửa',
  failedTitle: (subject: string) => `TỆP KHÔNG DÙNG ĐƯỢC KHI TỔNG HỢP ${subject.toUpperCase()}`,
  failedNone: 'Mọi tệp đều đọc được và đã được tổng hợp.',
} as const;

/** Why a file was not used, one sentence each. */
export const CONSOLIDATION_REASON = {
  unreadable: 'Không đọc được tệp: tệp không phải sổ Excel .xlsx/.xlsm hợp lệ hoặc đã hỏng.',
  empty: 'Tệp rỗng (0 byte): tệp gửi về không có nội dung. Đề nghị xã gửi lại tệp.',
  cannotOpen: 'Không mở được tệp (tệp vừa bị xóa, di chuyển, hoặc không có quyền đọc).',
  notTracker: `Sổ làm việc không có trang "${SHEET.tracker}": không phải bảng theo dõi kế hoạch CCHC của một xã.`,
  trackerBroken: (problem: string) => `Không đọc được bảng theo dõi: ${problem}`,
  otherYear: (trackerYear: number, periodYear: number, subject: string) =>
    `Bảng theo dõi của năm ${trackerYear}, không dùng được cho báo cáo ${subject}: cần bảng theo dõi năm ${periodYear} của xã.`,
  asOfBeforePeriod: (asOf: string, subject: string, from: string) =>
    `Theo Cài đặt của xã, kỳ ${subject} bắt đầu ngày ${vnDate(from)}, sau ngày tính số liệu ${vnDate(asOf)}.`,
  noUnitName: `Trang "${SHEET.settings}" không ghi "Tên đơn vị": không biết tệp là của xã nào. Đề nghị xã ghi tên đơn vị rồi gửi lại.`,
  isConsolidation: `Tệp là bảng tổng hợp các xã (kết quả của một lần tổng hợp), không phải bảng theo dõi của một xã.`,
  duplicate: (unit: string, kept: string, decidedBy: 'compiledAt' | 'fileTime' | 'name', keptTime?: string) =>
    `Cùng đơn vị "${unit}" với tệp "${kept}", tệp đó mới hơn` +
    (decidedBy === 'compiledAt'
      ? ` (lập báo cáo lần cuối lúc ${keptTime ? vnTime(keptTime) : '?'})`
      : decidedBy === 'fileTime'
        ? ` (tệp sửa lần cuối lúc ${keptTime ? vnTime(keptTime) : '?'})`
        : ' (không biết tệp nào mới hơn: dùng tệp đứng sau theo tên)') +
    ': chỉ tổng hợp tệp đó.',
} as const;

/** What the action says when it is done, or cannot write. */
export const CONSOLIDATION_MESSAGE = {
  written: (sheet: string, communes: number, notUsed: number, words: UnitWords = XA) =>
    `Đã tổng hợp ${words.count(communes)} vào trang "${sheet}"` +
    (notUsed > 0 ? `; ${notUsed} tệp không dùng được (xem trang "${CONSOLIDATION_SHEET.failed}").` : '.'),
  noFreeName: (sheet: string, max: number) =>
    `Đã có ${max} bộ trang "${sheet}" đã sửa tay hoặc của người dùng: hãy xóa hoặc đổi tên bớt rồi tổng hợp lại.`,
  noFiles: 'Chưa chọn tệp nào: hãy chọn các tệp .xlsx của các xã.',
} as const;

/** The task pane's "Tổng hợp nhiều xã". */
export const CONSOLIDATION_PANE = {
  hint: 'Dành cho cơ quan nhận báo cáo: chọn các sổ theo dõi các xã gửi về (chọn nhiều tệp .xlsx một lần). Mỗi xã được tính đúng như báo cáo định kỳ của xã, cùng kỳ và cùng ngày tính số liệu; kết quả ghi vào sổ đang mở (trang Tổng hợp các xã, Nhiệm vụ quá hạn, Tệp không đọc được). Tệp của các xã không bị sửa.',
  periodLabel: 'Kỳ cần tổng hợp',
  asOfLabel: 'Ngày tính số liệu (chung cho mọi xã)',
  pickLabel: 'Sổ theo dõi của các xã',
  pickButton: 'Chọn tệp…',
  picked: (n: number) => (n === 0 ? 'Chưa chọn tệp nào.' : `Đã chọn ${n} tệp.`),
  button: 'Tổng hợp nhiều xã',
  progressLabel: (done: number, total: number) => `Đã đọc ${done}/${total} tệp`,
  progressHeading: 'Các tệp đã đọc',
  used: (unit: string) => `Đã dùng: ${unit}`,
  notUsed: (reason: string) => `Không dùng được: ${reason}`,
} as const;
