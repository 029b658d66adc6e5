/**
 * The words around the report as a Word document (issue 21): its file name, what `cchc report --docx` says,
 * and the pane's download button. The document's own words are the report's (REPORT_TEXT, the ReportDocument).
 */
import { SHEET } from './vi';

/** An ASCII file name part: "Mỹ Hội Đông" → "my-hoi-dong" (no accents, no spaces: safe on every disk and mail). */
export function asciiSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export const DOCX = {
  /**
   * The Word report's file name: the unit, the period and the year, in ASCII ("UBND xã Long Điền A", "9 tháng
   * năm 2026" → "bao-cao-cchc-xa-long-dien-a-9-thang-nam-2026.docx").
   */
  fileName: (unitName: string, periodSubject: string): string => {
    const unit = asciiSlug(unitName).replace(/^(ubnd|uy-ban-nhan-dan)-/, '');
    return `bao-cao-cchc-${unit ? `${unit}-` : ''}${asciiSlug(periodSubject)}.docx`;
  },
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',

  // cchc report --docx
  written: (subject: string, file: string, errorRows: number) =>
    `Đã ghi báo cáo ${subject} thành văn bản Word: ${file}` +
    (errorRows > 0
      ? `. Lưu ý: ${errorRows} dòng của bảng theo dõi có lỗi dữ liệu (không nêu tên trong văn bản; xem bằng lệnh cchc check); hãy sửa rồi lập lại trước khi trình ký.`
      : '.') +
    ' Sổ làm việc không bị ghi.',
  badExtension: (p: string) => `--docx "${p}" phải là tệp .docx (văn bản Word).`,
  isDirectory: (p: string) => `--docx "${p}" là thư mục, không phải tệp .docx.`,
  exists: (p: string) =>
    `Tệp "${p}" đã có: không ghi đè. Hãy chọn tên khác cho --docx, hoặc thêm --force để ghi đè.`,
  withOut: '--docx ghi văn bản Word và không ghi vào sổ làm việc, nên không dùng cùng --out.',
  tthcDataErrors: (rows: number) =>
    `${rows} dòng của trang "${SHEET.tthc}" có lỗi dữ liệu nên chưa được tính vào số liệu hồ sơ thủ tục hành chính (xem bằng lệnh cchc check); hãy sửa rồi lập lại.`,

  // The task pane, under "Tổng hợp báo cáo"
  downloadButton: 'Tải báo cáo Word (.docx)',
  downloadHint:
    'Văn bản Word của báo cáo vừa tổng hợp, theo thể thức Nghị định 30/2020/NĐ-CP: mở bằng Word để sửa các chỗ tô vàng (số văn bản, nguyên nhân, đề xuất), rồi ký số và gửi qua hệ thống quản lý văn bản.',
  downloaded: (file: string) => `Đã tạo tệp "${file}". Trình duyệt lưu tệp vào thư mục Tải về (Downloads).`,
  downloadedTitle: 'Đã tạo văn bản Word',
} as const;
