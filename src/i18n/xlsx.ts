/** Vietnamese texts of the .xlsx adapter's errors and loss reports. */

import { countVi } from './vi';

export const messages = {
  notAWorksheet: (sheet: string) =>
    `'${sheet}' không phải trang tính dữ liệu (có thể là trang biểu đồ), nên không thể ghi ô vào đó.`,
  badColor: (sheet: string, color: string) =>
    `Mã màu '${color}' trên trang tính '${sheet}' không hợp lệ (cần dạng RRGGBB).`,
  badDate: (sheet: string, value: string) =>
    `Ngày '${value}' trong quy tắc kiểm tra dữ liệu của trang '${sheet}' không hợp lệ.`,
  badMerge: (sheet: string, range: string) =>
    `Không gộp được vùng ${range} trên trang '${sheet}' (chồng lên vùng đã gộp).`,
  badTable: (sheet: string, detail: string) => `Bảng trên trang tính '${sheet}' không hợp lệ: ${detail}`,
  sharedFormulaCell: (sheet: string, address: string) =>
    `Ô ${address} trên trang '${sheet}' chứa công thức dùng chung cho nhiều ô; chương trình không ghi đè ô này.`,
  lossRefused: (items: string[]) =>
    `Lưu tệp sẽ làm mất: ${items.join('; ')}. Nếu chấp nhận, hãy lưu lại với tùy chọn cho phép mất nội dung.`,
  lostName: (name: string, sheet: string) => `tên vùng '${name}' chỉ dùng trên trang tính '${sheet}'`,
  emptyWorkbook: 'Sổ làm việc chưa có trang tính nào, không thể lưu.',
  internal: (detail: string) => `Lỗi nội bộ khi ghi tệp Excel: ${detail}`,
} as const;

/** What is wrong with a table, after messages.badTable's "Bảng trên trang tính '…' không hợp lệ: ". */
export const tableDetail = {
  widthMismatch: (columns: number, range: string, width: number) =>
    `${columns} cột nhưng vùng ${range} rộng ${width} cột`,
  headerMismatch: (column: number, name: string, range: string) =>
    `tiêu đề cột ${column} phải là chữ "${name}" ở hàng đầu của vùng ${range}`,
  duplicateHeader: (name: string) => `tiêu đề cột "${name}" bị trùng`,
  calculatedOutside: (column: number) => `cột tính toán ${column} nằm ngoài bảng`,
} as const;

