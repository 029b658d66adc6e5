/**
 * Every Vietnamese string of the task pane, and of the small notice the ribbon command "Tổng hợp báo cáo"
 * shows. Messages of the actions themselves (what was written, what is wrong) come from the application
 * layer (src/i18n/vi.ts); this module only labels the pane around them.
 */
import { countVi } from './vi';

export const PANE = {
  title: 'Kế hoạch CCHC – UBND xã Long Điền A',
  subtitle: 'Theo dõi việc thực hiện Kế hoạch cải cách hành chính ngay trong sổ làm việc này.',

  tabsLabel: 'Các phần của ngăn',
  tabs: {
    overview: 'Tổng quan',
    actions: 'Thao tác',
    settings: 'Cài đặt',
  },

  // Overview
  loadingOverview: 'Đang đọc bảng theo dõi…',
  refreshing: 'Đang cập nhật…',
  refresh: 'Làm mới',
  updatedAt: (time: string) => `Cập nhật lúc ${time}`,
  noTrackerTitle: 'Chưa có bảng theo dõi',
  noTrackerHint: 'Chọn năm rồi bấm "Khởi tạo bảng theo dõi" để tạo trang Nhiệm vụ từ kế hoạch.',
  overviewFailedTitle: 'Chưa đọc được bảng theo dõi',
  noTasks:
    'Bảng theo dõi chưa có nhiệm vụ nào đọc được. Hãy mở thẻ "Thao tác" và bấm "Kiểm tra dữ liệu" để xem nguyên nhân.',
  countsLabel: 'Số nhiệm vụ theo tình trạng hạn',
  stateCount: (label: string, count: number) => `${label}: ${count}`,
  progressLabel: (year: number) => `Tỷ lệ hoàn thành năm ${year}`,
  progressHint: (onTime: number, due: number, percent: string) =>
    `${onTime}/${due} nhiệm vụ đã đến hạn được hoàn thành đúng hạn (${percent}); không tính nhiệm vụ thường xuyên`,
  progressNothingDue: 'Chưa có nhiệm vụ nào đến hạn trong năm.',
  dataErrorsHeading: (n: number) =>
    `Lỗi dữ liệu (${n}): công thức không đọc được dòng này; xem thẻ Thao tác › Kiểm tra dữ liệu`,
  nextReportHeading: 'Báo cáo định kỳ sắp tới',
  nextReport: (subject: string, due: string, days: number) =>
    `Báo cáo ${subject} — hạn ${due}, ${days === 0 ? 'đến hạn hôm nay' : `còn ${days} ngày`}`,
  overdueHeading: (count: number) => `Quá hạn (${count})`,
  dueSoonHeading: (count: number) => `Sắp đến hạn (${count})`,
  noOverdue: 'Không có nhiệm vụ quá hạn.',
  noDueSoon: 'Không có nhiệm vụ sắp đến hạn.',
  taskDeadline: (deadline: string) => `Hạn ${deadline}`,
  daysLate: (days: number) => `trễ ${days} ngày`,
  daysLeft: (days: number) => (days === 0 ? 'hạn hôm nay' : `còn ${days} ngày`),
  noDeadline: 'Không có hạn',
  goToTask: (row: number) => `Chọn dòng ${row} ở trang "Nhiệm vụ"`,
  tthcHeading: 'Hồ sơ thủ tục hành chính',
  tthcMissing:
    'Sổ làm việc này chưa có trang "Hồ sơ TTHC" để nhập số hồ sơ Bộ phận một cửa tiếp nhận, giải quyết mỗi tháng (mục II.3 của kế hoạch).',
  tthcAdd: 'Thêm trang Hồ sơ TTHC',
  tthcUnreadable:
    'Trang "Hồ sơ TTHC" chưa đọc được (thiếu dòng tiêu đề hoặc một cột). Hãy mở thẻ "Thao tác" và bấm "Kiểm tra dữ liệu" để xem cách sửa.',
  tthcNoFigures: (year: number) =>
    `Chưa có số liệu hồ sơ của năm ${year}. Mỗi tháng, hãy nhập số hồ sơ theo lĩnh vực ở trang "Hồ sơ TTHC".`,
  tthcOpenSheet: 'Mở trang Hồ sơ TTHC',
  tthcMonthLabel: (month: number, year: number) => `Tỷ lệ giải quyết đúng hạn tháng ${month}/${year}`,
  tthcPeriodLabel: (subject: string, months: string) =>
    `Tỷ lệ giải quyết đúng hạn, báo cáo ${subject} (${months})`,
  tthcRateHint: (onTime: number, resolved: number, percent: string) =>
    `${onTime}/${resolved} hồ sơ đã giải quyết được giải quyết trước hạn hoặc đúng hạn (${percent})`,
  tthcNothingResolved: 'Chưa có hồ sơ nào được giải quyết xong.',
  tthcLateHeading: (n: number) => `Lĩnh vực có hồ sơ trễ hạn trong kỳ (${n})`,
  tthcNoLate: 'Không có lĩnh vực nào có hồ sơ trễ hạn trong kỳ.',
  tthcFrequent: 'thường xuyên trễ hạn',
  tthcLateMeta: (late: number, months: string, pendingLate: number) =>
    [
      late > 0 ? `giải quyết quá hạn ${late} hồ sơ (${months})` : '',
      pendingLate > 0 ? `đang giải quyết quá hạn ${pendingLate} hồ sơ` : '',
    ]
      .filter((s) => s !== '')
      .join(' · '),
  /** Fields the report's figures leave out, as the report leaves them out (the pane's figures too). */
  tthcLeftOut: (fields: string[]) =>
    `Chưa tính lĩnh vực ${fields.join(', ')}: số liệu chưa khớp hoặc có dòng lỗi dữ liệu (như báo cáo); Kiểm tra dữ liệu chỉ ra ô cần sửa.`,
  tthcErrorsHeading: (n: number) => `Dòng có lỗi dữ liệu ở trang Hồ sơ TTHC (${n}): không được tính`,
  tthcErrorRow: (row: number, month: number | null, field: string | null) =>
    [`Dòng ${row}`, month !== null ? `tháng ${month}` : '', field ?? ''].filter((s) => s !== '').join(' · '),
  tthcErrorMeta: 'Xem thẻ Thao tác › Kiểm tra dữ liệu',
  goToTthcRow: (row: number) => `Chọn dòng ${row} ở trang "Hồ sơ TTHC"`,
  /** "tháng 1–8", "tháng 1, 2, 4", "tháng 3". */
  tthcMonths: (months: readonly number[]) => {
    const run = months.every((m, i) => i === 0 || m === months[i - 1] + 1);
    if (months.length > 1 && run) return `tháng ${months[0]}–${months[months.length - 1]}`;
    return `tháng ${months.join(', ')}`;
  },
  showAll: (count: number) => `Xem tất cả (${count})`,
  showFewer: 'Thu gọn',

  // Actions
  consolidateHeading: 'Tổng hợp nhiều xã',
  initHeading: 'Khởi tạo bảng theo dõi',
  initHint:
    'Tạo các trang Nhiệm vụ, Hồ sơ TTHC, Danh mục và Cài đặt cho năm đã chọn; sổ đã có bảng theo dõi thì chỉ thêm trang Hồ sơ TTHC còn thiếu. Dữ liệu đã nhập không bị ghi đè.',
  yearLabel: 'Năm theo dõi',
  initButton: 'Khởi tạo bảng theo dõi',
  initNameRequired: 'Hãy ghi: báo cáo của xã cần tên đơn vị, địa danh và họ tên người ký.',

  checkHeading: 'Kiểm tra dữ liệu',
  checkHint: 'Tìm các ô nhập thiếu hoặc sai (trạng thái, ngày tháng, cơ quan chủ trì…).',
  checkButton: 'Kiểm tra dữ liệu',
  errorsHeading: (count: number) => `Lỗi (${count})`,
  warningsHeading: (count: number) => `Cảnh báo (${count})`,
  noProblems: 'Không có lỗi hay cảnh báo nào.',
  fixButton: (n: number) => `Sửa tự động ${n} ô…`,
  fixHint:
    'Các ô dưới đây có cách sửa chắc chắn (ví dụ ngày gõ dạng chữ thành ngày thật). Xem lại rồi bấm "Sửa các ô này"; không ô nào khác bị thay đổi.',
  fixHeading: (n: number) => `Sẽ sửa ${n} ô`,
  /** Spaces a person cannot see are shown: ⍽ a no-break space, ⇥ a tab. */
  fixItem: (cell: string, was: string, becomes: string) =>
    `${cell}: «${was.replace(/\u00a0/g, '⍽').replace(/\t/g, '⇥')}» → ${becomes}`,
  fixConfirm: 'Sửa các ô này',
  fixCancel: 'Hủy',
  checkStale: 'Bảng theo dõi đã thay đổi sau lần kiểm tra này. Hãy bấm "Kiểm tra dữ liệu" lại.',
  problemAt: (sheet: string, cell: string) => `${sheet}!${cell}`,
  goToCell: (sheet: string, cell: string) => `Chọn ô ${cell} ở trang "${sheet}"`,

  reportHeading: 'Tổng hợp báo cáo',
  reportHint:
    'Cập nhật trang Tổng hợp và tạo trang báo cáo của kỳ đã chọn theo thể thức Nghị định 30/2020/NĐ-CP.',
  periodLabel: 'Kỳ báo cáo',
  periodHint: (subject: string, due: string) => `Báo cáo ${subject}, hạn nộp ${due}`,
  asOfLabel: 'Số liệu tính đến ngày',
  asOfHint: 'Dạng dd/mm/yyyy',
  asOfPlaceholder: 'dd/mm/yyyy',
  asOfInvalid: 'Ngày chưa hợp lệ. Hãy nhập dạng dd/mm/yyyy, ví dụ 05/06/2026.',
  reportButton: 'Tổng hợp báo cáo',

  rolloverHeading: 'Chuyển sang năm mới',
  rolloverHint:
    'Tạo sổ làm việc mới cho năm sau: các nhiệm vụ của kế hoạch năm đó, cùng các nhiệm vụ chưa xong của sổ này (quá hạn, chưa đến hạn, dòng có lỗi dữ liệu), Cài đặt và Danh mục. Sổ đang mở giữ nguyên.',
  rolloverButton: 'Chuyển sang năm mới',
  rolloverDownloadButton: (file: string) => `Tải tệp ${file}`,
  carriedHeading: (count: number, from: number) => `Chuyển từ năm ${from} (${count})`,
  carriedRow: (row: number, newRow: number) => `Dòng ${row} → dòng ${newRow} ở sổ mới`,

  // Settings
  settingsHeading: 'Cài đặt của sổ làm việc',
  settingsHint: 'Các giá trị này nằm ở trang "Cài đặt" nên đi theo tệp khi gửi cho người khác.',
  loadingSettings: 'Đang đọc trang Cài đặt…',
  saveSettings: 'Lưu cài đặt',
  reloadSettings: 'Đọc lại',

  // Progress and outcomes
  working: {
    init: 'Đang khởi tạo bảng theo dõi…',
    check: 'Đang kiểm tra dữ liệu…',
    report: 'Đang tổng hợp báo cáo…',
    settings: 'Đang lưu cài đặt…',
    consolidate: 'Đang tổng hợp các xã…',
    rollover: 'Đang tạo sổ theo dõi năm mới…',
  },
  outcomeTitle: {
    success: 'Đã xong',
    warning: 'Cần lưu ý',
    error: 'Chưa thực hiện được',
  },
  checkTitle: {
    success: 'Dữ liệu hợp lệ',
    warning: 'Cần lưu ý',
    error: 'Có lỗi cần sửa',
  },
  location: (sheet: string, cell: string) => `Vị trí: trang "${sheet}", ô ${cell}.`,
  openSheet: (sheet: string) => `Mở trang "${sheet}"`,
  goToProblem: (cell: string) => `Đi đến ô ${cell}`,
  dismiss: 'Đóng thông báo',
  /** When an action throws instead of returning an outcome (a bug or a lost connection to Excel). */
  unexpectedError: (detail: string) =>
    `Đã xảy ra lỗi không mong muốn${detail ? `: ${detail}` : ''}. Hãy lưu sổ làm việc, đóng rồi mở lại ngăn này và thử lại.`,
  notInExcel:
    'Ngăn này chỉ chạy trong Excel. Hãy mở sổ làm việc bằng Excel rồi bấm "Bảng theo dõi" trên thẻ Trang đầu.',
  selectFailed: (sheet: string, cell: string) =>
    `Không chọn được ô ${cell} ở trang "${sheet}". Trang có thể đã bị đổi tên hoặc xóa.`,
} as const;

