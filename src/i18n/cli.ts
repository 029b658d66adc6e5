/** The CLI's own Vietnamese lines (usage, file errors). */
export const CLI = {
  usage: [
    'Cách dùng:',
    '  cchc init [--year YYYY] [--out TỆP.xlsx]      tạo bảng theo dõi kế hoạch CCHC',
    '  cchc check TỆP.xlsx [--today YYYY-MM-DD] [--json]   kiểm tra dữ liệu',
    '  cchc report TỆP.xlsx --period YYYY-Qn [--as-of YYYY-MM-DD] [--out TỆP.xlsx] [--json]',
    '  cchc demo                                     tạo sổ mẫu trong thư mục out/',
  ].join('\n'),
  seeHelp: 'Gõ "cchc --help" để xem cách dùng.',
  missingCommand: 'Thiếu lệnh (init, check, report hoặc demo).',
  unknownCommand: (c: string) => `Lệnh "${c}" không có. Dùng: init, check, report, demo.`,
  missingFile: () => 'Thiếu tên tệp .xlsx.',
  fileNotFound: (p: string) => `Không tìm thấy tệp "${p}".`,
  unreadable: (p: string) => `Không đọc được tệp "${p}": tệp không phải .xlsx hoặc đã hỏng.`,
  /** `reason` is the rest of the sentence, from i18n/xlsx.ts (unreadableReason). */
  unreadableBecause: (p: string, reason: string) => `Không đọc được tệp "${p}": ${reason}`,
  interrupted:
    'Đã dừng theo yêu cầu. Tệp sổ làm việc vẫn nguyên vẹn (bản cũ, hoặc bản mới đã ghi xong); tệp tạm đã được dọn.',
  notWritable: (p: string) =>
    `Không ghi được tệp "${p}". Hãy kiểm tra thư mục và quyền ghi, hoặc đóng tệp nếu đang mở.`,
  badDate: (name: string, v: string) => `--${name} "${v}" không phải ngày dạng YYYY-MM-DD.`,
  badYear: (v: string) => `--year "${v}" không hợp lệ: cần năm từ 1990 đến 2100.`,
  badPeriod: (v: string) => `--period "${v}" không hợp lệ: cần dạng YYYY-Qn, ví dụ 2026-Q2.`,
  written: (p: string) => `Đã ghi: ${p}`,
  internal: () => 'Có lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, gửi tệp cho người phụ trách kỹ thuật.',
} as const;
