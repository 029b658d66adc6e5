/**
 * Every Vietnamese string the workbook, the CLI and the ribbon command show. (The task pane's own labels are
 * in ui.ts.) This module imports nothing, so every layer, the domain included, may use it.
 */

export const SHEET = {
  tracker: 'Nhiệm vụ',
  lists: 'Danh mục',
  settings: 'Cài đặt',
  summary: 'Tổng hợp',
  /** Very hidden sheet listing the sheets the add-in owns. */
  register: 'CCHC_SoDangKy',
} as const;

export const TABLE_NAME = 'NhiemVu';

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

/** Rows of the roll-ups for tasks whose Mục or lead matches no listed one (blank, misspelt, too long). */
export const OTHER_GROUP = {
  section: 'Khác (chưa ghi mục, hoặc mục không có trong kế hoạch)',
  lead: 'Khác (chưa ghi, hoặc không có trong danh mục)',
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
    `Trạng thái "${value}" không hợp lệ (${at(sheet, cell)}). Hãy chọn trong danh sách: ${STATUS_LABEL.notStarted}, ${STATUS_LABEL.inProgress}, ${STATUS_LABEL.done}.`,
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
  sectionSpelling: (sheet: string, cell: string, value: string, canonical: string) =>
    `Mục "${value}" gõ khác với "${canonical}" (khoảng trắng hoặc bảng mã dấu) (${at(sheet, cell)}), nên công thức của trang "${SHEET.summary}" không nhận ra. Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
  leadSpelling: (sheet: string, cell: string, value: string, canonical: string) =>
    `Cơ quan chủ trì "${value}" gõ khác với "${canonical}" trong danh mục (khoảng trắng hoặc bảng mã dấu) (${at(sheet, cell)}), nên công thức của trang "${SHEET.summary}" tính vào dòng "Khác". Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
  statusSpelling: (sheet: string, cell: string, value: string, canonical: string) =>
    `Trạng thái "${value}" gõ khác với "${canonical}" trong danh sách (${at(sheet, cell)}). Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách thả xuống.`,
  doneLookalike: (sheet: string, cell: string, value: string) =>
    `Trạng thái "${value}" trông giống "${STATUS_LABEL.done}" nhưng có ký tự lạ (khoảng trắng không ngắt, dấu tab…) (${at(sheet, cell)}), nên công thức không tính là đã hoàn thành. Hãy bấm "Sửa tự động" hoặc chọn lại trong danh sách.`,
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
  stateNotFormula: (sheet: string, cell: string) =>
    `Ô ${HEADERS.deadlineState} không còn là công thức (${at(sheet, cell)}): ô hiện giá trị gõ tay, không tự cập nhật, và trang "${SHEET.summary}" đếm theo giá trị đó. Hãy chép công thức từ dòng bên trên xuống.`,
  settingsMissing: (sheet: string) => `Không tìm thấy trang "${sheet}"; đang dùng giá trị mặc định.`,
  settingInvalid: (sheet: string, cell: string, label: string, hint: string) =>
    `Giá trị "${label}" không hợp lệ (${at(sheet, cell)}). ${hint}. Đang dùng giá trị mặc định.`,
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
    `Đã tạo bảng theo dõi năm ${year} ở trang "${sheet}" với ${rows} nhiệm vụ, cùng các trang "${SHEET.lists}" và "${SHEET.settings}".`,
  checkClean: (sheet: string, rows: number) => `Đã kiểm tra ${rows} dòng ở trang "${sheet}": không có lỗi.`,
  checkFound: (errors: number, warnings: number) => `Tìm thấy ${errors} lỗi và ${warnings} cảnh báo.`,
  invalidYear: (year: string) => `Năm "${year}" không hợp lệ. Hãy nhập năm gồm 4 chữ số, từ 1990 đến 2100.`,
  fixed: (fixed: number, skipped: number) =>
    (fixed > 0 ? `Đã sửa ${fixed} ô ở trang "${SHEET.tracker}".` : 'Không sửa ô nào.') +
    (skipped > 0
      ? ` ${skipped} ô không được sửa vì đã thay đổi sau lần kiểm tra; hãy bấm "Kiểm tra dữ liệu" lại.`
      : ''),
} as const;