/** The browser preview (npm run preview): the pane beside a plain view of an in-memory workbook. */
export const PREVIEW = {
  heading: 'Bản xem thử ngăn "Bảng theo dõi"',
  intro:
    'Ngăn bên trái là đúng ngăn chạy trong Excel; bên phải là sổ làm việc mẫu nằm trong bộ nhớ của trình duyệt (không gửi đi đâu).',
  loading: 'Đang tạo sổ làm việc mẫu…',
  loadFailed: (detail: string) => `Không tạo được sổ làm việc mẫu: ${detail}`,
  paneWidthLabel: 'Độ rộng ngăn',
  paneWidth: (px: number) => `${px} px`,
  themeLabel: 'Giao diện',
  themeLight: 'Sáng',
  themeDark: 'Tối',
  download: 'Tải tệp .xlsx',
  downloading: 'Đang tạo tệp…',
  downloadFailed: (detail: string) => `Không tạo được tệp .xlsx: ${detail}`,
  fileName: (year: number) => `ke-hoach-cchc-${year}.xlsx`,
  workbookLabel: 'Sổ làm việc mẫu',
  sheetsLabel: 'Các trang tính',
  emptyWorkbook: 'Sổ làm việc chưa có trang tính nào.',
  emptySheet: 'Trang tính trống.',
  hiddenSheet: (name: string) => `${name} (ẩn)`,
  gridLabel: (sheet: string) => `Nội dung trang "${sheet}"`,
  rowHeader: (row: number) => String(row),
  formulaNote:
    'Cột "Tình trạng hạn", cột "Tổng số hồ sơ" và "Tỷ lệ đúng hạn" của trang Hồ sơ TTHC và các số của trang Tổng hợp được tính sẵn ở đây theo đúng quy tắc của công thức; các ô công thức khác (ƒx) được Excel tính khi mở tệp.',
  tthcEditHint:
    'Có thể gõ số hồ sơ và nguyên nhân quá hạn ngay trong bảng (Enter để ghi); ngăn sẽ tự cập nhật.',
  tthcEdit: (header: string, row: number) => `${header}, dòng ${row}`,
  resultsEditHint:
    'Có thể ghi kết quả thực hiện trong quý và việc dự kiến quý sau ngay trong bảng (Enter để ghi); báo cáo của kỳ nêu đúng lời đã ghi.',
  formulaPlaceholder: 'ƒx',
  editHint: 'Có thể đổi "Trạng thái" và "Ngày hoàn thành" của nhiệm vụ ngay trong bảng; ngăn sẽ tự cập nhật.',
  statusEdit: (row: number) => `Trạng thái, dòng ${row}`,
  completedOnEdit: (row: number) => `Ngày hoàn thành, dòng ${row}`,
  blankStatus: '(trống)',
  datePlaceholder: 'dd/mm/yyyy',
  /** The sheet a new workbook of Excel in Vietnamese starts with. */
  firstSheet: 'Trang tính1',
  moreRows: (drawn: number, total: number) =>
    `Hiện thêm dòng (đang hiện ${countVi(drawn)}/${countVi(total)} dòng)`,
  selectedCell: (sheet: string, cell: string) => `Ô đang chọn: ${sheet}!${cell}`,
  sheetMissing: (sheet: string) => `Không có trang "${sheet}".`,
} as const;

