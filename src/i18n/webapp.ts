/**
 * What the web app (dist/app/, src/webapp) says beside the task pane: opening, saving, offline and updates.
 * The pane's own words are in ui.ts; why a file cannot be read is xlsx.ts's (the CLI's words).
 */
export const WEBAPP = {
  heading: 'Theo dõi Kế hoạch CCHC',
  intro:
    'Mở tệp Excel (.xlsx) của cơ quan, làm việc với ngăn bên trái, rồi lưu lại. Tệp chỉ được xử lý trên máy này, không gửi đi đâu.',
  loading: 'Đang tải…',
  openFile: 'Mở tệp…',
  pickerDescription: 'Sổ làm việc Excel',
  fileInputLabel: 'Chọn tệp sổ làm việc (.xlsx, .xlsm)',
  newTracker: 'Tạo bảng theo dõi mới',
  save: 'Lưu',
  download: 'Tải về',
  saving: 'Đang lưu…',
  opening: (name: string) => `Đang mở tệp "${name}"…`,
  creating: 'Đang tạo sổ làm việc mới…',
  dropHint: 'Hoặc kéo thả tệp .xlsx/.xlsm vào đây.',
  welcomeTitle: 'Bắt đầu',
  welcome:
    'Chọn "Mở tệp…" để mở bảng theo dõi của xã (hoặc một sổ làm việc bất kỳ để tạo bảng theo dõi trong đó), hoặc "Tạo bảng theo dõi mới".',
  privacy:
    'Mọi việc diễn ra ngay trong trình duyệt trên máy này: tệp không được tải lên máy chủ nào, trang không dùng công cụ thống kê nào.',
  workbookLabel: (name: string) => `Sổ làm việc: ${name}`,
  newWorkbookName: 'Sổ làm việc mới',
  unsaved: 'Có thay đổi chưa lưu',
  allSaved: 'Đã lưu mọi thay đổi',
  /** The file's own name when it has one; a new workbook's from its plan year. */
  fileName: (year: number) => `ke-hoach-cchc-${year}.xlsx`,
  /** Saving. */
  savedInPlace: (name: string) => `Đã lưu vào tệp "${name}" trên máy (ghi đè bản cũ).`,
  downloaded: (name: string) =>
    `Đã tải về tệp "${name}" (thường nằm trong thư mục Tải xuống). Trình duyệt này không ghi thẳng vào tệp đã mở được, nên hãy dùng tệp vừa tải về thay cho tệp cũ.`,
  downloadedNoHandle: (name: string) =>
    `Đã tải về tệp "${name}" (thường nằm trong thư mục Tải xuống). Tệp được mở bằng cách kéo thả hoặc ô chọn tệp nên trình duyệt không cho ghi đè; hãy dùng tệp vừa tải về thay cho tệp cũ.`,
  downloadedCopy: (name: string) =>
    `Đã tải về một bản sao "${name}" (thường nằm trong thư mục Tải xuống); tệp đã mở không bị ghi đè.`,
  noSaveApi:
    'Trình duyệt này (ví dụ Firefox, Safari) không cho trang web ghi thẳng vào tệp trên máy: nút "Tải về" sẽ tải tệp đã sửa về thư mục Tải xuống. Muốn lưu đè lên đúng tệp, hãy dùng Chrome hoặc Edge.',
  permissionDenied: (name: string) =>
    `Chưa lưu: trình duyệt không được phép ghi vào tệp "${name}". Tệp trên máy vẫn giữ nguyên. Hãy bấm "Lưu" lại và chọn "Cho phép" (Allow), hoặc bấm "Tải về" để lưu một bản sao.`,
  writeFailed: (name: string, detail: string) =>
    `Không ghi được vào tệp "${name}" (${detail}). Tệp trên máy vẫn giữ nguyên; hãy bấm "Tải về" để lưu một bản sao.`,
  saveFailed: (detail: string) => `Chưa lưu được: ${detail}`,
  changedOnDisk: (name: string) =>
    `Tệp "${name}" trên máy đã bị thay đổi (có thể bởi Excel hoặc người khác) sau khi mở ở đây. Ghi đè sẽ làm mất những thay đổi đó.`,
  overwrite: 'Vẫn ghi đè',
  downloadCopy: 'Tải về bản sao',
  cancel: 'Hủy',
  /** Opening. */
  cannotOpen: (name: string, reason: string) => `Không mở được tệp "${name}": ${reason}`,
  cannotOpenDetail: (name: string, detail: string) => `Không mở được tệp "${name}": ${detail}`,
  pickerFailed: (detail: string) =>
    `Không mở được hộp chọn tệp của trình duyệt (${detail}). Hãy kéo thả tệp vào trang.`,
  notAFile: 'Thứ vừa thả vào không phải một tệp. Hãy thả một tệp .xlsx hoặc .xlsm.',
  oneFileOnly:
    'Mỗi lần chỉ mở một tệp. Để tổng hợp nhiều xã, hãy mở (hoặc tạo) một tệp rồi dùng "Tổng hợp nhiều xã" trong ngăn.',
  replaceUnsaved: 'Tệp đang mở có thay đổi chưa lưu. Mở tệp khác sẽ bỏ các thay đổi đó. Vẫn mở?',
  leaveUnsaved: 'Có thay đổi chưa lưu. Rời trang sẽ mất các thay đổi đó.',
  updateReady: 'Đã có phiên bản mới của ứng dụng. Lưu tệp đang mở rồi bấm "Dùng phiên bản mới".',
  useUpdate: 'Dùng phiên bản mới',
  updated: 'Đã có phiên bản mới… Ứng dụng vừa được cập nhật lên phiên bản mới nhất.',
  close: 'Đóng',
} as const;