/** What a part is, in words, for the loss report. */
const partKinds = {
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

/**
 * The limits a message can name. workbook/limits.ts gives each its value (its table of values is typed by
 * this union, so a limit cannot be added there without its wording here).
 */
export type LimitName =
  | 'fileBytes'
  | 'zipEntries'
  | 'sheets'
  | 'partBytes'
  | 'unzippedBytes'
  | 'xmlDepth'
  | 'cellsRead'
  | 'readBytes'
  | 'gridCells'
  | 'rows'
  | 'columns'
  | 'cellChars'
  | 'formulaChars';

/** Why the .xlsx reader could not read a file, as data (workbook/xlsx/unreadable.ts throws it). */
export type UnreadableReason =
  /** Neither a zip package nor a file format we can name. */
  | { kind: 'notXlsx' }
  /** An Excel 97–2003 workbook (a Compound File Binary) renamed or saved as .xlsx. */
  | { kind: 'legacyXls' }
  /** Password-protected: Excel's encrypted package, or a zip whose entries are encrypted. */
  | { kind: 'encrypted' }
  /** ISO/IEC 29500 Strict Open XML, which the reader does not handle. */
  | { kind: 'strict' }
  /** A zip package that is not a spreadsheet (a .docx renamed, say). */
  | { kind: 'notWorkbook' }
  /** Broken: a truncated zip, data that does not unzip, malformed XML. `part` when it is known. */
  | { kind: 'damaged'; part?: string }
  /** Past one of the limits of workbook/limits.ts (`max`); `found` is the value met when it is known. */
  | { kind: 'limit'; limit: LimitName; max: number; part?: string; sheet?: string; found?: number }
  /** Two zip entries with the same name (one would silently hide the other). */
  | { kind: 'duplicateEntry'; name: string }
  /** An entry named outside the package ("../x", "/x", "C:\x"). */
  | { kind: 'entryOutside'; name: string }
  /** A relationship (not marked external) whose target lies outside the package. */
  | { kind: 'relationshipOutside'; source: string; target: string };

/** 1048576 → "1.048.576", as Vietnamese writes numbers (vi.ts countVi, of the whole part). */
function viNumber(n: number): string {
  return countVi(Math.trunc(n));
}

function megabytes(bytes: number): string {
  return `${viNumber(Math.round(bytes / (1024 * 1024)))} MB`;
}

const SAVE_AS_XLSX = 'Hãy mở tệp trong Excel và lưu lại với kiểu "Excel Workbook (*.xlsx)".';
const NOT_REPAIRED =
  'Chương trình không tự sửa tệp để không làm mất dữ liệu; hãy mở tệp trong Excel, lưu lại rồi thử lại.';

/** What each limit is, with its value, for "vượt giới hạn …". */
function limitText(limit: LimitName, v: number): string {
  switch (limit) {
    case 'fileBytes':
      return `${megabytes(v)} của một tệp`;
    case 'zipEntries':
      return `${viNumber(v)} phần trong một tệp`;
    case 'sheets':
      return `${viNumber(v)} trang tính trong một sổ làm việc`;
    case 'partBytes':
      return `${megabytes(v)} của một phần khi giải nén`;
    case 'unzippedBytes':
      return `${megabytes(v)} của cả tệp khi giải nén`;
    case 'xmlDepth':
      return `${viNumber(v)} cấp thẻ XML lồng nhau`;
    case 'cellsRead':
      return `${viNumber(v)} ô được đọc một lần`;
    case 'readBytes':
      return `${megabytes(v)} dữ liệu ô được đọc một lần`;
    case 'gridCells':
      return `${viNumber(v)} ô của vùng dữ liệu một trang`;
    case 'rows':
      return `${viNumber(v)} dòng của Excel`;
    case 'columns':
      return `${viNumber(v)} cột (đến cột XFD) của Excel`;
    case 'cellChars':
      return `${viNumber(v)} ký tự trong một ô của Excel`;
    case 'formulaChars':
      return `${viNumber(v)} ký tự của một công thức trong Excel`;
  }
}

/** Why a file could not be read, as the rest of the sentence after "Không đọc được tệp: ". */
export function unreadableReason(reason: UnreadableReason): string {
  switch (reason.kind) {
    case 'notXlsx':
      return 'tệp không phải .xlsx hoặc đã hỏng.';
    case 'legacyXls':
      return `đây là tệp Excel 97–2003 (.xls), không phải .xlsx. ${SAVE_AS_XLSX}`;
    case 'encrypted':
      return 'tệp được đặt mật khẩu (đã mã hóa). Hãy mở tệp trong Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu, xóa mật khẩu), lưu lại rồi thử lại.';
    case 'strict':
      return `tệp được lưu ở định dạng "Strict Open XML", chương trình chưa hỗ trợ. ${SAVE_AS_XLSX}`;
    case 'notWorkbook':
      return 'tệp là gói Office nhưng không phải sổ làm việc Excel (có thể là tệp Word hoặc PowerPoint bị đổi đuôi), không phải .xlsx.';
    case 'damaged':
      return reason.part
        ? `tệp .xlsx bị hỏng (phần ${reason.part} không đọc được), không phải .xlsx hợp lệ. Có thể tệp chưa tải về hết; hãy lấy lại tệp gốc.`
        : 'tệp .xlsx bị hỏng hoặc không trọn vẹn, không phải .xlsx hợp lệ. Có thể tệp chưa tải về hết; hãy lấy lại tệp gốc.';
    case 'limit': {
      const where = reason.sheet ? ` (trang '${reason.sheet}')` : reason.part ? ` (phần ${reason.part})` : '';
      if (reason.limit === 'rows' || reason.limit === 'columns') {
        const found = reason.found !== undefined ? ` ${viNumber(reason.found)}` : '';
        const what = reason.limit === 'rows' ? `ô ở dòng${found}` : `ô ở cột thứ${found}`;
        return `tệp có ${what}${where}, vượt quá ${limitText(reason.limit, reason.max)}: tệp bị hỏng hoặc bị sửa sai cấu trúc.`;
      }
      if (reason.limit === 'cellChars' || reason.limit === 'formulaChars') {
        const what = reason.limit === 'cellChars' ? 'ô' : 'công thức';
        const found = reason.found !== undefined ? ` ${viNumber(reason.found)} ký tự` : '';
        return `tệp có ${what} dài${found}${where}, vượt quá ${limitText(reason.limit, reason.max)}: tệp bị hỏng hoặc không do Excel tạo ra.`;
      }
      if (reason.limit === 'xmlDepth') {
        return `các thẻ XML${where} lồng nhau sâu quá ${viNumber(reason.max)} cấp: tệp bị hỏng hoặc bị sửa sai cấu trúc.`;
      }
      return `tệp quá lớn${where}: vượt giới hạn ${limitText(reason.limit, reason.max)} mà chương trình đọc được. Không tệp theo dõi thật nào lớn đến vậy; có thể tệp bị hỏng hoặc là "bom nén".`;
    }
    case 'duplicateEntry':
      return `gói .xlsx có hai phần cùng tên '${reason.name}'. ${NOT_REPAIRED}`;
    case 'entryOutside':
      return `gói .xlsx có phần mang tên nằm ngoài gói ('${reason.name}'). ${NOT_REPAIRED}`;
    case 'relationshipOutside':
      return `phần ${reason.source || '_rels/.rels'} trỏ tới '${reason.target}', nằm ngoài gói .xlsx. ${NOT_REPAIRED}`;
  }
}

/** The whole line for a file the adapter cannot read. */
export function unreadableMessage(reason: UnreadableReason): string {
  return `Không đọc được tệp: ${unreadableReason(reason)}`;
}

/** Reading and writing workbook files on disk (files.ts): what could not be read or written, and why. */
export const FILES = {
  kinds: {
    directory: 'một thư mục',
    fifo: 'một đường ống (FIFO)',
    socket: 'một socket',
    device: 'một thiết bị',
    other: 'không phải tệp thông thường',
  },
  notFound: (p: string) => `Không tìm thấy tệp "${p}".`,
  directory: (p: string) => `"${p}" là một thư mục, không phải tệp .xlsx.`,
  notRegular: (p: string, kind: string) =>
    `"${p}" là ${kind}, không phải tệp thông thường: chương trình chỉ đọc và ghi tệp .xlsx.`,
  tooLarge: (p: string, maxBytes: number) =>
    `Không đọc được tệp "${p}": tệp lớn hơn ${megabytes(maxBytes)}, giới hạn mà chương trình đọc được.`,
  noReadPermission: (p: string) => `Không đọc được tệp "${p}": không có quyền đọc tệp này.`,
  readFailed: (p: string, code: string) => `Không đọc được tệp "${p}" (lỗi hệ thống ${code}).`,
  readOnly: (p: string) =>
    `Không ghi tệp "${p}" vì tệp đang ở chế độ chỉ đọc; tệp được giữ nguyên. Hãy bỏ chế độ chỉ đọc hoặc ghi ra tệp khác bằng --out.`,
  noWritePermission: (p: string) =>
    `Không ghi được tệp "${p}": không có quyền ghi tệp này; tệp được giữ nguyên.`,
  folderNotWritable: (dir: string) =>
    `Không ghi được vào thư mục "${dir}": không có quyền ghi hoặc thư mục chỉ đọc.`,
  folderMissing: (dir: string) => `Không ghi được: thư mục "${dir}" không tồn tại.`,
  noSpace: (p: string) => `Không ghi được tệp "${p}": ổ đĩa đã đầy. Tệp cũ vẫn còn nguyên.`,
  busy: (p: string) =>
    `Không ghi được tệp "${p}": tệp đang bị chương trình khác (có thể là Excel) mở hoặc khóa. Hãy đóng tệp rồi thử lại.`,
  changed: (p: string) =>
    `Không ghi tệp "${p}": tệp vừa bị chương trình khác thay đổi trong lúc xử lý, ghi đè sẽ làm mất thay đổi đó. Hãy chạy lại lệnh.`,
  writeFailed: (p: string, code: string) =>
    `Không ghi được tệp "${p}" (lỗi hệ thống ${code}). Tệp cũ vẫn còn nguyên.`,
} as const;

/** The lock that keeps two writers off one workbook file (fileLock.ts). */
export const FILES_LOCK = {
  busy: (p: string, seconds: number, lockPath: string) =>
    `Tệp "${p}" đang được cập nhật bởi một lệnh cchc khác; đã chờ ${seconds} giây mà chưa xong. Hãy thử lại sau. Nếu chắc chắn không còn lệnh nào đang chạy, hãy xóa tệp khóa "${lockPath}".`,
  cannotLock: (p: string, code: string) =>
    `Không ghi được tệp "${p}": không tạo được tệp khóa bên cạnh (lỗi hệ thống ${code}).`,
} as const;
