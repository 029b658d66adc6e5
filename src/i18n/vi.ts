/**
 * Every Vietnamese string the workbook, the CLI and the ribbon command show. (The task pane's own labels are
 * in ui.ts.) This module imports nothing, so every layer, the domain included, may use it. Over 600 lines
 * because it is text: one table per kind of message, read by name, with nothing to split along.
 */

export const SHEET = {
  tracker: 'Nhiệm vụ',
  lists: 'Danh mục',
  settings: 'Cài đặt',
  summary: 'Tổng hợp',
  /** The one-stop shop's monthly dossier counts (plan II.3). */
  tthc: 'Hồ sơ TTHC',
  /** Results per period: what was done under each task, quarter by quarter, and the work planned next. */
  results: 'Kết quả theo kỳ',
  /** Very hidden sheet listing the sheets the add-in owns. */
  register: 'CCHC_SoDangKy',
} as const;

/** A printed page's header: "Trang 2/5" (Excel's header codes: &P the page, &N the number of pages). */
export const PAGE_HEADER = 'Trang &P/&N';

export const TABLE_NAME = 'NhiemVu';
export const TTHC_TABLE_NAME = 'HoSoTTHC';
export const RESULTS_TABLE_NAME = 'KetQuaTheoKy';

export const HEADERS = {
  stt: 'STT',
  section: 'Mục',
  task: 'Nội dung nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  timeline: 'Thời gian thực hiện',
  deadline: 'Hạn hoàn thành',
  status: 'Trạng thái',
  completedOn: 'Ngày hoàn thành',
  evidence: 'Kết quả / Hồ sơ minh chứng',
  note: 'Ghi chú',
  deadlineState: 'Tình trạng hạn',
} as const;

/** The columns of "Hồ sơ TTHC", exactly as the sheet heads them (national statistics on TTHC handling). */
export const TTHC_HEADERS = {
  month: 'Tháng',
  field: 'Lĩnh vực',
  carriedOver: 'Kỳ trước chuyển qua',
  online: 'Tiếp nhận trực tuyến',
  offline: 'Tiếp nhận trực tiếp, bưu chính',
  received: 'Tổng số hồ sơ',
  early: 'Đã giải quyết trước hạn',
  onTime: 'Đã giải quyết đúng hạn',
  late: 'Đã giải quyết quá hạn',
  pendingOnTime: 'Đang giải quyết trong hạn',
  pendingLate: 'Đang giải quyết quá hạn',
  rate: 'Tỷ lệ đúng hạn',
  lateReason: 'Nguyên nhân quá hạn, biện pháp khắc phục',
} as const;

/** The columns of "Kết quả theo kỳ", exactly as the sheet heads them. */
export const RESULTS_HEADERS = {
  quarter: 'Quý',
  section: 'Mục',
  task: 'Nội dung nhiệm vụ',
  result: 'Kết quả thực hiện trong quý',
  planned: 'Dự kiến thực hiện quý sau',
} as const;

/** What "Kết quả theo kỳ" and its reader say: its quarter cells, its prompts, its problems. */
export const RESULTS_TEXT = {
  /** A quarter cell as init writes it: "Quý III". */
  quarterLabel: (roman: string) => `Quý ${roman}`,
  /**
   * A quarter as people type it, after normalizeKey (lower case, NFC): "quý iii", "quy 3", "q3", "3", "iii",
   * "quý iii/2026". Group 1: the quarter, Roman or Arabic.
   */
  quarterPattern: /^(?:quý|quy|q)?\s*(iv|i{1,3}|[1-4])(?:\s*\/\s*\d{4})?$/u,
  headerNotFound: (sheet: string) =>
    `Không tìm thấy dòng tiêu đề ở trang "${sheet}" (cần các cột "${RESULTS_HEADERS.quarter}", "${RESULTS_HEADERS.task}", "${RESULTS_HEADERS.result}"). Kết quả đã ghi ở trang này chưa được đưa vào báo cáo.`,
  missingColumn: (sheet: string, cell: string, header: string) =>
    `Trang "${sheet}" thiếu cột "${header}" (dòng tiêu đề ${cell}). Hãy thêm lại cột này để kết quả đã ghi được đưa vào báo cáo.`,
  quarterUnreadable: (sheet: string, cell: string, value: string) =>
    value === ''
      ? `Ô ${sheet}!${cell} chưa ghi quý, nên kết quả ghi ở dòng này chưa thuộc kỳ báo cáo nào. Hãy ghi "Quý I", "Quý II", "Quý III" hoặc "Quý IV".`
      : `Ô ${sheet}!${cell} ghi quý "${value}" không đọc được, nên kết quả ghi ở dòng này chưa thuộc kỳ báo cáo nào. Hãy ghi "Quý I", "Quý II", "Quý III" hoặc "Quý IV".`,
  taskMissing: (sheet: string, cell: string) =>
    `Ô ${sheet}!${cell} chưa ghi nội dung nhiệm vụ, nên báo cáo không biết kết quả ở dòng này thuộc nhiệm vụ nào. Hãy chép nội dung nhiệm vụ từ trang "${SHEET.tracker}".`,
  taskNotOnTracker: (sheet: string, cell: string, tracker: string) =>
    `Nhiệm vụ ở ô ${sheet}!${cell} không còn ở trang "${tracker}" (đã xóa hoặc đã sửa lời). Báo cáo vẫn nêu kết quả đã ghi theo lời ở trang này; nếu nhiệm vụ đã được sửa lời, hãy chép lại nội dung mới từ trang "${tracker}".`,
  cellError: (sheet: string, cell: string, error: string) =>
    `Ô ${sheet}!${cell} báo lỗi ${error}, nên không được đưa vào báo cáo. Hãy gõ lại nội dung.`,
  added: (sheet: string, year: number, tasks: number) =>
    `Đã thêm trang "${sheet}" để ghi kết quả thực hiện từng quý năm ${year} của ${tasks} nhiệm vụ (và việc dự kiến quý sau); báo cáo định kỳ nêu đúng lời đã ghi. Bảng theo dõi và các trang khác giữ nguyên.`,
  missing: () =>
    `Sổ làm việc chưa có trang "${SHEET.results}". Bấm "Khởi tạo bảng theo dõi" để thêm trang này (bảng theo dõi giữ nguyên).`,
  unreadable: (message: string) => `Chưa đọc được trang "${SHEET.results}": ${message}`,
  rowChanged: (row: number) =>
    `Dòng ${row} của trang "${SHEET.results}" đã đổi (nhiệm vụ hoặc quý khác) từ lúc mở. Không ghi gì; hãy chọn lại nhiệm vụ và ghi lại.`,
  wordsChanged: (row: number) =>
    `Dòng ${row} của trang "${SHEET.results}" vừa được ghi ở nơi khác (trên trang tính) từ lúc mở. Không ghi đè; nội dung mới đã hiện ở đây, hãy xem lại rồi ghi.`,
  saved: (task: string, quarter: string) => `Đã ghi kết quả ${quarter} của nhiệm vụ "${task}".`,
  cleared: (task: string, quarter: string) => `Đã xóa kết quả ${quarter} của nhiệm vụ "${task}".`,
  notText: (sheet: string, cell: string, value: string) =>
    `Ô ${sheet}!${cell} chỉ có số "${value}": báo cáo sẽ nêu đúng "${value}". Nếu đó chưa phải là kết quả, hãy ghi rõ bằng lời (ví dụ "Tiếp ${value} lượt công dân").`,
} as const;

export const STATUS_LABEL = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  done: 'Hoàn thành',
} as const;

export const STATE_LABEL = {
  doneOnTime: 'Hoàn thành đúng hạn',
  doneLate: 'Hoàn thành quá hạn',
  overdue: 'Quá hạn',
  dueSoon: 'Sắp đến hạn',
  onTrack: 'Trong hạn',
  ongoing: 'Thường xuyên',
  dataError: 'Lỗi dữ liệu',
  notYetInPeriod: 'Chưa đến kỳ',
} as const;

/**
 * How officers write a status when they type it rather than pick it from the list. None of these is on the list,
 * so the row shows "Lỗi dữ liệu"; "Sửa tự động" offers the list's value each one means, however it is written:
 * with or without diacritics, in any case, with stray spaces or a full stop (src/domain/statusSpelling.ts). Only
 * spellings whose meaning is certain: "Chưa hoàn thành" (not started, or under way?) is not one.
 */
export const STATUS_SPELLINGS: Record<keyof typeof STATUS_LABEL, readonly string[]> = {
  notStarted: [
    'Chưa thực hiện',
    'Chưa làm',
    'Chưa triển khai',
    'Chưa tiến hành',
    'Chưa bắt đầu',
    'Chưa thực hiện được',
  ],
  inProgress: [
    'Đang thực hiện',
    'Đang làm',
    'Đang triển khai',
    'Đang tiến hành',
    'Đang xử lý',
    'Đang giải quyết',
  ],
  done: [
    'Hoàn thành',
    'Đã hoàn thành',
    'Hoàn tất',
    'Đã hoàn tất',
    'Xong',
    'Đã xong',
    'Làm xong',
    'Đã làm xong',
    'Thực hiện xong',
    'Đã thực hiện xong',
    'Đã thực hiện',
    'Hoàn thành đúng hạn',
    'Hoàn thành quá hạn',
    'Hoàn thành trễ hạn',
    'Đã hoàn thành đúng hạn',
    'Đã hoàn thành quá hạn',
  ],
};

/**
 * What makes a typed word differ from the list's though it looks the same (or nearly): named in the check's
 * messages, so a message never shows two words that look alike without saying how they differ.
 */
