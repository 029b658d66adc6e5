/**
 * Why a write plan was refused: the one message table of workbook/planRules.ts, which both adapters use, so
 * that a plan the .xlsx file and the live workbook both refuse is refused in the same words.
 */
import { ACTION, countVi as viNumber } from './vi';

export const PLAN_ERROR = {
  badSheetName: (sheet: string, max: number) =>
    `Tên trang tính "${sheet}" không hợp lệ: không để trống, tối đa ${max} ký tự, không chứa : \\ / ? * [ ], không bắt đầu hay kết thúc bằng dấu nháy đơn, và không được là "History" (tên Excel dành riêng).`,
  sheetWrittenTwice: (sheet: string) => `Trang tính "${sheet}" được ghi hai lần trong cùng một lần cập nhật.`,
  sheetNotFound: (sheet: string) =>
    `Không tìm thấy trang tính "${sheet}"; có thể trang vừa bị xóa hoặc đổi tên. Hãy thử lại.`,
  sheetProtected: (sheet: string) => ACTION.sheetProtected(sheet),
  structureProtected: () =>
    'Cấu trúc sổ làm việc đang được bảo vệ nên không thể thêm, đổi tên hay ẩn trang tính. Hãy bỏ bảo vệ (Xem lại › Bảo vệ Sổ làm việc; Review › Protect Workbook) rồi thực hiện lại.',
  cellTooLong: (sheet: string, cell: string, length: number, max: number) =>
    `Ô ${cell} của trang "${sheet}" có ${viNumber(length)} ký tự; Excel chỉ cho phép tối đa ${viNumber(max)} ký tự trong một ô.`,
  badNumber: (sheet: string, cell: string) =>
    `Giá trị ở ô ${cell} của trang "${sheet}" không phải một số hữu hạn, nên không ghi được vào Excel.`,
  valueOverError: (sheet: string, cell: string) =>
    `Ô ${cell} của trang "${sheet}" vừa có giá trị vừa có giá trị lỗi cần giữ; mỗi ô chỉ giữ được một.`,
  formulaTooLong: (sheet: string, cell: string, length: number, max: number) =>
    `Công thức ở ô ${cell} của trang "${sheet}" dài ${viNumber(length)} ký tự; Excel chỉ cho phép tối đa ${viNumber(max)} ký tự.`,
  columnFormulaTooLong: (sheet: string, column: string, length: number, max: number) =>
    `Công thức của cột "${column}" (trang "${sheet}") dài ${viNumber(length)} ký tự; Excel chỉ cho phép tối đa ${viNumber(max)} ký tự.`,
  validationTextTooLong: (sheet: string, range: string, length: number, max: number) =>
    `Tiêu đề hoặc nội dung thông báo kiểm tra dữ liệu ở vùng ${range} của trang "${sheet}" dài ${viNumber(length)} ký tự; Excel chỉ cho phép tối đa ${viNumber(max)} ký tự.`,
  badAddress: (sheet: string, address: string) =>
    `Địa chỉ ô "${address}" trên trang tính "${sheet}" không hợp lệ.`,
  pastGrid: (sheet: string, address: string, rows: number) =>
    `Vùng ${address} trên trang tính "${sheet}" nằm ngoài trang tính của Excel (tối đa ${viNumber(rows)} dòng, đến cột XFD).`,
  badTableName: (sheet: string, table: string) =>
    `Tên bảng "${table}" (trang "${sheet}") không hợp lệ: tên bảng bắt đầu bằng chữ cái hoặc dấu gạch dưới, chỉ gồm chữ, số, dấu chấm và dấu gạch dưới, và không giống địa chỉ ô.`,
  tableNameTaken: (table: string, sheet: string | undefined) =>
    sheet
      ? `Trang "${sheet}" đã có một bảng tên "${table}", trùng tên bảng phần bổ trợ cần tạo. Hãy đổi tên bảng đó (Thiết kế Bảng › Tên Bảng) rồi thực hiện lại.`
      : `Tên bảng "${table}" đã được dùng cho một bảng hoặc tên vùng khác trong sổ làm việc. Hãy đổi tên bảng hoặc tên vùng đó rồi thực hiện lại.`,
  activateHidden: (sheet: string) => `Không thể chuyển đến trang tính "${sheet}" vì trang đang bị ẩn.`,
  noVisibleSheet: () => 'Sổ làm việc phải có ít nhất một trang tính hiển thị.',
} as const;
