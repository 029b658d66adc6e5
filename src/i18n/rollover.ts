/**
 * What "Chuyển sang năm mới" (`cchc rollover`, src/app/rollover.ts) says, in the CLI and in the pane. Apart
 * from vi.ts so that the pane's first screen does not carry it: the pane loads it with the action.
 */
import { CARRIED_NOTE, SETTING_LABEL, SHEET, TTHC_HEADERS } from './vi';

/** The outcome's message and its lines. */
export const ROLLOVER = {
  /** Ghi chú of a carried row, after what the user wrote there (src/domain/rollover.ts noteWithCarry). */
  carriedNote: CARRIED_NOTE.text,
  carriedNoteAfterError: (note: string, error: string) => `${note}; ô Ghi chú cũ báo lỗi ${error}`,
  done: (to: number, planRows: number, carried: number, from: number) =>
    carried === 0
      ? `Đã tạo bảng theo dõi năm ${to}: ${planRows} nhiệm vụ của kế hoạch; không có nhiệm vụ nào của năm ${from} cần chuyển sang. Tệp năm ${from} giữ nguyên.`
      : `Đã tạo bảng theo dõi năm ${to}: ${planRows} nhiệm vụ của kế hoạch và ${carried} nhiệm vụ chưa xong chuyển từ năm ${from} (ở cuối bảng, cột Ghi chú ghi "Chuyển từ năm ${from}"). Tệp năm ${from} giữ nguyên.`,
  /** One carried row, as the CLI lists it and the pane shows it. */
  resultsLeftBehind: (written: number, from: number, to: number) =>
    `Trang "${SHEET.results}" năm ${to} có sẵn dòng cho các nhiệm vụ của kế hoạch và các nhiệm vụ được chuyển sang, để ghi kết quả từng quý của năm ${to}; ${written} nội dung đã ghi cho các quý năm ${from} vẫn ở tệp năm ${from}.`,
  carriedRow: (row: number, newRow: number, task: string, deadline: string | null, state: string) =>
    `Dòng ${row} → dòng ${newRow}: ${task || '(không đọc được nội dung)'}${deadline ? ` — hạn ${deadline}` : ''} — ${state}`,
  dataErrorRows: (rows: { row: number; newRow: number }[]) =>
    `${rows.length} dòng có lỗi dữ liệu được chuyển nguyên trạng, hãy sửa ở bảng mới (bấm "Kiểm tra dữ liệu"): ${rows
      .map((r) => `dòng ${r.row} (nay là dòng ${r.newRow})`)
      .join(', ')}.`,
  notTasks: (rows: number[]) =>
    `Không chuyển ${rows.length} dòng không có nội dung nhiệm vụ (dòng ${rows.join(', ')}): bảng theo dõi không tính các dòng này.`,
  userSheets: (names: string[], from: number) =>
    `Không chép các trang riêng ${names.map((n) => `"${n}"`).join(', ')}: sổ mới là bảng theo dõi, không phải bản lưu trữ; các trang này vẫn ở tệp năm ${from}.`,
  userColumns: (headers: string[], from: number) =>
    `Không chép các cột riêng ${headers.map((h) => `"${h}"`).join(', ')} của trang "${SHEET.tracker}"; các cột này vẫn ở tệp năm ${from}.`,
  formulaValues: (cells: string[]) =>
    `${cells.length} ô của các dòng được chuyển là công thức, được chép thành giá trị đang hiện: ${SHEET.tracker}!${cells
      .slice(0, 5)
      .join(', ')}${cells.length > 5 ? ', …' : ''}.`,
  settingFollowed: (label: string, value: string, to: number) =>
    `Cài đặt "${label}" đang để mặc định nên đổi theo mặc định của năm ${to}: ${value}.`,
  tthcCarried: (pending: readonly { field: string; count: number }[], from: number, to: number) =>
    pending.length === 0
      ? `Trang "${SHEET.tthc}" năm ${to}: cuối tháng 12/${from} không còn hồ sơ nào đang giải quyết, nên tháng 1 không có hồ sơ kỳ trước chuyển sang.`
      : `Trang "${SHEET.tthc}" năm ${to}: cột "${TTHC_HEADERS.carriedOver}" của tháng 1 là số hồ sơ còn đang giải quyết cuối tháng 12/${from}: ${pending
          .map((p) => `${p.field} ${p.count}`)
          .join('; ')}.`,
  tthcDecemberMissing: (from: number, to: number) =>
    `Trang "${SHEET.tthc}" năm ${to} đã tạo trống: tháng 12/${from} chưa có số liệu nên chưa biết số hồ sơ chuyển sang. Khi có số liệu tháng 12, hãy nhập số hồ sơ còn đang giải quyết của từng lĩnh vực vào cột "${TTHC_HEADERS.carriedOver}" của tháng 1/${to} (hoặc chạy lại việc chuyển năm).`,
  tthcUnlistedFields: (fields: readonly string[]) =>
    `Lĩnh vực chưa có trong danh mục nhưng còn hồ sơ tháng 12 được thêm dòng ở trang "${SHEET.tthc}": ${fields.join(', ')}.`,
  tthcDecemberErrors: (rows: readonly number[], from: number) =>
    `Trang "${SHEET.tthc}" năm ${from} có ${rows.length} dòng tháng 12 bị lỗi dữ liệu (dòng ${rows.join(', ')}), không được tính: số hồ sơ chuyển sang tháng 1 có thể thiếu; hãy kiểm tra lại.`,
  tthcUnplaced: (count: number, from: number) =>
    `${count} hồ sơ còn đang giải quyết cuối tháng 12/${from} thuộc lĩnh vực ghi khác cách viết trong danh mục (tính vào "Khác"), chưa chuyển sang tháng 1: hãy nhập tay vào đúng lĩnh vực.`,
  trackerBroken: (first: string) => `Không chuyển được sang năm mới: ${first}`,
  heldByCarried: (count: number, from: number, to: number) =>
    `${count} nhiệm vụ của kế hoạch năm ${to} không tạo dòng mới vì dòng chưa xong của năm ${from} đã được chuyển sang (giữ hạn, tiến độ và ghi chú của năm ${from}): mỗi nhiệm vụ chỉ có một dòng.`,
  sourceInFuture: (from: number, thisYear: number) =>
    `Không chuyển sang năm mới: bảng theo dõi là của năm ${from}, sau năm nay (${thisYear}). Hãy kiểm tra "${SETTING_LABEL.year}" ở trang "${SHEET.settings}" hoặc ngày giờ của máy tính.`,
  tthcDecemberGap: (fields: readonly string[], from: number, to: number) =>
    `Trang "${SHEET.tthc}" năm ${to}: ${fields.join(', ')} có số liệu các tháng trước nhưng chưa có số liệu tháng 12/${from}, nên cột "${TTHC_HEADERS.carriedOver}" của tháng 1/${to} để trống. Khi có số liệu tháng 12, hãy nhập số hồ sơ còn đang giải quyết của các lĩnh vực này vào đó.`,
  yearUnknown: () =>
    `Không chuyển được sang năm mới: trang "${SHEET.settings}" không có "${SETTING_LABEL.year}" hợp lệ, nên không biết bảng theo dõi là của năm nào. Hãy ghi năm ở trang "${SHEET.settings}" rồi thử lại.`,
  wrongYear: (to: number, from: number) =>
    `Không chuyển sang năm ${to} được: bảng theo dõi là của năm ${from}, chỉ chuyển được sang năm ${from + 1}.`,
  targetTaken: (sheet: string) =>
    `Sổ làm việc mới đã có trang "${sheet}": phần bổ trợ chỉ tạo bảng năm mới trong một sổ trống.`,
} as const;