export const SPELLING_DIFFERENCE = {
  case: 'chữ hoa, chữ thường',
  spaces: 'khoảng trắng thừa',
  nbsp: 'khoảng trắng không ngắt (NBSP, thường có khi dán từ trang web hoặc Word)',
  breaks: 'dấu tab hoặc dấu xuống dòng',
  invisible: 'ký tự ẩn không nhìn thấy',
  composition: 'dấu tiếng Việt gõ theo bảng mã tổ hợp (khác bảng mã dựng sẵn của danh sách)',
} as const;

/** Rows of the roll-ups for tasks whose Mục or lead matches no listed one (blank, misspelt, too long). */
export const OTHER_GROUP = {
  section: 'Khác (chưa ghi mục, hoặc mục không có trong kế hoạch)',
  lead: 'Khác (chưa ghi, hoặc không có trong danh mục)',
  field: 'Khác (lĩnh vực gõ khác danh mục)',
} as const;

export const SETTING_LABEL = {
  unitName: 'Tên đơn vị',
  recipient: 'Cơ quan cấp trên nhận báo cáo',
  place: 'Địa danh',
  year: 'Năm theo dõi',
  warningDays: 'Số ngày cảnh báo',
  signer: 'Người ký',
  signerName: 'Họ tên người ký',
  otherRecipients: 'Nơi nhận khác',
  periodMode: 'Cách tính kỳ báo cáo',
  planNumber: 'Số kế hoạch',
  planDate: 'Ngày ban hành kế hoạch',
} as const;

/** The row that said who signs before "Người ký" existed (read from older workbooks). */
export const LEGACY_SIGNER_TITLE_LABEL = 'Chức vụ người ký';

/** A title in that row naming a vice-chairman ("Phó Chủ tịch"), in NFC, in any case. */
export const LEGACY_VICE_CHAIRMAN_TITLE = /phó/iu;

export const SIGNER_LABEL = {
  chairman: 'Chủ tịch',
  viceChairman: 'Phó Chủ tịch (ký thay Chủ tịch)',
} as const;

export const SETTING_HINT = {
  unitName: 'Tên cơ quan ban hành, ví dụ: UBND xã Long Điền A',
  recipient: 'Cơ quan nhận báo cáo định kỳ (dòng "Kính gửi")',
  place: 'Địa danh ghi ở dòng ngày tháng của báo cáo',
  year: 'Năm của bảng theo dõi (số, ví dụ 2026)',
  warningDays: 'Nhiệm vụ còn ít hơn hoặc bằng số ngày này đến hạn thì hiện "Sắp đến hạn" (0–365)',
  signer:
    '"Chủ tịch" (ký: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH) hoặc "Phó Chủ tịch (ký thay Chủ tịch)" (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)',
  signerName: 'Họ và tên người ký báo cáo',
  otherRecipients:
    'Các nơi nhận khác, cách nhau bằng dấu chấm phẩy (;). Báo cáo tự ghi "- Như trên;" ở đầu và "- Lưu: VT, TH." ở cuối',
  periodMode:
    '"Theo quý" (mặc định) hoặc "Theo NĐ 09/2019" (từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ)',
  planNumber:
    'Số, ký hiệu của kế hoạch, ví dụ 125/KH-UBND (để trống nếu không có): báo cáo trích dẫn ở câu mở đầu',
  planDate: 'Ngày ký ban hành kế hoạch, dạng dd/mm/yyyy (để trống nếu không có)',
} as const;

/** The pane's hint where it differs from Cài đặt's (the pane lists one recipient a line). */
export const SETTING_PANE_HINT = {
  otherRecipients: 'Mỗi dòng một nơi nhận.',
} as const;

export const PERIOD_MODE_LABEL = {
  calendar: 'Theo quý',
  decree09: 'Theo NĐ 09/2019',
} as const;

export const SETTINGS_HEADER = ['Thông số', 'Giá trị', 'Hướng dẫn'] as const;
export const LISTS_HEADER = [
  'Cơ quan (chủ trì, phối hợp)',
  'Trạng thái',
  'Tình trạng hạn',
  'Mục',
  'Người ký',
  'Lĩnh vực',
] as const;
export const REGISTER_HEADER = ['Trang tính', 'Loại', 'Dấu kiểm', 'Ghi lúc', 'Phiên bản'] as const;

const at = (sheet: string, cell: string): string => `trang "${sheet}", ô ${cell}`;

/** Problem messages: what is wrong, where, and what to do. */

