/** Vietnamese texts of the .xlsx adapter's errors and loss reports. */

export const messages = {
  notXlsx: (detail: string) =>
    `Không đọc được tệp: đây không phải tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng, được đặt mật khẩu, hoặc là tệp .xls cũ). Chi tiết: ${detail}`,
  strictFormat:
    'Tệp được lưu ở định dạng "Strict Open XML", chương trình chưa hỗ trợ. Hãy mở tệp trong Excel và lưu lại với kiểu "Excel Workbook (*.xlsx)".',
  sheetProtected: (sheet: string) =>
    `Trang tính '${sheet}' đang được bảo vệ (Protect Sheet). Hãy bỏ bảo vệ trang tính (Review → Unprotect Sheet) rồi thử lại.`,
  structureLocked:
    'Cấu trúc sổ làm việc đang được bảo vệ (Protect Workbook), nên không thể thêm hoặc thay trang tính. Hãy bỏ bảo vệ (Review → Protect Workbook) rồi thử lại.',
  sheetNotFound: (sheet: string) => `Không tìm thấy trang tính '${sheet}'.`,
  badSheetName: (sheet: string) =>
    `Tên trang tính '${sheet}' không hợp lệ: tối đa 31 ký tự, không chứa : \\ / ? * [ ], không bắt đầu hay kết thúc bằng dấu nháy đơn.`,
  duplicateSheetInPlan: (sheet: string) =>
    `Trang tính '${sheet}' được ghi hai lần trong cùng một lần cập nhật.`,
  notAWorksheet: (sheet: string) =>
    `'${sheet}' không phải trang tính dữ liệu (có thể là trang biểu đồ), nên không thể ghi ô vào đó.`,
  badAddress: (sheet: string, address: string) =>
    `Địa chỉ ô '${address}' trên trang tính '${sheet}' không hợp lệ.`,
  badValue: (sheet: string, address: string) =>
    `Giá trị ở ô ${address} trên trang tính '${sheet}' không ghi được vào Excel (số không hữu hạn hoặc chuỗi quá 32.767 ký tự).`,
  formulaTooLong: (sheet: string, address: string) =>
    `Công thức ở ô ${address} trên trang tính '${sheet}' dài quá 8.192 ký tự.`,
  badColor: (sheet: string, color: string) =>
    `Mã màu '${color}' trên trang tính '${sheet}' không hợp lệ (cần dạng RRGGBB).`,
  badDate: (sheet: string, value: string) =>
    `Ngày '${value}' trong quy tắc kiểm tra dữ liệu của trang '${sheet}' không hợp lệ.`,
  validationTextTooLong: (sheet: string, range: string) =>
    `Thông báo kiểm tra dữ liệu ở vùng ${range} trên trang '${sheet}' quá dài (tiêu đề tối đa 32 ký tự, nội dung tối đa 255 ký tự).`,
  badMerge: (sheet: string, range: string) =>
    `Không gộp được vùng ${range} trên trang '${sheet}' (chồng lên vùng đã gộp).`,
  badTable: (sheet: string, detail: string) => `Bảng trên trang tính '${sheet}' không hợp lệ: ${detail}`,
  tableNameTaken: (sheet: string, name: string) =>
    `Tên bảng '${name}' (trang '${sheet}') đã được dùng cho một bảng hoặc tên vùng khác trong sổ làm việc.`,
  sharedFormulaCell: (sheet: string, address: string) =>
    `Ô ${address} trên trang '${sheet}' chứa công thức dùng chung cho nhiều ô; chương trình không ghi đè ô này.`,
  activateHidden: (sheet: string) => `Không thể chuyển đến trang tính '${sheet}' vì trang đang bị ẩn.`,
  noVisibleSheet: 'Sổ làm việc phải có ít nhất một trang tính hiển thị.',
  lossRefused: (items: string[]) =>
    `Lưu tệp sẽ làm mất: ${items.join('; ')}. Nếu chấp nhận, hãy lưu lại với tùy chọn cho phép mất nội dung.`,
  lostName: (name: string, sheet: string) => `tên vùng '${name}' chỉ dùng trên trang tính '${sheet}'`,
  emptyWorkbook: 'Sổ làm việc chưa có trang tính nào, không thể lưu.',
  internal: (detail: string) => `Lỗi nội bộ khi ghi tệp Excel: ${detail}`,
} as const;

/** What a part is, in words, for the loss report. */
export const partKinds = {
  chart: 'biểu đồ',
  image: 'hình ảnh',
  drawing: 'hình vẽ hoặc hộp văn bản',
  comments: 'ghi chú (comment)',
  threadedComments: 'chuỗi bình luận (threaded comment)',
  pivotTable: 'bảng tổng hợp (PivotTable)',
  pivotCache: 'dữ liệu của bảng tổng hợp (pivot cache)',
  slicer: 'bộ lọc slicer',
  timeline: 'bộ lọc timeline',
  embedding: 'đối tượng nhúng (OLE)',
  control: 'điều khiển biểu mẫu hoặc ActiveX',
  webExtension: 'phần bổ trợ Office (add-in) dạng nội dung',
  vba: 'macro VBA',
  externalLink: 'liên kết tới sổ làm việc khác',
  customXml: 'dữ liệu XML tùy biến',
  other: 'phần dữ liệu',
} as const;

export type PartKind = keyof typeof partKinds;

export function describeLoss(kind: PartKind, part: string, sheet: string | undefined): string {
  return sheet ? `${partKinds[kind]} trên trang tính '${sheet}' (${part})` : `${partKinds[kind]} (${part})`;
}
