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
  signerAuthority: 'Thẩm quyền ký',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  otherRecipients: 'Nơi nhận khác',
  periodMode: 'Cách tính kỳ báo cáo',
} as const;

export const SETTING_HINT = {
  unitName: 'Tên cơ quan ban hành, ví dụ: UBND xã Long Điền A',
  recipient: 'Cơ quan nhận báo cáo định kỳ (dòng "Kính gửi")',
  place: 'Địa danh ghi ở dòng ngày tháng của báo cáo',
  year: 'Năm của bảng theo dõi (số, ví dụ 2026)',
  warningDays: 'Nhiệm vụ còn ít hơn hoặc bằng số ngày này đến hạn thì hiện "Sắp đến hạn" (0–365)',
  signerAuthority: 'Ví dụ: KT. CHỦ TỊCH (để trống nếu Chủ tịch ký)',
  signerTitle: 'Ví dụ: PHÓ CHỦ TỊCH',
  signerName: 'Họ và tên người ký báo cáo',
  otherRecipients: 'Các nơi nhận khác, cách nhau bằng dấu chấm phẩy (;)',
  periodMode:
    '"Theo quý" (mặc định) hoặc "Theo NĐ 09/2019" (từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ)',
} as const;

export const PERIOD_MODE_LABEL = {
  calendar: 'Theo quý',
  decree09: 'Theo NĐ 09/2019',
} as const;

export const SETTINGS_HEADER = ['Thông số', 'Giá trị', 'Hướng dẫn'] as const;
export const LISTS_HEADER = ['Cơ quan (chủ trì, phối hợp)', 'Trạng thái', 'Tình trạng hạn'] as const;
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
    `Ngày "${value}" ở cột ${header} đang được lưu dạng chữ (${at(sheet, cell)}); đã hiểu là ${shown}. Hãy nhập lại thành ngày để công thức và tô màu hoạt động.`,
  errorValue: (sheet: string, cell: string, header: string, value: string) =>
    `Ô ${cell} ở cột ${header} đang báo lỗi ${value} (${at(sheet, cell)}). Hãy nhập lại giá trị đúng.`,
  notNfc: (sheet: string, cell: string, header: string) =>
    `Ô ${cell} ở cột ${header} được gõ bằng dạng dấu tổ hợp (Unicode NFD) (${at(sheet, cell)}); công thức của Excel sẽ không nhận ra. Hãy chọn lại giá trị trong danh sách thả xuống hoặc gõ lại bằng bảng mã Unicode dựng sẵn.`,
  formulaNotCalculated: (sheet: string, cell: string, header: string) =>
    `Ô ${cell} ở cột ${header} chứa công thức chưa được tính (${at(sheet, cell)}). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại, hoặc nhập giá trị thay cho công thức.`,
  doneWithoutDate: (sheet: string, cell: string) =>
    `Nhiệm vụ đã "${STATUS_LABEL.done}" nhưng chưa có ${HEADERS.completedOn} (${at(sheet, cell)}). Hãy nhập ngày hoàn thành.`,
  completedInFuture: (sheet: string, cell: string, shown: string) =>
    `${HEADERS.completedOn} ${shown} ở sau ngày hôm nay (${at(sheet, cell)}). Hãy sửa lại ngày đã hoàn thành thực tế.`,
  dateWithoutDone: (sheet: string, cell: string) =>
    `Đã có ${HEADERS.completedOn} nhưng ${HEADERS.status} chưa là "${STATUS_LABEL.done}" (${at(sheet, cell)}). Hãy kiểm tra lại trạng thái.`,
  deadlineOutOfYear: (sheet: string, cell: string, shown: string, year: number) =>
    `${HEADERS.deadline} ${shown} nằm ngoài năm theo dõi ${year} (±1 năm) (${at(sheet, cell)}). Hãy kiểm tra lại năm.`,
  duplicateStt: (sheet: string, cell: string, value: string, first: string) =>
    `STT ${value} bị trùng (${at(sheet, cell)}; đã có ở ô ${first}). Hãy đánh lại số thứ tự.`,
  stateNotFormula: (sheet: string, cell: string) =>
    `Ô ${HEADERS.deadlineState} không còn là công thức (${at(sheet, cell)}), nên sẽ không tự cập nhật. Hãy chép công thức từ dòng bên trên xuống.`,
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
  written: (sheet: string, subject: string, errors: number) =>
    `Đã tổng hợp báo cáo ${subject} vào trang "${sheet}" và cập nhật trang "${SHEET.summary}".` +
    (errors > 0 ? ` Lưu ý: bảng theo dõi còn ${errors} lỗi dữ liệu; hãy chạy "Kiểm tra dữ liệu".` : ''),
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
  required: () => 'Không được để trống.',
  protected: () => `Trang "${SHEET.settings}" đang được khóa. Hãy bỏ bảo vệ trang rồi lưu lại.`,
} as const;