export const PROBLEM = {
  trackerMissing: (sheet: string) =>
    `Không tìm thấy trang "${sheet}". Hãy bấm "Khởi tạo bảng theo dõi" để tạo bảng, hoặc đổi tên trang tính đang dùng thành "${sheet}".`,
  headerNotFound: (sheet: string) =>
    `Trang "${sheet}" không có dòng tiêu đề của bảng theo dõi (cần các cột ${HEADERS.task}, ${HEADERS.lead}, ${HEADERS.status}…). Hãy khôi phục dòng tiêu đề.`,
  missingColumn: (sheet: string, cell: string, header: string) =>
    `Thiếu cột "${header}" (${at(sheet, cell)} là dòng tiêu đề). Hãy thêm cột có đúng tiêu đề này.`,
  duplicateColumn: (sheet: string, cell: string, header: string, first: string) =>
    `Cột "${header}" xuất hiện hai lần (${at(sheet, cell)}; lần đầu ở ô ${first}). Chỉ cột đầu tiên được đọc; hãy xóa hoặc đổi tên cột thừa.`,
  unknownStatus: (sheet: string, cell: string, value: string) =>
    `Trạng thái "${value}" không có trong danh sách (${at(sheet, cell)}), nên công thức không đọc được và dòng hiện "${STATE_LABEL.dataError}" (không được tính). Hãy chọn trong danh sách: ${STATUS_LABEL.notStarted}, ${STATUS_LABEL.inProgress}, ${STATUS_LABEL.done}.`,
  statusMeans: (sheet: string, cell: string, value: string, label: string) =>
    `Trạng thái "${value}" không có trong danh sách (${at(sheet, cell)}), nên công thức không đọc được và dòng hiện "${STATE_LABEL.dataError}" (không được tính). Nếu ý là "${label}", hãy bấm "Sửa tự động"; nếu không, hãy chọn lại trong danh sách.`,
  statusLookalike: (sheet: string, cell: string, label: string, differences: string) =>
    `Trạng thái ở ${at(sheet, cell)} trông như "${label}" nhưng có ${differences}, nên công thức không nhận ra và dòng hiện "${STATE_LABEL.dataError}" (không được tính). Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
  emptyTask: (sheet: string, cell: string) =>
    `Thiếu nội dung nhiệm vụ (${at(sheet, cell)}). Hãy nhập nội dung hoặc xóa dòng.`,
  emptySection: (sheet: string, cell: string) =>
    `Thiếu mục của kế hoạch (${at(sheet, cell)}). Hãy ghi mục, ví dụ II.1 hoặc IV, để nhiệm vụ được tổng hợp đúng mục.`,
  emptyLead: (sheet: string, cell: string) =>
    `Thiếu cơ quan chủ trì (${at(sheet, cell)}). Hãy chọn cơ quan trong danh sách thả xuống.`,
  unknownLead: (sheet: string, cell: string, value: string, lists: string) =>
    `Cơ quan chủ trì "${value}" chưa có trong danh mục (${at(sheet, cell)}). Nếu đúng, hãy thêm vào trang "${lists}"; nếu sai, hãy chọn lại.`,
  notADate: (sheet: string, cell: string, header: string, value: string) =>
    `"${value}" ở cột ${header} không phải là ngày (${at(sheet, cell)}). Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 05/06/2026.`,
  impossibleDate: (sheet: string, cell: string, header: string, value: string) =>
    `Ngày "${value}" ở cột ${header} không có thật (${at(sheet, cell)}). Hãy sửa lại ngày đúng, dạng dd/mm/yyyy.`,
  dateAsText: (sheet: string, cell: string, header: string, value: string, shown: string) =>
    `Ngày "${value}" ở cột ${header} đang được lưu dạng chữ (${at(sheet, cell)}), nên công thức không đọc được và dòng hiện "${STATE_LABEL.dataError}". Hãy nhập lại thành ngày (${shown}), hoặc bấm "Sửa tự động" ở ngăn Kiểm tra dữ liệu.`,
  numberAsText: (sheet: string, cell: string, header: string, value: string, shown: string) =>
    `Ô ${cell} ở cột ${header} chứa số "${value}" dạng chữ (${at(sheet, cell)}), nên công thức không đọc được và dòng hiện "${STATE_LABEL.dataError}". Nếu đó là ngày ${shown}, hãy bấm "Sửa tự động"; nếu không, hãy nhập lại ngày dạng dd/mm/yyyy.`,
  errorValue: (sheet: string, cell: string, header: string, value: string) =>
    `Ô ${cell} ở cột ${header} đang báo lỗi ${value} (${at(sheet, cell)}). Hãy nhập lại giá trị đúng.`,
  unknownSection: (sheet: string, cell: string, value: string) =>
    `Mục "${value}" không có trong kế hoạch (${at(sheet, cell)}), nên nhiệm vụ được tính vào dòng "Khác" của trang "${SHEET.summary}" và của báo cáo. Hãy chọn mục trong danh sách thả xuống (ví dụ II.1, IV).`,
  sectionSpelling: (
    sheet: string,
    cell: string,
    value: string,
    canonical: string,
    differences: string,
    looksAlike: boolean,
  ) =>
    `${looksAlike ? `Mục ở ${at(sheet, cell)} trông như "${canonical}" nhưng có ${differences}` : `Mục "${value}" gõ khác với "${canonical}" (${differences}) (${at(sheet, cell)})`}, nên công thức của trang "${SHEET.summary}" không nhận ra. Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
  leadSpelling: (
    sheet: string,
    cell: string,
    value: string,
    canonical: string,
    differences: string,
    looksAlike: boolean,
  ) =>
    `${looksAlike ? `Cơ quan chủ trì ở ${at(sheet, cell)} trông như "${canonical}" của danh mục nhưng có ${differences}` : `Cơ quan chủ trì "${value}" gõ khác với "${canonical}" trong danh mục (${differences}) (${at(sheet, cell)})`}, nên công thức của trang "${SHEET.summary}" tính vào dòng "Khác". Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
  statusSpelling: (sheet: string, cell: string, value: string, canonical: string, differences: string) =>
    `Trạng thái "${value}" viết khác "${canonical}" của danh sách (${differences}) (${at(sheet, cell)}). Công thức vẫn đọc đúng; hãy bấm "Sửa tự động" để ghi đúng như danh sách.`,
  statusSpellingUnseen: (sheet: string, cell: string, canonical: string, differences: string) =>
    `Trạng thái ở ${at(sheet, cell)} là "${canonical}" nhưng có ${differences}. Công thức vẫn đọc đúng; hãy bấm "Sửa tự động" để ghi đúng như danh sách.`,
  formulaNotCalculated: (sheet: string, cell: string, header: string) =>
    `Ô ${cell} ở cột ${header} chứa công thức chưa được tính (${at(sheet, cell)}). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại, hoặc nhập giá trị thay cho công thức.`,
  doneWithoutDate: (sheet: string, cell: string) =>
    `Nhiệm vụ đã "${STATUS_LABEL.done}" nhưng chưa có ${HEADERS.completedOn} (${at(sheet, cell)}). Hãy nhập ngày hoàn thành.`,
  completedInFuture: (sheet: string, cell: string, shown: string, asOf: string) =>
    `${HEADERS.completedOn} ${shown} ở sau ngày tính số liệu ${asOf} (${at(sheet, cell)}), nên nhiệm vụ chưa được tính là đã hoàn thành. Hãy sửa lại ngày đã hoàn thành thực tế.`,
  completedOutOfYear: (sheet: string, cell: string, shown: string, year: number) =>
    `${HEADERS.completedOn} ${shown} nằm ngoài năm theo dõi ${year} (${at(sheet, cell)}). Hãy kiểm tra lại năm của ngày hoàn thành.`,
  dateWithoutDone: (sheet: string, cell: string) =>
    `Đã có ${HEADERS.completedOn} nhưng ${HEADERS.status} chưa là "${STATUS_LABEL.done}" (${at(sheet, cell)}), nên nhiệm vụ chưa được tính là đã hoàn thành. Hãy chọn "${STATUS_LABEL.done}" hoặc xóa ngày hoàn thành.`,
  recurringWithoutDeadline: (sheet: string, cell: string, timeline: string) =>
    `Nhiệm vụ định kỳ này thiếu ${HEADERS.deadline} (${at(sheet, cell)}) nên đang bị tính là "${STATE_LABEL.ongoing}"; kế hoạch quy định hạn (${timeline}). Hãy nhập lại hạn hoàn thành.`,
  deadlineOutOfYear: (sheet: string, cell: string, shown: string, year: number) =>
    `${HEADERS.deadline} ${shown} nằm ngoài năm theo dõi ${year} (±1 năm) (${at(sheet, cell)}). Hãy kiểm tra lại năm.`,
  duplicateStt: (sheet: string, cell: string, value: string, first: string) =>
    `STT ${value} bị trùng (${at(sheet, cell)}; đã có ở ô ${first}). Hãy đánh lại số thứ tự.`,
  stateFormulaErased: (sheet: string, cell: string) =>
    `Ô ${HEADERS.deadlineState} đã bị xóa công thức và đang để trống (${at(sheet, cell)}), nên không tự cập nhật và trang "${SHEET.summary}" không đếm dòng này. Hãy chép công thức từ dòng bên trên xuống.`,
  stateNotFormula: (sheet: string, cell: string) =>
    `Ô ${HEADERS.deadlineState} không còn là công thức (${at(sheet, cell)}): ô hiện giá trị gõ tay, không tự cập nhật, và trang "${SHEET.summary}" đếm theo giá trị đó. Hãy chép công thức từ dòng bên trên xuống.`,
  tthcHeaderNotFound: (sheet: string) =>
    `Trang "${sheet}" không có dòng tiêu đề của bảng số liệu hồ sơ TTHC (cần các cột ${TTHC_HEADERS.month}, ${TTHC_HEADERS.field}, ${TTHC_HEADERS.carriedOver}…), nên số liệu hồ sơ TTHC chưa được tổng hợp. Hãy khôi phục dòng tiêu đề.`,
  tthcMissingColumn: (sheet: string, cell: string, header: string) =>
    `Trang "${sheet}" thiếu cột "${header}" (${at(sheet, cell)} là dòng tiêu đề), nên số liệu hồ sơ TTHC chưa được tổng hợp. Hãy thêm cột có đúng tiêu đề này.`,
  tthcCountAsText: (
    sheet: string,
    cell: string,
    header: string,
    value: string,
    month: number | null,
    field: string | null,
  ) =>
    `Ô ${cell} ở cột ${header}${month !== null && field !== null ? ` (dòng tháng ${month}, lĩnh vực "${field}")` : ''} chứa số "${value}" dạng chữ (${at(sheet, cell)}), nên công thức không đọc được và dòng hiện "${STATE_LABEL.dataError}" (không được tính ở trang "${SHEET.summary}" và trong báo cáo). Hãy nhập lại thành số, hoặc bấm "Sửa tự động" ở ngăn Kiểm tra dữ liệu.`,
  tthcCountNotWhole: (sheet: string, cell: string, header: string, value: string) =>
    `Số hồ sơ ở cột ${header} phải là số nguyên từ 0 đến 1.000.000; ô ${cell} đang là ${value} (${at(sheet, cell)}), nên dòng hiện "${STATE_LABEL.dataError}" và không được tính. Hãy nhập lại số hồ sơ.`,
  tthcCountNotNumber: (sheet: string, cell: string, header: string, value: string) =>
    `"${value}" ở cột ${header} không phải là số hồ sơ (${at(sheet, cell)}), nên dòng hiện "${STATE_LABEL.dataError}" và không được tính. Hãy nhập số nguyên từ 0 đến 1.000.000, hoặc để trống nếu không có hồ sơ.`,
  tthcMonthInvalid: (sheet: string, cell: string, value: string, year: number) =>
    `${TTHC_HEADERS.month} "${value}" không hợp lệ (${at(sheet, cell)}): phải là số nguyên từ 1 đến 12 (tháng của năm ${year}). Dòng hiện "${STATE_LABEL.dataError}" và không được tính. Hãy nhập lại tháng.`,
  tthcMonthAsText: (sheet: string, cell: string, value: string, month: number) =>
    `${TTHC_HEADERS.month} "${value}" đang được lưu dạng chữ (${at(sheet, cell)}), nên công thức không đọc được và dòng không được tính. Hãy nhập lại số ${month}, hoặc bấm "Sửa tự động".`,
  tthcMonthMissing: (sheet: string, cell: string) =>
    `Dòng có số hồ sơ nhưng chưa ghi ${TTHC_HEADERS.month} (${at(sheet, cell)}), nên không được tính. Hãy nhập tháng (1–12).`,
  tthcFieldMissing: (sheet: string, cell: string) =>
    `Dòng có số hồ sơ nhưng chưa ghi ${TTHC_HEADERS.field} (${at(sheet, cell)}), nên không được tính. Hãy chọn lĩnh vực trong danh sách thả xuống.`,
  tthcFieldNotText: (sheet: string, cell: string, value: string) =>
    `${TTHC_HEADERS.field} "${value}" không phải là tên lĩnh vực (${at(sheet, cell)}), nên dòng không được tính. Hãy chọn lĩnh vực trong danh sách thả xuống.`,
  tthcUnknownField: (sheet: string, cell: string, value: string, lists: string) =>
    `Lĩnh vực "${value}" chưa có trong danh mục (${at(sheet, cell)}); số liệu vẫn được tính riêng dưới tên này. Nếu đúng, hãy thêm vào cột "Lĩnh vực" của trang "${lists}"; nếu sai, hãy chọn lại.`,
  tthcFieldSpelling: (
    sheet: string,
    cell: string,
    value: string,
    canonical: string,
    differences: string,
    looksAlike: boolean,
  ) =>
    `${looksAlike ? `Lĩnh vực ở ${at(sheet, cell)} trông như "${canonical}" của danh mục nhưng có ${differences}` : `Lĩnh vực "${value}" gõ khác với "${canonical}" trong danh mục (${differences}) (${at(sheet, cell)})`}, nên công thức của trang "${SHEET.summary}" tính vào dòng "Khác". Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
  tthcUnbalanced: (sheet: string, cell: string, received: number, handled: number) =>
    `Số hồ sơ không khớp (${at(sheet, cell)}): ${TTHC_HEADERS.received} là ${received} (kỳ trước chuyển qua + tiếp nhận trực tuyến + trực tiếp, bưu chính) nhưng số đã giải quyết và đang giải quyết cộng lại là ${handled}. Hãy kiểm tra lại các số của dòng này.`,
  tthcCarryOver: (
    sheet: string,
    cell: string,
    field: string,
    month: number,
    carried: number,
    pending: number,
  ) =>
    `${TTHC_HEADERS.carriedOver} của lĩnh vực "${field}" tháng ${month} là ${carried}, nhưng cuối tháng ${month - 1} còn ${pending} hồ sơ đang giải quyết (trong hạn + quá hạn) (${at(sheet, cell)}). Hãy kiểm tra lại số chuyển qua hoặc số đang giải quyết của tháng trước.`,
  tthcCarryMissing: (sheet: string, cell: string, field: string, month: number, pending: number) =>
    `Cuối tháng ${month} lĩnh vực "${field}" còn ${pending} hồ sơ đang giải quyết, nhưng tháng ${month + 1} đã có số liệu mà chưa có dòng của lĩnh vực này (${at(sheet, cell)}). Hãy thêm dòng tháng ${month + 1} cho lĩnh vực này (kỳ trước chuyển qua ${pending}).`,
  tthcCarryNotTyped: (
    sheet: string,
    cell: string,
    field: string,
    month: number,
    pending: number,
    row: number,
  ) =>
    `Cuối tháng ${month} lĩnh vực "${field}" còn ${pending} hồ sơ đang giải quyết, nhưng dòng ${row} (tháng ${month + 1} của lĩnh vực này) chưa nhập số liệu (${at(sheet, cell)}), trong khi tháng ${month + 1} đã có số liệu của lĩnh vực khác. Hãy nhập số liệu tháng ${month + 1} vào dòng ${row} (kỳ trước chuyển qua ${pending}).`,
  tthcDuplicateRow: (sheet: string, cell: string, month: number, field: string, first: number) =>
    `Tháng ${month}, lĩnh vực "${field}" đã có ở dòng ${first} (${at(sheet, cell)}): mỗi tháng, mỗi lĩnh vực chỉ một dòng. Số liệu của cả hai dòng đang được cộng dồn ở trang "${SHEET.summary}" và trong báo cáo; hãy gộp lại thành một dòng.`,
  tthcLateWithoutReason: (sheet: string, cell: string, month: number, field: string, late: number) =>
    `Tháng ${month}, lĩnh vực "${field}" có ${late} hồ sơ quá hạn nhưng chưa ghi ${TTHC_HEADERS.lateReason.toLowerCase()} (${at(sheet, cell)}). Báo cáo nêu nguyên nhân này ở phần tồn tại, hạn chế; hãy ghi ngắn gọn.`,
  tthcReviewWithoutFigures: (sheet: string, cell: string, month: number, tthcSheet: string) =>
    `Cuộc họp rà soát giải quyết TTHC tháng ${month} đã "${STATUS_LABEL.done}" nhưng trang "${tthcSheet}" chưa có số liệu hồ sơ của tháng ${month} (${at(sheet, cell)}). Hãy nhập số liệu tháng ${month} để cuộc họp có căn cứ và báo cáo đủ số liệu.`,
  tthcTotalFormulaErased: (sheet: string, cell: string) =>
    `Ô ${TTHC_HEADERS.received} đã bị xóa công thức và đang để trống (${at(sheet, cell)}), nên trang "${SHEET.summary}" không tính được dòng này. Hãy chép công thức từ dòng bên trên xuống.`,
  tthcTotalNotFormula: (sheet: string, cell: string) =>
    `Ô ${TTHC_HEADERS.received} không còn là công thức (${at(sheet, cell)}): ô hiện giá trị gõ tay, và trang "${SHEET.summary}" tính dòng này theo giá trị đó. Hãy chép công thức từ dòng bên trên xuống.`,
  tthcRateNotFormula: (sheet: string, cell: string) =>
    `Ô ${TTHC_HEADERS.rate} không còn là công thức (${at(sheet, cell)}), nên không tự cập nhật. Hãy chép công thức từ dòng bên trên xuống.`,
  settingsMissing: (sheet: string) => `Không tìm thấy trang "${sheet}"; đang dùng giá trị mặc định.`,
  settingInvalid: (sheet: string, cell: string, label: string, hint: string) =>
    `Giá trị "${label}" không hợp lệ (${at(sheet, cell)}). ${hint}. Đang dùng giá trị mặc định.`,
  settingBlank: (sheet: string, cell: string, label: string) =>
    `Chưa ghi "${label}" (${at(sheet, cell)}): báo cáo cần tên đơn vị, địa danh và họ tên người ký của xã. Hãy ghi vào ô này.`,
} as const;