/**
 * Notes of the Office.js adapter when this Excel cannot honour part of a sheet: an older requirement set
 * (`version` is the ExcelApi version needed, e.g. "1.9") or an Excel limit. The rest is still written.
 */
export const DEGRADED = {
  conditionalFormats: (sheet: string, version: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ định dạng có điều kiện (cần ExcelApi ${version}), nên các ô không được tô màu theo tình trạng.`,
  freezePanes: (sheet: string, version: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ cố định dòng tiêu đề (cần ExcelApi ${version}). Hãy dùng Xem › Cố định Ngăn.`,
  tabColor: (sheet: string, version: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ tô màu thẻ trang tính (cần ExcelApi ${version}).`,
  dataValidation: (sheet: string, version: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ danh sách chọn và kiểm tra dữ liệu nhập (cần ExcelApi ${version}); các ô vẫn được ghi nhưng không có ràng buộc nhập liệu.`,
  pageLayout: (sheet: string, version: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ thiết lập trang in (cần ExcelApi ${version}). Hãy tự đặt khổ A4, hướng giấy, lề và tiêu đề in trong Bố trí Trang.`,
  indent: (sheet: string, version: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ thụt lề trong ô (cần ExcelApi ${version}); nội dung vẫn đầy đủ.`,
  fillDown: (sheet: string, column: string, version: string) =>
    `Trang "${sheet}": công thức cột "${column}" chỉ có ở các dòng hiện có (cần ExcelApi ${version} để Excel tự điền cho dòng mới). Khi thêm dòng, hãy chép công thức từ dòng trên xuống.`,
  validationTextCut: (sheet: string, range: string) =>
    `Trang "${sheet}": tiêu đề hoặc nội dung thông báo kiểm tra dữ liệu ở ${range} dài hơn giới hạn của Excel nên đã được cắt bớt.`,
} as const;

/** Why the Office.js adapter refused a plan or Excel failed it (the messages of its WorkbookErrors). */
export const OFFICE_ERROR = {
  badSheetName: (sheet: string) =>
    `Tên trang tính "${sheet}" không hợp lệ: tối đa 31 ký tự, không chứa : \\ / ? * [ ], không bắt đầu hay kết thúc bằng dấu nháy đơn.`,
  sheetWrittenTwice: (sheet: string) => `Trang tính "${sheet}" được ghi hai lần trong cùng một lần cập nhật.`,
  sheetNotFound: (sheet: string) =>
    `Không tìm thấy trang tính "${sheet}"; có thể trang vừa bị xóa hoặc đổi tên. Hãy thử lại.`,
  somethingNotFound: () =>
    'Excel không tìm thấy một trang tính hoặc vùng ô cần dùng; có thể vừa bị xóa hoặc đổi tên. Hãy thử lại.',
  sheetProtected: (sheet: string) => ACTION.sheetProtected(sheet),
  somethingProtected: () =>
    'Một trang tính hoặc cấu trúc sổ làm việc đang được khóa. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) rồi thử lại.',
  payloadTooLarge: () => ACTION.payloadTooLarge(),
  failed: () => ACTION.workbookFailed(),
  cellTooLong: (sheet: string, cell: string, length: number, max: number) =>
    `Ô ${cell} của trang "${sheet}" có ${length} ký tự; Excel chỉ cho phép tối đa ${max} ký tự trong một ô.`,
  formulaTooLong: (sheet: string, cell: string, length: number, max: number) =>
    `Công thức ở ô ${cell} của trang "${sheet}" dài ${length} ký tự; Excel chỉ cho phép tối đa ${max} ký tự.`,
  columnFormulaTooLong: (sheet: string, column: string, length: number, max: number) =>
    `Công thức của cột "${column}" (trang "${sheet}") dài ${length} ký tự; Excel chỉ cho phép tối đa ${max} ký tự.`,
  /** Appended to a message so support can tell which Excel error it was. */
  errorValueUnsupported: (sheet: string, cell: string, error: string) =>
    `Không ghi được giá trị lỗi ${error} vào ô ${cell} của trang "${sheet}"; không ô nào được ghi.`,
  excelCode: (code: string) => `Mã lỗi Excel: ${code}.`,
  cellEditMode: () =>
    'Excel đang ở chế độ sửa ô (một ô đang được nhập dở). Hãy bấm Enter hoặc Esc để kết thúc, rồi thực hiện lại.',
  inactiveWorkbook: () =>
    'Excel đang làm việc với một sổ làm việc khác. Hãy bấm vào cửa sổ của sổ làm việc này rồi thực hiện lại.',
  structureProtected: () =>
    'Cấu trúc sổ làm việc đang được bảo vệ nên không thể thêm, đổi tên hay ẩn trang tính. Hãy bỏ bảo vệ (Xem lại › Bảo vệ Sổ làm việc) rồi thực hiện lại.',
  sheetListChanged: () =>
    'Danh sách trang tính thay đổi ngay lúc phần bổ trợ đang ghi (có trang vừa được thêm, xóa hoặc đổi tên). Hãy thực hiện lại.',
  tableNameTaken: (table: string, sheet: string) =>
    `Trang "${sheet}" đã có một bảng tên "${table}", trùng tên bảng phần bổ trợ cần tạo. Hãy đổi tên bảng đó (Thiết kế Bảng › Tên Bảng) rồi thực hiện lại.`,
  tooLargeForWeb: () =>
    'Dữ liệu quá lớn để Excel trên web nhận trong một lần. Hãy mở sổ làm việc bằng Excel trên máy tính rồi thực hiện lại.',
  unknown: () => 'Excel chưa thực hiện được thao tác này. Hãy thử lại sau giây lát.',
} as const;

/** Messages of "Tổng hợp báo cáo". */
export const REPORT = {
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
} as const;

/** Messages of the task pane's settings form. */
export const SETTINGS_FORM = {
  missing: () => `Chưa có trang "${SHEET.settings}". Hãy bấm "Khởi tạo bảng theo dõi" trước.`,
  missingRow: (label: string) =>
    `Trang "${SHEET.settings}" không có dòng "${label}". Hãy thêm dòng này ở cột A.`,
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
  byPeriod: '4. Theo kỳ báo cáo (như báo cáo định kỳ tính, đến hôm nay; việc của năm trước tính từ kỳ đầu)',
  periodLabel: (subject: string, from: string, to: string) => `Báo cáo ${subject} (${from} – ${to})`,
  total: 'Tổng cộng',
  rateOnTimeHeader: 'Hoàn thành đúng hạn (có hạn)',
  rateDueHeader: 'Đã đến hạn hoặc đã hoàn thành (có hạn)',
  rateHeader: 'Tỷ lệ hoàn thành',
  rateNote:
    'Tỷ lệ hoàn thành = số nhiệm vụ hoàn thành đúng hạn / số nhiệm vụ đã đến hạn (hạn đến hết hôm nay) hoặc đã hoàn thành; không tính nhiệm vụ thường xuyên (không có hạn) và dòng "Lỗi dữ liệu". Báo cáo định kỳ, ngăn theo dõi và trang này dùng cùng một cách tính.',
} as const;

/** The words of the periodic report (Nghị định 30/2020/NĐ-CP layout; src/sheets/reportSheet.ts). */
export const REPORT_TEXT = {
  motto1: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto2: 'Độc lập - Tự do - Hạnh phúc',
  number: 'Số:         /BC-UBND',
  title: 'BÁO CÁO',
  addressee: (recipient: string) => `Kính gửi: ${recipient}.`,
  /** The opening: the plan cited by number and date where Cài đặt gives them. */
  opening: (plan: string, unit: string, subject: string, from: string, to: string, asOf: string) =>
    `Thực hiện ${plan}, ${unit} báo cáo kết quả thực hiện ${subject} (số liệu từ ngày ${from} đến ngày ${to}, tính đến ngày ${asOf}) như sau:`,
  planCited: (number: string, date: string | null, unit: string, subject: string) =>
    `Kế hoạch số ${number}${date ? ` ${date}` : ''} của ${unit} về ${subject}`,
  planByTitle: (subject: string, place: string) => `Kế hoạch ${subject} trên địa bàn ${place}`,
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
    dataError: 'Lỗi dữ liệu',
    rate: 'Tỷ lệ hoàn thành',
  },
  tableOther: 'Khác',
  tableTotal: 'Cộng',
  shortcomings: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
  shortcomingsList: '1. Tồn tại, hạn chế',
  causes: '2. Nguyên nhân',
  causesPlaceholder:
    '[Nhập nguyên nhân của các tồn tại, hạn chế nêu trên tại đây trước khi trình ký: nguyên nhân khách quan, nguyên nhân chủ quan.]',
  noOverdue: 'Không có nhiệm vụ quá hạn chưa hoàn thành.',
  overdueSummary: (n: number, leads: { lead: string; n: number }[], oldest: string, days: number) =>
    `Còn ${n} nhiệm vụ quá hạn chưa hoàn thành (đã nêu tại mục I), thuộc trách nhiệm chủ trì của: ` +
    leads.map((l) => `${l.lead} (${l.n} nhiệm vụ)`).join('; ') +
    `. Nhiệm vụ quá hạn lâu nhất: ${oldest} (quá hạn ${days} ngày).`,
  doneLateIntro: (n: number) => `Có ${n} nhiệm vụ hoàn thành nhưng quá hạn.`,
  nextPeriod: (label: string) => `III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI (${label})`,
  nextIntro: 'Tập trung thực hiện các nhiệm vụ đến hạn trong kỳ tới:',
  nextOngoing: 'Tiếp tục thực hiện các nhiệm vụ thường xuyên của kế hoạch.',
  nextOverdue: 'Khẩn trương hoàn thành các nhiệm vụ quá hạn nêu tại mục II.',
  proposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  proposalsPlaceholder:
    '[Nhập đề xuất, kiến nghị với cơ quan cấp trên (nếu có) tại đây; nếu không có, ghi: Không có.]',
  closing: (subject: string, unit: string) =>
    `Trên đây là báo cáo kết quả thực hiện ${subject} của ${unit}./.`,
  recipientsHeading: 'Nơi nhận:',
  more: (count: number, sheet: string) => `- … và ${count} nhiệm vụ khác (xem trang "${sheet}").`,
  doneItem: (task: string, evidence: string, date: string | null) =>
    `- ${task}${evidence ? `: ${evidence}` : ''}${date ? ` (hoàn thành ngày ${date})` : ''}.`,
  overdueItem: (task: string, lead: string, deadline: string, days: number) =>
    `- ${task} (chủ trì: ${lead}; hạn ${deadline}, quá hạn ${days} ngày).`,
  nextItem: (task: string, lead: string, deadline: string) =>
    `- ${task} (chủ trì: ${lead}; hạn ${deadline}).`,
  /** The block below the printed report listing rows to fix. */
  fixHeading: (n: number) =>
    `DÀNH CHO NGƯỜI LẬP BÁO CÁO (KHÔNG IN): ${n} dòng của trang "${SHEET.tracker}" có lỗi dữ liệu. Các dòng này đã được tính vào số liệu như bảng theo dõi đang hiển thị, nhưng không được nêu tên trong báo cáo. Hãy sửa rồi tổng hợp lại trước khi trình ký.`,
  fixRow: (row: number, task: string) => `Dòng ${row}${task ? `: ${task}` : ''}`,
  fixMore: (n: number) =>
    `… và ${n} dòng khác có lỗi dữ liệu. Danh sách đầy đủ: Kiểm tra dữ liệu (hoặc lệnh cchc check).`,
} as const;

/** Figures of a group of tasks in a report sentence (see reportFigures). */
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
  /** Not done and not yet due. */
  notYetDue: number;
  /** Rows showing "Lỗi dữ liệu". */
  dataErrors: number;
  /** The completion rate's denominator (rollup.StateCounts.rateDue). */
  due: number;
}

/** "66,7%": a share as Vietnamese writes it, one decimal where it is not whole. */
export function percentVi(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${String(p).replace('.', ',')}%`;
}

/**
 * The sentences that state a group's figures the way an officer writes them: "x/y nhiệm vụ", no strings of
 * zeros (a part that would say 0 is left out), the completion rate with its denominator.
 */
export function reportFigures(f: FigureWords, asOf: string | null): string[] {
  const out: string[] = [];
  if (f.dated === 0 && f.continuous === 0) out.push('Trong kỳ không có nhiệm vụ nào.');
  else if (f.dated === 0) out.push(`Trong kỳ có ${f.continuous} nhiệm vụ thực hiện thường xuyên.`);
  else
    out.push(
      `Trong kỳ có ${f.dated} nhiệm vụ có thời hạn` +
        (f.continuous > 0 ? ` và ${f.continuous} nhiệm vụ thực hiện thường xuyên.` : '.'),
    );
  if (f.dated > 0) {
    const when = asOf ? `Đến ngày ${asOf}, ` : '';
    const done = f.doneOnTime + f.doneLate;
    const parts: string[] = [];
    if (f.due === 0) parts.push(`${when}chưa có nhiệm vụ nào đến hạn`);
    else if (done === 0) parts.push(`${when}chưa hoàn thành nhiệm vụ nào trong ${f.due} nhiệm vụ đến hạn`);
    else
      parts.push(
        `${when}đã hoàn thành ${done}/${f.due} nhiệm vụ đến hạn` +
          (f.doneLate === 0 ? ' (đều đúng hạn)' : ` (đúng hạn ${f.doneOnTime}, quá hạn ${f.doneLate})`),
      );
    const open = f.overdue + f.dueToday;
    if (open > 0 && f.dueToday === 0) parts.push(`còn ${open} nhiệm vụ quá hạn chưa hoàn thành`);
    else if (open > 0 && f.overdue === 0) parts.push(`còn ${open} nhiệm vụ đến hạn hôm nay chưa hoàn thành`);
    else if (open > 0)
      parts.push(`còn ${open} nhiệm vụ đến hạn chưa hoàn thành, trong đó ${f.overdue} nhiệm vụ đã quá hạn`);
    if (f.notYetDue > 0) parts.push(`${f.notYetDue} nhiệm vụ đang thực hiện, chưa đến hạn`);
    const sentence = parts.join('; ');
    out.push(`${sentence.charAt(0).toLocaleUpperCase('vi')}${sentence.slice(1)}.`);
    if (f.due > 0)
      out.push(
        `Tỷ lệ hoàn thành đạt ${percentVi(f.doneOnTime / f.due)} (${f.doneOnTime}/${f.due} nhiệm vụ đến hạn được hoàn thành đúng hạn, kể cả nhiệm vụ hoàn thành trước hạn; không tính nhiệm vụ thường xuyên).`,
      );
  }
  if (f.dataErrors > 0)
    out.push(`Có ${f.dataErrors} nhiệm vụ chưa tổng hợp được do dữ liệu trên bảng theo dõi chưa hợp lệ.`);
  return out;
}
