/**
 * Every Vietnamese string of the task pane, and of the small notice the ribbon command "Tổng hợp báo cáo"
 * shows. Messages of the actions themselves (what was written, what is wrong) come from the application
 * layer (src/i18n/vi.ts); this module only labels the pane around them.
 */

export const PANE = {
  title: 'Kế hoạch CCHC – UBND xã Long Điền A',
  subtitle: 'Theo dõi việc thực hiện Kế hoạch cải cách hành chính ngay trong sổ làm việc này.',

  initHeading: 'Khởi tạo bảng theo dõi',
  initHint: 'Tạo các trang Nhiệm vụ, Danh mục và Cài đặt cho năm đã chọn. Dữ liệu đã nhập không bị ghi đè.',
  yearLabel: 'Năm theo dõi',
  initButton: 'Khởi tạo bảng theo dõi',

  checkHeading: 'Kiểm tra dữ liệu',
  checkHint: 'Tìm các ô nhập thiếu hoặc sai (trạng thái, ngày tháng, cơ quan chủ trì…).',
  checkButton: 'Kiểm tra dữ liệu',
  errorsHeading: (count: number) => `Lỗi (${count})`,
  warningsHeading: (count: number) => `Cảnh báo (${count})`,
  noProblems: 'Không có lỗi hay cảnh báo nào.',
  problemAt: (sheet: string, cell: string) => `${sheet}!${cell}`,
  goToCell: (sheet: string, cell: string) => `Chọn ô ${cell} ở trang "${sheet}"`,

  reportHeading: 'Tổng hợp báo cáo',
  reportHint: 'Tổng hợp kết quả thực hiện các nhiệm vụ tính đến hôm nay thành báo cáo trong sổ làm việc.',
  reportButton: 'Tổng hợp báo cáo',

  working: {
    init: 'Đang khởi tạo bảng theo dõi…',
    check: 'Đang kiểm tra dữ liệu…',
    report: 'Đang tổng hợp báo cáo…',
  },
  outcomeTitle: {
    success: 'Đã xong',
    warning: 'Cần lưu ý',
    error: 'Chưa thực hiện được',
  },
  dismiss: 'Đóng thông báo',
  /** When an action throws instead of returning an outcome (a bug or a lost connection to Excel). */
  unexpectedError: (detail: string) =>
    `Đã xảy ra lỗi không mong muốn${detail ? `: ${detail}` : ''}. Hãy lưu sổ làm việc, đóng rồi mở lại ngăn này và thử lại.`,
  notInExcel:
    'Ngăn này chỉ chạy trong Excel. Hãy mở sổ làm việc bằng Excel rồi bấm "Bảng theo dõi" trên thẻ Trang đầu.',
  selectFailed: (sheet: string, cell: string) =>
    `Không chọn được ô ${cell} ở trang "${sheet}". Trang có thể đã bị đổi tên hoặc xóa.`,
} as const;

/** Shown by the ribbon command (src/commands) in a small dialog (notice.html). */
export const COMMAND = {
  noticeTitle: {
    success: 'Tổng hợp báo cáo – Đã xong',
    error: 'Tổng hợp báo cáo – Chưa thực hiện được',
  },
  close: 'Đóng',
  unexpectedError: (detail: string) =>
    `Đã xảy ra lỗi không mong muốn khi tổng hợp báo cáo${detail ? `: ${detail}` : ''}. Hãy lưu sổ làm việc rồi thử lại, hoặc mở ngăn "Bảng theo dõi" để xem chi tiết.`,
  noMessage: 'Không có nội dung thông báo.',
} as const;

/** The page title of taskpane.html (also set in the HTML template). */
export const PAGE_TITLE = 'Theo dõi Kế hoạch CCHC';