/** Messages of the actions (init, check, report). */
export const ACTION = {
  sheetExistsUser: (sheet: string) =>
    `Đã có một trang tính tên "${sheet}" không do phần bổ trợ tạo ra. Để không làm mất dữ liệu, phần bổ trợ không ghi đè lên trang này. Hãy đổi tên hoặc xóa trang đó rồi thử lại.`,
  trackerExists: (sheet: string) =>
    `Bảng theo dõi đã có sẵn ở trang "${sheet}". Không khởi tạo lại để không làm mất dữ liệu đã nhập.`,
  sheetProtected: (sheet: string) =>
    `Trang "${sheet}" đang được khóa (bảo vệ trang tính). Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.`,
  payloadTooLarge: () =>
    'Dữ liệu quá lớn để ghi một lần. Hãy thử lại; nếu vẫn lỗi, hãy dùng Excel trên máy tính.',
  workbookFailed: () => 'Không ghi được vào sổ làm việc. Hãy lưu tệp, mở lại và thử lại.',
  initDone: (sheet: string, rows: number, year: number) =>
    `Đã tạo bảng theo dõi năm ${year} ở trang "${sheet}" với ${rows} nhiệm vụ, cùng các trang "${SHEET.results}", "${SHEET.tthc}", "${SHEET.lists}" và "${SHEET.settings}".`,
  /** After initDone when the user has not said whose the tracker is. */
  identityToFill: (missing: readonly { label: string; cell: string }[]) =>
    `Trước khi lập báo cáo, hãy ghi ở trang "${SHEET.settings}": ${missing
      .map((m) => `"${m.label}" (ô ${m.cell})`)
      .join(', ')}.`,
  tthcAdded: (sheet: string, year: number, listColumn: string | null) =>
    `Đã thêm trang "${sheet}" để nhập số hồ sơ thủ tục hành chính hằng tháng năm ${year} theo lĩnh vực; bảng theo dõi và các trang khác giữ nguyên.` +
    (listColumn ? ` Danh sách lĩnh vực được thêm vào cột ${listColumn} của trang "${SHEET.lists}".` : ''),
  checkClean: (sheet: string, rows: number) => `Đã kiểm tra ${rows} dòng ở trang "${sheet}": không có lỗi.`,
  checkCleanWithTthc: (sheet: string, rows: number, tthcRows: number) =>
    `Đã kiểm tra ${rows} dòng ở trang "${sheet}" và ${tthcRows} dòng có số liệu ở trang "${SHEET.tthc}": không có lỗi.`,
  checkFound: (errors: number, warnings: number) => `Tìm thấy ${errors} lỗi và ${warnings} cảnh báo.`,
  invalidYear: (year: string) => `Năm "${year}" không hợp lệ. Hãy nhập năm gồm 4 chữ số, từ 1990 đến 2100.`,
  fixed: (fixed: number, skipped: number, sheets: readonly string[] = [SHEET.tracker]) =>
    (fixed > 0
      ? `Đã sửa ${fixed} ô ở ${sheets.length > 1 ? 'các trang' : 'trang'} ${sheets.map((s) => `"${s}"`).join(', ')}.`
      : 'Không sửa ô nào.') +
    (skipped > 0
      ? ` ${skipped} ô không được sửa vì đã thay đổi sau lần kiểm tra; hãy bấm "Kiểm tra dữ liệu" lại.`
      : ''),
} as const;

/** Why the Office.js adapter refused a plan or Excel failed it (the messages of its WorkbookErrors). */
export const OFFICE_ERROR = {
  sheetNotFound: (sheet: string) =>
    `Không tìm thấy trang tính "${sheet}"; có thể trang vừa bị xóa hoặc đổi tên. Hãy thử lại.`,
  somethingNotFound: () =>
    'Excel không tìm thấy một trang tính hoặc vùng ô cần dùng; có thể vừa bị xóa hoặc đổi tên. Hãy thử lại.',
  sheetProtected: (sheet: string) => ACTION.sheetProtected(sheet),
  somethingProtected: () =>
    'Một trang tính hoặc cấu trúc sổ làm việc đang được khóa. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) rồi thử lại.',
  errorValueUnsupported: (sheet: string, cell: string, error: string) =>
    `Không ghi được giá trị lỗi ${error} vào ô ${cell} của trang "${sheet}"; không ô nào được ghi.`,
  cellEditMode: () =>
    'Excel đang ở chế độ sửa ô (một ô đang được nhập dở). Hãy bấm Enter hoặc Esc để kết thúc, rồi thực hiện lại.',
  inactiveWorkbook: () =>
    'Excel đang làm việc với một sổ làm việc khác. Hãy bấm vào cửa sổ của sổ làm việc này rồi thực hiện lại.',
  sheetListChanged: () =>
    'Danh sách trang tính thay đổi ngay lúc phần bổ trợ đang ghi (có trang vừa được thêm, xóa hoặc đổi tên). Hãy thực hiện lại.',
  tooLargeForWeb: () =>
    'Dữ liệu quá lớn để Excel trên web nhận trong một lần. Hãy mở sổ làm việc bằng Excel trên máy tính rồi thực hiện lại.',
  unknown: () => 'Excel chưa thực hiện được thao tác này. Hãy thử lại sau giây lát.',
} as const;