/** The add-in's actions, as the user knows them (their buttons). */
export const ACTION_NAME = {
  init: 'Khởi tạo bảng theo dõi',
  check: 'Kiểm tra dữ liệu',
  fix: 'Sửa các ô này',
  report: 'Tổng hợp báo cáo',
  settings: 'Lưu cài đặt',
  consolidate: 'Tổng hợp nhiều xã',
  rollover: 'Chuyển sang năm mới',
  results: 'Ghi kết quả',
} as const;

/** What the ribbon's notice and the pane say of an action beside its own message. */
export const OUTCOME = {
  /** Another action of the add-in holds the workbook (the pane's, or the ribbon button's). */
  busy: (running?: string) =>
    running
      ? `Thao tác "${running}" vẫn đang chạy trong sổ làm việc này. Hãy đợi thao tác đó xong rồi bấm lại.`
      : 'Một thao tác khác của phần bổ trợ vẫn đang chạy trong sổ làm việc này. Hãy đợi thao tác đó xong rồi bấm lại.',
} as const;

/** The pane's editor of "Kết quả theo kỳ" (src/taskpane/ResultsSection.tsx). */
export const RESULTS_PANE = {
  heading: 'Kết quả theo kỳ',
  hint: 'Ghi việc đã làm trong quý dưới từng nhiệm vụ và việc dự kiến quý sau; báo cáo định kỳ nêu đúng lời đã ghi. Cũng có thể gõ thẳng vào trang "Kết quả theo kỳ".',
  quarter: 'Quý',
  task: 'Nhiệm vụ',
  taskOption: (section: string, task: string, written: boolean) =>
    `${written ? '✓ ' : ''}${section ? `${section} – ` : ''}${task.length > 90 ? `${task.slice(0, 89)}…` : task}`,
  noTasks: 'Quý này chưa có dòng nhiệm vụ nào ở trang "Kết quả theo kỳ".',
  result: 'Kết quả thực hiện trong quý',
  planned: (nextYear: boolean) =>
    nextYear ? 'Dự kiến thực hiện quý I năm sau' : 'Dự kiến thực hiện quý sau',
  save: 'Ghi kết quả',
  openRow: 'Xem dòng này trên trang',
  loading: 'Đang đọc trang "Kết quả theo kỳ"…',
} as const;