/** How the pane hands the new workbook over (src/taskpane/rolloverFile.ts). */
export const ROLLOVER_PANE = {
  fileName: (year: number) => `ke-hoach-cchc-${year}.xlsx`,
  opened: (year: number, file: string) =>
    `Sổ năm ${year} đã mở trong một cửa sổ Excel mới và chưa được lưu: hãy lưu sổ đó (Ctrl+S), ví dụ với tên ${file}.`,
  download: (year: number, file: string) =>
    `Bấm "Tải tệp ${file}" để lưu sổ năm ${year}, rồi mở tệp đó bằng Excel.`,
  notOpened: (year: number, file: string) =>
    `Excel chưa mở được sổ năm ${year} trong cửa sổ mới. Bấm "Tải tệp ${file}" để lưu sổ, rồi mở tệp đó bằng Excel.`,
  /** Excel on a Mac opens the new window behind the current one (office-js#6943). */
  openedMac: (year: number, file: string) =>
    `Sổ năm ${year} đã mở trong một cửa sổ Excel mới, có thể nằm phía sau cửa sổ này (xem menu Window của Excel), và chưa được lưu: hãy lưu sổ đó (⌘S), ví dụ với tên ${file}.`,
  /** Excel on a Mac cannot save a file from the pane (office-js#2700), and the new window did not open. */
  noDownloadMac: (year: number) =>
    `Excel trên máy Mac chưa mở được sổ năm ${year} và không lưu được tệp từ ngăn này. Hãy mở sổ này bằng Excel trên web rồi bấm lại "Chuyển sang năm mới", hoặc dùng lệnh cchc rollover trên máy tính.`,
} as const;