/** Messages of "Tổng hợp báo cáo". */
export const REPORT = {
  /** A report refused because Cài đặt does not say whose it is (src/app/compileReport.ts). */
  identityMissing: (missing: readonly { label: string; cell: string }[]) =>
    `Chưa lập báo cáo: trang "${SHEET.settings}" chưa ghi ${missing
      .map((m) => `"${m.label}" (ô ${m.cell})`)
      .join(', ')}. Hãy ghi tên đơn vị, địa danh và họ tên người ký của xã rồi lập lại báo cáo.`,
  written: (sheet: string, subject: string, errorRows: number) =>
    `Đã tổng hợp báo cáo ${subject} vào trang "${sheet}" và cập nhật trang "${SHEET.summary}".` +
    (errorRows > 0
      ? ` Lưu ý: ${errorRows} dòng của bảng theo dõi có lỗi dữ liệu (liệt kê cuối trang báo cáo, ngoài vùng in); hãy sửa rồi tổng hợp lại trước khi trình ký.`
      : ''),
  periodNotTrackerYear: (subject: string, year: number) =>
    `Không tổng hợp báo cáo ${subject}: bảng theo dõi là của năm ${year}. Hãy chọn một kỳ của năm ${year}, hoặc sửa "Năm theo dõi" ở trang "${SHEET.settings}".`,
  asOfBeforePeriod: (asOf: string, subject: string, from: string) =>
    `Ngày tính số liệu ${asOf} ở trước kỳ báo cáo ${subject} (bắt đầu ${from}). Hãy chọn ngày từ ${from} trở đi.`,
  summaryEdited: () =>
    `Trang "${SHEET.summary}" đã được sửa tay sau lần tổng hợp trước; để không mất phần đã sửa, phần bổ trợ không ghi đè. Hãy đổi tên trang đó (ví dụ "${SHEET.summary} (đã sửa)") rồi thử lại.`,
  summaryTaken: () =>
    `Đã có một trang tính tên "${SHEET.summary}" không do phần bổ trợ tạo ra; phần bổ trợ không ghi đè lên trang này. Hãy đổi tên trang đó rồi thử lại.`,
  noFreeName: (base: string, variants: number) =>
    `Các tên trang "${base}" … "${base} (${variants})" đều đã được dùng. Hãy xóa hoặc đổi tên bớt các trang báo cáo cũ rồi thử lại.`,
  trackerBroken: (first: string) => `Không đọc được bảng theo dõi: ${first}`,
  tthcDataErrors: (rows: number) =>
    `${rows} dòng của trang "${SHEET.tthc}" có lỗi dữ liệu nên chưa được tính vào số liệu hồ sơ thủ tục hành chính (liệt kê cuối trang báo cáo, ngoài vùng in); hãy sửa rồi tổng hợp lại.`,
  /**
   * A field left out of the report's TTHC figures, said once: the check's errors on its rows (each naming its
   * cell and what is in it), or, when no row is wrong by itself, the figures that do not add up.
   */
  tthcLeftOut: (field: string, where: string, problems: string[], received: number, handled: number) =>
    `Lĩnh vực ${field} chưa được tính vào số liệu hồ sơ thủ tục hành chính của báo cáo${where}: ${
      problems.length > 0
        ? problems.join(' ')
        : `qua các tháng của kỳ, số nhận giải quyết là ${countVi(received)} nhưng số đã giải quyết cộng số đang giải quyết là ${countVi(handled)}. Hãy kiểm tra số kỳ trước chuyển qua của từng tháng rồi tổng hợp lại.`
    }`,
  /** Where the left-out fields are listed: on the report sheet, below its print area. */
  tthcLeftOutWhere: ' (ghi cuối trang báo cáo, ngoài vùng in)',
} as const;

/** Messages of the task pane's settings form. */
export const SETTINGS_FORM = {
  missing: () => `Chưa có trang "${SHEET.settings}". Hãy bấm "Khởi tạo bảng theo dõi" trước.`,
  saved: () => `Đã lưu cài đặt vào trang "${SHEET.settings}".`,
  invalid: () => 'Có giá trị chưa hợp lệ; hãy sửa các ô được đánh dấu.',
  year: () => 'Năm phải là số từ 1990 đến 2100.',
  warningDays: () => 'Số ngày cảnh báo phải là số nguyên từ 0 đến 365.',
  planDate: () => 'Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 15/03/2023, hoặc để trống.',
  required: () => 'Không được để trống.',
  protected: () => `Trang "${SHEET.settings}" đang được khóa. Hãy bỏ bảo vệ trang rồi lưu lại.`,
} as const;

/** The words of the Tổng hợp sheet. */
export const SUMMARY_TEXT = {
  title: (year: number) => `TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`,
  intro: (writtenOn: string) =>
    `Số liệu tự cập nhật theo trang "${SHEET.tracker}" và ngày hôm nay (công thức). Trang được tạo ngày ${writtenOn}; đừng sửa trang này, hãy sửa trang "${SHEET.tracker}".`,
  bySection: '1. Theo mục của kế hoạch',
  byLead: '2. Theo cơ quan chủ trì',
  byQuarter: '3. Theo quý (theo hạn hoàn thành)',
  byPeriod:
    '4. Theo kỳ báo cáo (như báo cáo định kỳ tính, đến hôm nay; việc của năm trước tính từ kỳ đầu; không tính việc lập chính báo cáo đó)',
  periodLabel: (subject: string, from: string, to: string) => `Báo cáo ${subject} (${from} – ${to})`,
  total: 'Tổng cộng',
  tthcByMonth: (year: number) => `5. Hồ sơ thủ tục hành chính theo tháng năm ${year} (mọi lĩnh vực)`,
  tthcByField: (n: number, label: string) => `${n}. Hồ sơ thủ tục hành chính ${label}, theo lĩnh vực`,
  tthcQuarter: (roman: string, year: number) => `quý ${roman}/${year}`,
  tthcYear: (year: number) => `lũy kế năm ${year}`,
  tthcMonthsLabel: 'Tháng đầu và tháng cuối có số liệu',
  tthcMonth: (month: number) => `Tháng ${month}`,
  tthcDataErrors: `Số dòng "Lỗi dữ liệu" trên trang "${SHEET.tthc}" (không được tính):`,
  tthcMissing: `Chưa có trang "${SHEET.tthc}" hoặc trang chưa đọc được: chưa có số liệu hồ sơ thủ tục hành chính.`,
  // Hồ sơ TTHC's own column headers, but the total, which here counts what was received.
  tthcHeaders: {
    ...TTHC_HEADERS,
    received: 'Tổng số tiếp nhận',
    rows: 'Số dòng có số liệu',
  },
  tthcNote:
    'Hồ sơ thủ tục hành chính lấy từ trang "Hồ sơ TTHC": kỳ trước chuyển qua là của tháng đầu có số liệu, số tiếp nhận và đã giải quyết cộng các tháng, số đang giải quyết là của tháng cuối có số liệu; tỷ lệ đúng hạn = (trước hạn + đúng hạn) / số đã giải quyết. Dòng "Lỗi dữ liệu" không được tính. Báo cáo định kỳ và ngăn theo dõi dùng cùng một cách tính.',
  /** Column headers of the tables of Tổng hợp, beside the labels of STATE_LABEL and HEADERS. */
  tasksHeader: 'Tổng số',
  monthHeader: 'Tháng',
  sttHeader: 'STT',
  fieldHeader: 'Lĩnh vực',
  sectionHeader: 'Mục',
  contentHeader: 'Nội dung',
  leadHeader: 'Cơ quan chủ trì',
  periodHeader: 'Kỳ',
  dueHeader: 'Hạn hoàn thành',
  reportHeader: 'Báo cáo',
  rateOnTimeHeader: 'Hoàn thành đúng hạn (có hạn)',
  rateDueHeader: 'Đã đến hạn hoặc đã hoàn thành (có hạn)',
  rateHeader: 'Tỷ lệ hoàn thành',
  rateNote:
    'Tỷ lệ hoàn thành = số nhiệm vụ hoàn thành đúng hạn / số nhiệm vụ đã đến hạn (hạn đến hết hôm nay) hoặc đã hoàn thành; không tính nhiệm vụ thường xuyên (không có hạn) và dòng "Lỗi dữ liệu". Báo cáo định kỳ, ngăn theo dõi và trang này dùng cùng một cách tính.',
} as const;

/** The words of the periodic report (Nghị định 30/2020/NĐ-CP layout; src/domain/reportText.ts). */
export const REPORT_TEXT = {
  motto1: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto2: 'Độc lập - Tự do - Hạnh phúc',
  number: 'Số:         /BC-UBND',
  title: 'BÁO CÁO',
  addressee: (recipient: string) => `Kính gửi: ${recipient}.`,
  /**
   * The opening: the plan cited by number and date where Cài đặt gives them, and the period as it stands: from
   * its first day to the as-of day while it is open, to its last day once closed (then "tính đến ngày" the
   * as-of day, when later).
   */
  opening: (plan: string, unit: string, subject: string, from: string, to: string, asOf: string | null) =>
    `Thực hiện ${plan}, ${unit} báo cáo kết quả thực hiện ${subject} (số liệu từ ngày ${from} đến ngày ${to}${asOf ? `, tính đến ngày ${asOf}` : ''}) như sau:`,
  planCited: (number: string, date: string | null, unit: string, subject: string) =>
    `Kế hoạch số ${number}${date ? ` ${date}` : ''} của ${unit} về ${subject}`,
  /** The plan by its title, where the unit is named without its "Ủy ban nhân dân" (the place). */
  planByTitle: (subject: string, unit: string) =>
    `Kế hoạch ${subject} trên địa bàn ${unit.replace(/^Ủy ban nhân dân\s+/u, '')}`,
  planSubject: 'nâng cao chất lượng, hiệu quả công tác cải cách hành chính',
  results: 'I. KẾT QUẢ THỰC HIỆN',
  overall: '1. Kết quả chung',
  bySection: '2. Kết quả theo từng nội dung của kế hoạch',
  sectionHeading: (n: number, title: string, id: string) => `2.${n}. ${title}${id ? ` (mục ${id})` : ''}`,
  tableCaption: (asOf: string) => `Bảng tổng hợp kết quả theo mục của kế hoạch (tính đến ngày ${asOf}):`,
  tableHeader: {
    section: 'Mục',
    tasks: 'Số nhiệm vụ trong kỳ',
    doneOnTime: 'Hoàn thành đúng hạn',
    doneLate: 'Hoàn thành quá hạn',
    open: 'Chưa hoàn thành, trong hạn',
    overdue: 'Chưa hoàn thành, quá hạn',
    ongoing: 'Thường xuyên',
    rate: 'Tỷ lệ hoàn thành đúng hạn',
  },
  /** A rate cell when nothing has come due. */
  noRate: '–',
  tableOther: 'Khác',
  tableTotal: 'Cộng',
  /** What the officer wrote for a task in a quarter: "- Tiếp công dân (quý II): Tiếp 15 lượt …". */
  resultItem: (task: string, quarter: string | null, text: string) =>
    `- ${task}${quarter ? ` (quý ${quarter})` : ''}: ${endSentence(text)}`,
  /** A task with words for several quarters, named once: "- Tiếp công dân:", then its quarters under it. */
  resultTask: (task: string) => `- ${task}:`,
  resultQuarterItem: (quarters: string, text: string) => `+ Quý ${quarters}: ${endSentence(text)}`,
  resultsPlaceholder:
    '[Nhập kết quả thực hiện các nhiệm vụ thường xuyên của mục này trong kỳ tại đây trước khi trình ký.]',
  shortcomings: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
  shortcomingsList: '1. Tồn tại, hạn chế',
  causes: '2. Nguyên nhân',
  causesPlaceholder:
    '[Nhập nguyên nhân của các tồn tại, hạn chế nêu trên tại đây trước khi trình ký: nguyên nhân khách quan, nguyên nhân chủ quan.]',
  /** A reason typed in Ghi chú for a late or overdue task. */
  taskCause: (task: string, text: string) => `- ${task}: ${endSentence(text)}`,
  /** A reason typed for a TTHC field's month with late dossiers. */
  tthcCause: (field: string, month: number, text: string) =>
    `- Lĩnh vực ${field}, tháng ${month}: ${endSentence(text)}`,
  noOverdue: 'Không có nhiệm vụ quá hạn chưa hoàn thành.',
  /** An overdue task whose lead body cell is blank. */
  noLead: 'chưa xác định cơ quan chủ trì',
  overdueSummary: (n: number, leads: { lead: string; n: number }[], oldest: string, days: number) =>
    `Còn ${countVi(n)} nhiệm vụ quá hạn chưa hoàn thành (đã nêu tại mục I), thuộc trách nhiệm chủ trì của: ` +
    leads.map((l) => `${l.lead} (${countVi(l.n)} nhiệm vụ)`).join('; ') +
    `. Nhiệm vụ quá hạn lâu nhất: ${oldest} (quá hạn ${countVi(days)} ngày).`,
  doneLateIntro: (n: number) => `Có ${countVi(n)} nhiệm vụ hoàn thành nhưng quá hạn (đã nêu tại mục I).`,
  nextPeriod: (label: string) => `III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI (${label})`,
  nextIntro: 'Tập trung thực hiện các nhiệm vụ đến hạn từ nay đến hết kỳ tới:',
  plannedIntro: 'Các công việc dự kiến thực hiện trong kỳ tới:',
  plannedItem: (task: string, text: string) => `- ${task}: ${endSentence(text)}`,
  nextOngoing: 'Tiếp tục thực hiện các nhiệm vụ thường xuyên của kế hoạch.',
  nextOverdue: 'Khẩn trương hoàn thành các nhiệm vụ quá hạn nêu tại mục II.',
  proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  proposalsPlaceholder:
    '[Nhập đề xuất, kiến nghị với cơ quan cấp trên (nếu có) tại đây; nếu không có, ghi: Không có.]',
  closing: (subject: string, unit: string) =>
    `Trên đây là báo cáo kết quả thực hiện ${subject} của ${unit}./.`,
  recipientsHeading: 'Nơi nhận:',
  /** "UBND xã …" as the report's sentences name it: "Ủy ban nhân dân xã …". */
  peoplesCommitteeInText: 'Ủy ban nhân dân ',
  /** A field often late: "trong các tháng 3 và 5", "trong các tháng 2, 3 và 5". */
  tthcLateMonths: (months: readonly number[]) => `trong các tháng ${listVi(months)}`,
  more: (count: number, sheet: string) => `- … và ${countVi(count)} nhiệm vụ khác (xem trang "${sheet}").`,
  /** A task done: its evidence and day; `lateDays` > 0 when done after its deadline (II.1 refers to it). */
  doneItem: (task: string, evidence: string, date: string | null, lateDays = 0) =>
    `- ${task}${evidence ? `: ${evidence.replace(/[.;\s]+$/u, '')}` : ''}${
      date ? ` (hoàn thành ngày ${date}${lateDays > 0 ? `, quá hạn ${countVi(lateDays)} ngày` : ''})` : ''
    }.`,
  overdueItem: (task: string, lead: string, deadline: string, days: number) =>
    `- ${task} (${lead ? `chủ trì: ${lead}; ` : ''}hạn ${deadline}, quá hạn ${countVi(days)} ngày).`,
  /** A task due from the as-of day to the period's end, not done. */
  pendingItem: (task: string, lead: string, deadline: string, started: boolean) =>
    `- ${task} (${lead ? `chủ trì: ${lead}; ` : ''}hạn ${deadline}; ${started ? 'đang thực hiện' : 'chưa thực hiện'}).`,
  nextItem: (task: string, lead: string, deadline: string) =>
    `- ${task} (${lead ? `chủ trì: ${lead}; ` : ''}hạn ${deadline}).`,
  tthcHeading: '3. Kết quả giải quyết hồ sơ thủ tục hành chính',
  tthcNone: 'Trong kỳ chưa có số liệu giải quyết hồ sơ thủ tục hành chính để tổng hợp.',
  tthcTableCaption: (months: string) =>
    `Bảng 1. Số hồ sơ thủ tục hành chính nhận giải quyết theo lĩnh vực (${months}):`,
  tthcResolvedCaption: (months: string) =>
    `Bảng 2. Kết quả giải quyết hồ sơ thủ tục hành chính theo lĩnh vực (${months}):`,
  /** The national form's columns (số liệu giải quyết TTHC): groups over the sub-headings. */
  tthcTableHeader: {
    field: 'Lĩnh vực',
    receivedGroup: 'Số hồ sơ nhận giải quyết',
    received: 'Tổng số',
    carriedOver: 'Kỳ trước chuyển qua',
    online: 'Trực tuyến',
    offline: 'Trực tiếp, bưu chính',
    resolvedGroup: 'Đã giải quyết',
    resolved: 'Tổng số',
    early: 'Trước hạn',
    onTime: 'Đúng hạn',
    late: 'Quá hạn',
    pendingGroup: 'Đang giải quyết',
    pending: 'Tổng số',
    pendingOnTime: 'Trong hạn',
    pendingLate: 'Quá hạn',
    rate: 'Tỷ lệ đúng hạn',
  },
  tthcLate: (n: number, fields: { field: string; n: number }[]) =>
    `Trong kỳ có ${countVi(n)} hồ sơ thủ tục hành chính giải quyết quá hạn` +
    (fields.length > 0
      ? ` (${fields.map((f) => `lĩnh vực ${f.field}: ${countVi(f.n)} hồ sơ`).join('; ')})`
      : '') +
    '.',
  tthcFrequentLate: (field: string, n: number, months: string) =>
    `Lĩnh vực ${field} thường xuyên có hồ sơ giải quyết quá hạn (${countVi(n)} hồ sơ, ${months}).`,
  tthcPendingLate: (n: number, fields: { field: string; n: number }[]) =>
    `Đến cuối kỳ còn ${countVi(n)} hồ sơ thủ tục hành chính đang giải quyết quá hạn` +
    (fields.length > 0
      ? ` (${fields.map((f) => `lĩnh vực ${f.field}: ${countVi(f.n)} hồ sơ`).join('; ')})`
      : '') +
    '.',
  tthcNoLate: 'Không có hồ sơ thủ tục hành chính giải quyết quá hạn.',
  tthcNextLate: (fields: string[]) =>
    `Tập trung khắc phục tình trạng giải quyết hồ sơ thủ tục hành chính quá hạn ở lĩnh vực: ${fields.join(', ')}.`,
  /** The notes for the officer below the print area (never printed, never in the Word document). */
  tthcFixHeading: (n: number) =>
    `DÀNH CHO NGƯỜI LẬP BÁO CÁO (KHÔNG IN): ${n} dòng của trang "${SHEET.tthc}" có lỗi dữ liệu. Các dòng này không được tính vào số liệu hồ sơ thủ tục hành chính của báo cáo. Hãy sửa rồi tổng hợp lại trước khi trình ký.`,
  tthcUnbalancedHeading: (n: number) =>
    `DÀNH CHO NGƯỜI LẬP BÁO CÁO (KHÔNG IN): ${n} lĩnh vực chưa được đưa vào số liệu hồ sơ thủ tục hành chính của báo cáo. Hãy sửa trang "${SHEET.tthc}" như dưới đây (lệnh Kiểm tra dữ liệu chỉ ra từng ô) rồi tổng hợp lại.`,
  tthcUnbalancedLine: (field: string, received: number, resolved: number, pending: number) =>
    `- Lĩnh vực ${field}: nhận giải quyết ${countVi(received)}, đã giải quyết ${countVi(resolved)}, đang giải quyết ${countVi(pending)}.`,
  /** A field left out because of rows showing "Lỗi dữ liệu" (listed above, with their cells). */
  tthcLeftOutByRows: (field: string, rows: number[]) =>
    `- Lĩnh vực ${field}: không tính vì dòng ${rows.join(', ')} có lỗi dữ liệu (nêu ở trên).`,
  /** The block below the printed report listing rows to fix. */
  fixHeading: (n: number) =>
    `DÀNH CHO NGƯỜI LẬP BÁO CÁO (KHÔNG IN): ${n} dòng của trang "${SHEET.tracker}" có lỗi dữ liệu. Dòng hiện "${STATE_LABEL.dataError}" không được tính vào số liệu nào của báo cáo; các dòng khác được tính như bảng theo dõi đang hiển thị. Hãy sửa rồi tổng hợp lại trước khi trình ký.`,
  fixRow: (row: number, task: string) => `Dòng ${row}${task ? `: ${task}` : ''}`,
  fixProblem: (cell: string, message: string) => `- ${cell}: ${message}`,
  fixMore: (n: number) =>
    `… và ${n} dòng khác có lỗi dữ liệu. Danh sách đầy đủ: Kiểm tra dữ liệu (hoặc lệnh cchc check).`,
} as const;

/** A sentence as typed, ended once: "Chờ kinh phí" → "Chờ kinh phí.", "Xong;" → "Xong.". */
function endSentence(text: string): string {
  const t = text
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.;,:\s]+$/u, '');
  return /[!?…]$/u.test(t) ? t : `${t}.`;
}

/**
 * The figure columns of Hồ sơ TTHC: its headers but the month, the field, the rate and the reason. Declared here,
 * where the headers are, so the figures (src/domain/tthc.ts's TthcFigures) and the report's words about them
 * (TthcWords) have one list of keys; this module imports nothing, so it cannot take them from the domain.
 */
export type TthcFigureKey = Exclude<keyof typeof TTHC_HEADERS, 'month' | 'field' | 'rate' | 'lateReason'>;

/** A period's TTHC figures in a report sentence (see tthcSentences): one number per figure column. */
export type TthcWords = Record<TthcFigureKey, number>;

/**
 * "từ tháng 1 đến tháng 5 năm 2026", "các tháng 1, 2, 4 năm 2026 (tháng 3 chưa có số liệu)", "tháng 3 năm 2026":
 * the months that have figures, and those of the run between them that have none.
 */
export function tthcMonthsText(months: readonly number[], year: number): string {
  if (months.length === 1) return `tháng ${months[0]} năm ${year}`;
  const first = months[0];
  const last = months[months.length - 1];
  const gaps: number[] = [];
  for (let m = first; m <= last; m++) if (!months.includes(m)) gaps.push(m);
  if (gaps.length === 0) return `từ tháng ${first} đến tháng ${last} năm ${year}`;
  return `các tháng ${months.join(', ')} năm ${year} (tháng ${gaps.join(', ')} chưa có số liệu)`;
}

/**
 * The sentences that state a period's dossier figures as an officer writes them, with the national form's words:
 * what was taken up for resolution (nhận giải quyết: carried over, online, in person or by post), what was
 * resolved and how, what is pending, and the on-time rate with its numbers. Parts that would say 0 are left out.
 */
export function tthcSentences(f: TthcWords, months: string): string[] {
  const out: string[] = [];
  const fresh = f.online + f.offline;
  const receivedParts: string[] = [];
  if (f.carriedOver > 0) receivedParts.push(`kỳ trước chuyển qua ${countVi(f.carriedOver)}`);
  if (fresh > 0) {
    const how: string[] = [];
    if (f.online > 0) how.push(`trực tuyến ${countVi(f.online)}`);
    if (f.offline > 0) how.push(`trực tiếp và qua dịch vụ bưu chính ${countVi(f.offline)}`);
    receivedParts.push(`tiếp nhận mới ${countVi(fresh)}, trong đó ${how.join(', ')}`);
  }
  const sentence = `${months.charAt(0).toLocaleUpperCase('vi')}${months.slice(1)}`;
  out.push(
    f.received === 0
      ? `${sentence}, không có hồ sơ thủ tục hành chính nào nhận giải quyết.`
      : `${sentence}, số hồ sơ thủ tục hành chính nhận giải quyết là ${countVi(f.received)} hồ sơ (${receivedParts.join('; ')}).`,
  );
  if (f.received > 0) {
    const resolved = f.early + f.onTime + f.late;
    const pending = f.pendingOnTime + f.pendingLate;
    const parts: string[] = [];
    if (resolved === 0) parts.push('Chưa giải quyết xong hồ sơ nào');
    else {
      const how: string[] = [];
      if (f.early > 0) how.push(`trước hạn ${countVi(f.early)}`);
      if (f.onTime > 0) how.push(`đúng hạn ${countVi(f.onTime)}`);
      if (f.late > 0) how.push(`quá hạn ${countVi(f.late)}`);
      parts.push(`Đã giải quyết ${countVi(resolved)} hồ sơ (${how.join(', ')})`);
    }
    if (pending === 0) parts.push('không còn hồ sơ đang giải quyết');
    else {
      const how: string[] = [];
      if (f.pendingOnTime > 0) how.push(`trong hạn ${countVi(f.pendingOnTime)}`);
      if (f.pendingLate > 0) how.push(`quá hạn ${countVi(f.pendingLate)}`);
      parts.push(`đang giải quyết ${countVi(pending)} hồ sơ (${how.join(', ')})`);
    }
    out.push(`${parts.join('; ')}.`);
    if (resolved > 0)
      out.push(
        `Tỷ lệ giải quyết hồ sơ đúng hạn đạt ${percentVi((f.early + f.onTime) / resolved)} (${countVi(f.early + f.onTime)}/${countVi(resolved)} hồ sơ đã giải quyết là trước hạn hoặc đúng hạn).`,
      );
  }
  return out;
}

/** Figures of a group of tasks in a report sentence (see reportFigures; src/domain/report.ts TaskFigures). */
export interface FigureWords {
  /** Tasks with a deadline in the period (done, due or not yet due). */
  dated: number;
  /** Continuous tasks (no deadline). */
  continuous: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  /** Due on the as-of day and not done. */
  dueToday: number;
  /** Not done and not yet due, by status: not started, in progress. */
  notYetDueNotStarted: number;
  notYetDueInProgress: number;
  /** The completion rate's denominator (rollup.StateCounts.rateDue). */
  due: number;
}

/** "1.049": a count as Vietnamese writes it (a dot between thousands). */
/** Items in words: "I", "I và II", "I, II và III" (quarters, months). */
export function listVi(items: readonly (string | number)[]): string {
  return items.length <= 1
    ? String(items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

export function countVi(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "66,7%": a share as Vietnamese writes it (99,96% is 99,9%, never 100%), one decimal where it is not whole. */
export function percentVi(share: number): string {
  // Rounded to one decimal, but never to 100% when something is missing, nor to 0% when something is there.
  const p = Math.min(
    share < 1 ? 99.9 : Infinity,
    Math.max(share > 0 ? 0.1 : 0, Math.round(share * 1000) / 10),
  );
  return `${String(p).replace('.', ',')}%`;
}

/**
 * The sentences that state a group's figures the way an officer writes them: "x/y nhiệm vụ", no strings of
 * zeros (a part that would say 0 is left out), not-started work apart from work in progress, and the on-time
 * completion rate with its denominator (none when nothing has come due).
 */
export function reportFigures(f: FigureWords, asOf: string | null): string[] {
  const out: string[] = [];
  const n = countVi;
  if (f.dated === 0 && f.continuous === 0) out.push('Trong kỳ không có nhiệm vụ nào.');
  else if (f.dated === 0) out.push(`Trong kỳ có ${n(f.continuous)} nhiệm vụ thực hiện thường xuyên.`);
  else
    out.push(
      `Trong kỳ có ${n(f.dated)} nhiệm vụ có thời hạn` +
        (f.continuous > 0 ? ` và ${n(f.continuous)} nhiệm vụ thực hiện thường xuyên.` : '.'),
    );
  if (f.dated > 0) {
    const when = asOf ? `Đến ngày ${asOf}, ` : '';
    const done = f.doneOnTime + f.doneLate;
    const parts: string[] = [];
    if (f.due === 0) parts.push(`${when}chưa có nhiệm vụ nào đến hạn`);
    else if (done === 0) parts.push(`${when}chưa hoàn thành nhiệm vụ nào trong ${n(f.due)} nhiệm vụ đến hạn`);
    else
      parts.push(
        `${when}đã hoàn thành ${n(done)}/${n(f.due)} nhiệm vụ đến hạn` +
          (f.doneLate === 0 ? ' (đều đúng hạn)' : ` (đúng hạn ${n(f.doneOnTime)}, quá hạn ${n(f.doneLate)})`),
      );
    const open = f.overdue + f.dueToday;
    if (open > 0 && f.dueToday === 0) parts.push(`còn ${n(open)} nhiệm vụ quá hạn chưa hoàn thành`);
    else if (open > 0 && f.overdue === 0)
      parts.push(`còn ${n(open)} nhiệm vụ đến hạn hôm nay chưa hoàn thành`);
    else if (open > 0)
      parts.push(
        `còn ${n(open)} nhiệm vụ đến hạn chưa hoàn thành, trong đó ${n(f.overdue)} nhiệm vụ đã quá hạn`,
      );
    const started = f.notYetDueInProgress;
    const notStarted = f.notYetDueNotStarted;
    if (started > 0 && notStarted > 0)
      parts.push(
        `${n(started + notStarted)} nhiệm vụ chưa đến hạn, trong đó ${n(started)} nhiệm vụ đang thực hiện, ${n(notStarted)} nhiệm vụ chưa thực hiện`,
      );
    else if (started > 0) parts.push(`${n(started)} nhiệm vụ đang thực hiện, chưa đến hạn`);
    else if (notStarted > 0) parts.push(`${n(notStarted)} nhiệm vụ chưa thực hiện, chưa đến hạn`);
    const sentence = parts.join('; ');
    out.push(`${sentence.charAt(0).toLocaleUpperCase('vi')}${sentence.slice(1)}.`);
    if (f.due > 0)
      out.push(
        `Tỷ lệ hoàn thành đúng hạn đạt ${percentVi(f.doneOnTime / f.due)} (${n(f.doneOnTime)}/${n(f.due)} nhiệm vụ đến hạn được hoàn thành đúng hạn, kể cả nhiệm vụ hoàn thành trước hạn; không tính nhiệm vụ thường xuyên).`,
      );
  }
  return out;
}

/** The plan's own values for Cài đặt (src/domain/settings.ts defaultSettings). */
export const DEFAULT_SETTING_TEXT = {
  unitName: 'UBND xã Long Điền A',
  /** Kính gửi from PROVINCE_RECIPIENT_FROM_YEAR on, and before it (districts ended 01/07/2025). */
  provinceRecipient: 'Sở Nội vụ tỉnh An Giang',
  districtRecipient: 'Phòng Nội vụ',
  place: 'Long Điền A',
  signerName: 'Trương Minh Sơn',
  otherRecipients: ['BĐH, TGV BĐH CCHC xã'],
} as const;

/** The signature block's titles (src/domain/settings.ts signatureLines), and how a vice-chairman's title starts. */
export const SIGNER_TITLE = {
  chairman: 'CHỦ TỊCH',
  onBehalf: 'KT. CHỦ TỊCH',
  viceChairman: 'PHÓ CHỦ TỊCH',
  /** A Người ký cell starting so (after normalizeKey) means the vice-chairman. */
  viceChairmanKey: 'phó chủ tịch',
} as const;

/** The words of the report periods and the plan's schedule (src/domain/periods.ts, schedule.ts, rollup.ts). */
export const PERIOD_TEXT = {
  /** The report's subject, by the quarter it ends: "Kết quả … 6 tháng đầu năm 2026". */
  subject: ['quý I năm', '6 tháng đầu năm', '9 tháng năm', 'năm'],
  /** In the report sheet's name: "Báo cáo 6 tháng 2026". */
  sheetLabel: ['quý I', '6 tháng', '9 tháng', 'năm'],
  sheetName: (label: string, year: number) => `Báo cáo ${label} ${year}`,
  /** "Quý II/2026". */
  quarter: (roman: string, year: number) => `Quý ${roman}/${year}`,
  /** A monthly task of the plan: "… (tháng 03/2026)"; src/domain/tthc.ts reads the month back. */
  monthlyTask: (task: string, month: string, year: number) => `${task} (tháng ${month}/${year})`,
  /** monthlyTask's suffix at the end of a task's text as normalizeKey leaves it (1: the month, 2: the year). */
  monthlyTaskSuffix: /\(tháng (\d{1,2})\/(\d{4})\)\s*$/,
  yearlyTask: (task: string, year: number) => `${task} (năm ${year})`,
  beforeYear: (year: number) => `Trước năm ${year}`,
  fromYear: (year: number) => `Từ năm ${year}`,
  noDeadline: 'Không có hạn (thường xuyên)',
} as const;

/** The words of the report the domain composes (src/domain/report.ts). */
export const REPORT_WORDS = {
  /** The issuer's first line for a unit named "UBND …" or "Ủy ban nhân dân …". */
  peoplesCommittee: 'ỦY BAN NHÂN DÂN',
  /** How a unit name abbreviates its people's committee: "UBND xã Long Điền A". */
  peoplesCommitteeShort: 'UBND',
  /** The kinds of unit a people's committee governs, as a unit name spells them after "UBND" (1: the kind). */
  unitKind: /^(xã|phường|thị trấn|đặc khu)\s+(.+)$/iu,
  communeKind: 'xã',
  wardKind: 'phường',
  /** A unit named by its people's committee, in NFC, in any case: "UBND …", "Ủy ban nhân dân …" (1: the rest). */
  peoplesCommitteeUnit: /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu,
  /** Nghị định 30's date in words: "ngày 05 tháng 6 năm 2026". */
  dateInWords: (day: string, month: string, year: number) => `ngày ${day} tháng ${month} năm ${year}`,
  /** Nơi nhận's first and last lines. */
  recipientsFirst: '- Như trên;',
  recipientsLast: '- Lưu: VT, TH.',
  /** A Hồ sơ TTHC row with a data error, in the report's list: "Tháng 3 – Đất đai". */
  tthcRowMonth: (month: number) => `Tháng ${month}`,
  subject: (planSubject: string, periodSubject: string) =>
    `Kết quả thực hiện ${planSubject} ${periodSubject}`,
} as const;

/** The fields a commune's one-stop shop typically handles: the Danh mục list's defaults (offices edit it). */
export const DEFAULT_TTHC_FIELDS: readonly string[] = [
  'Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Bảo trợ xã hội',
  'Người có công',
  'Lao động – việc làm',
  'Văn hóa – thể thao',
  'Thi đua – khen thưởng',
  'Tôn giáo',
  'Nông nghiệp',
  'Hòa giải ở cơ sở',
  'Giải quyết khiếu nại – tố cáo',
];

/** The data validations' prompts and errors on the sheets the add-in writes (src/sheets). */
export const VALIDATION_TEXT = {
  settings: {
    yearTitle: 'Năm không hợp lệ',
    yearMessage: 'Hãy nhập năm gồm 4 chữ số, từ 1990 đến 2100.',
    warningDaysTitle: 'Số ngày không hợp lệ',
    warningDaysMessage: 'Hãy nhập số ngày từ 0 đến 365.',
    signerTitle: 'Người ký không hợp lệ',
    signerMessage: (chairman: string, viceChairman: string) =>
      `Hãy chọn "${chairman}" hoặc "${viceChairman}".`,
    planDateTitle: 'Ngày không hợp lệ',
    planDateMessage: 'Hãy nhập ngày ban hành kế hoạch dạng dd/mm/yyyy, hoặc để trống.',
  },
  tracker: {
    sectionPrompt: 'Chọn mục của kế hoạch (II.1 … V).',
    sectionTitle: 'Mục không có trong kế hoạch',
    sectionMessage: 'Hãy chọn một mục của kế hoạch; mục khác được tính vào dòng "Khác" của trang Tổng hợp.',
    leadPrompt: 'Chọn cơ quan trong danh sách (sửa danh sách ở trang "Danh mục").',
    leadTitle: 'Cơ quan chưa có trong danh mục',
    leadMessage: 'Hãy chọn cơ quan trong danh sách, hoặc thêm cơ quan mới vào trang "Danh mục".',
    statusTitle: 'Trạng thái không hợp lệ',
    statusMessage: (a: string, b: string, c: string) => `Hãy chọn: ${a}, ${b} hoặc ${c}.`,
    datePrompt: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 05/06/2026.',
    dateTitle: 'Ngày không hợp lệ',
    dateMessage: (from: number, to: number) =>
      `Hãy nhập một ngày thật, dạng dd/mm/yyyy, trong khoảng ${from}–${to}.`,
    amountTitle: 'Số tiền không hợp lệ',
    amountMessage: 'Hãy nhập một số không âm (ví dụ 12,5), hoặc để trống.',
  },
  tthc: {
    monthPrompt: (year: number) => `Tháng của năm ${year}: số từ 1 đến 12.`,
    monthTitle: 'Tháng không hợp lệ',
    monthMessage: 'Hãy nhập số nguyên từ 1 đến 12.',
    fieldPrompt: (lists: string) => `Chọn lĩnh vực trong danh sách (sửa danh sách ở trang "${lists}").`,
    fieldTitle: 'Lĩnh vực chưa có trong danh mục',
    fieldMessage: (lists: string) =>
      `Hãy chọn lĩnh vực trong danh sách, hoặc thêm lĩnh vực mới vào trang "${lists}".`,
    countTitle: 'Số hồ sơ không hợp lệ',
    countMessage: 'Số hồ sơ là số nguyên từ 0 đến 1.000.000; để trống nếu không có hồ sơ.',
  },
} as const;

/**
 * How a check message sends the user to the pane's "Sửa tự động" button, word for word as the messages above
 * say it; the CLI shows its own command in its place (src/cli/main.ts).
 */
export const PANE_FIX_HINT = 'bấm "Sửa tự động"';

/** How messages send the user to the pane's "Khởi tạo bảng theo dõi" and "Kiểm tra dữ liệu" (the CLI says its command). */
export const PANE_INIT_HINT = 'bấm "Khởi tạo bảng theo dõi"';
export const PANE_CHECK_HINT = 'bấm "Kiểm tra dữ liệu"';

/** A carried row's Ghi chú line (src/app/rollover.ts noteWithCarry) and the pattern reading it back (1: year). */
export const CARRIED_NOTE = {
  text: (from: number, row: number) => `Chuyển từ năm ${from} (dòng ${row})`,
  mark: /Chuyển từ năm (\d{4}) \(dòng \d+\)/gu,
} as const;
