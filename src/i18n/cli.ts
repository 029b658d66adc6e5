/** The CLI's own Vietnamese lines (usage, refusals, file errors). */

/** Usage of each command: the synopsis, then one line per option. */
const COMMAND_USAGE = {
  init: [
    '  cchc init [--year NĂM] [--out TỆP.xlsx] [--unit "UBND xã …"] [--place ĐỊA_DANH]',
    '            [--signer-name "HỌ TÊN"] [--signer chu-tich|pho-chu-tich]',
    '      Tạo bảng theo dõi kế hoạch CCHC của năm (trang Nhiệm vụ, Danh mục, Cài đặt).',
    '      --year NĂM        năm theo dõi, từ 1990 đến 2100 (mặc định: năm nay)',
    '      --out TỆP.xlsx    tệp ghi ra (mặc định: out/ke-hoach-cchc-NĂM.xlsx); tệp đã có thì thêm',
    '                        bảng theo dõi vào tệp đó (tệp .xlsx hoặc .xlsm)',
    '      --unit TÊN        Tên đơn vị ở trang Cài đặt, ví dụ "UBND xã Mỹ Lương"',
    '      --place TÊN       Địa danh ở dòng ngày tháng của báo cáo, ví dụ "Mỹ Lương"',
    '      --signer-name TÊN Họ tên người ký báo cáo',
    '      --signer VAI      chu-tich (Chủ tịch ký) hoặc pho-chu-tich (Phó Chủ tịch ký thay; mặc định)',
    '                        Không ghi --unit, --place, --signer-name thì các ô đó để trống: báo cáo chỉ',
    '                        lập được khi đã ghi đủ ở trang Cài đặt. Các tùy chọn này chỉ dùng khi tạo',
    '                        trang Cài đặt mới.',
  ],
  check: [
    '  cchc check TỆP.xlsx [--today YYYY-MM-DD] [--json]',
    '      Kiểm tra dữ liệu: mỗi lỗi và cảnh báo kèm trang, ô và cách sửa. Không ghi gì vào tệp.',
    '      --today YYYY-MM-DD  ngày dùng để xét hạn (mặc định: hôm nay); nhận cả dd/mm/yyyy',
    '      --json              in kết quả dạng JSON',
  ],
  report: [
    '  cchc report TỆP.xlsx [--period YYYY-Qn] [--as-of YYYY-MM-DD] [--out TỆP.xlsx] [--docx [TỆP.docx]] [--force]',
    '              [--json]',
    '      Cập nhật trang Tổng hợp và ghi trang báo cáo của kỳ.',
    '      --period YYYY-Qn    kỳ báo cáo: Q1 quý I, Q2 6 tháng, Q3 9 tháng, Q4 năm, ví dụ 2026-Q2',
    '                          (mặc định: kỳ chứa ngày --as-of)',
    '      --as-of YYYY-MM-DD  ngày tính số liệu, nhận cả dd/mm/yyyy (mặc định: hôm nay; ngày sau hôm nay',
    '                          được nhận kèm cảnh báo)',
    '      --out TỆP.xlsx      ghi ra tệp khác, cùng đuôi với tệp gốc (mặc định: ghi vào chính tệp gốc);',
    '                          tệp đã có thì không ghi đè',
    '      --docx [TỆP.docx]   ghi báo cáo thành văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP (để sửa,',
    '                          ký số và gửi); sổ làm việc không bị ghi. Không nêu TỆP.docx: ghi cạnh sổ, tên gồm',
    '                          đơn vị, kỳ và năm, ví dụ bao-cao-cchc-xa-long-dien-a-9-thang-nam-2026.docx',
    '      --force             ghi đè tệp --out hoặc TỆP.docx nếu đã có',
    '      --json              in số liệu của báo cáo dạng JSON',
  ],
  fix: [
    '  cchc fix TỆP.xlsx [--yes] [--today YYYY-MM-DD]',
    '      Liệt kê các ô sửa được chắc chắn (ngày lưu dạng chữ, số lưu dạng chữ, chữ gõ khác danh mục…),',
    '      như nút "Sửa tự động" trong Excel; chỉ ghi vào tệp khi có --yes.',
    '      --yes               ghi các sửa đổi vào TỆP (mặc định: chỉ liệt kê, không ghi gì)',
    '      --today YYYY-MM-DD  ngày dùng để xét hạn (mặc định: hôm nay); nhận cả dd/mm/yyyy',
  ],
  consolidate: [
    '  cchc consolidate ĐƯỜNG_DẪN… --period YYYY-Qn [--as-of YYYY-MM-DD] --out TỆP.xlsx [--force] [--json]',
    '      Tổng hợp sổ theo dõi của nhiều xã vào một sổ mới (không sửa tệp nào của xã): trang Tổng hợp',
    '      các xã, Nhiệm vụ quá hạn, TTHC các xã (khi có xã nhập số hồ sơ) và Tệp không đọc được.',
    '      ĐƯỜNG_DẪN là tệp .xlsx/.xlsm hoặc thư mục (tìm cả thư mục con).',
    '      --period YYYY-Qn    kỳ báo cáo, ví dụ 2026-Q2 (6 tháng đầu năm 2026)',
    '      --as-of YYYY-MM-DD  ngày tính số liệu, chung cho mọi xã, nhận cả dd/mm/yyyy (mặc định: hôm nay)',
    '      --out TỆP.xlsx      sổ tổng hợp ghi ra (tệp .xlsx mới, ngoài các thư mục cần tổng hợp)',
    '      --force             ghi đè tệp --out nếu đã có (không bao giờ ghi đè tệp của xã)',
    '      --json              in số liệu từng xã, tổng cộng và các tệp không dùng được dạng JSON',
    '      Mã thoát: 0 mọi tệp đều dùng được; 1 có tệp không dùng được hoặc trùng xã; 2 lệnh sai.',
  ],
  demo: [
    '  cchc demo [--communes SỐ]',
    '      Tạo sổ mẫu trong thư mục out/: một năm đang thực hiện dở (có việc đúng hạn, một việc',
    '      hoàn thành quá hạn, một việc quá hạn) và báo cáo 9 tháng của năm đó.',
    '      --communes SỐ       tạo thêm sổ của SỐ xã (2 đến 99) trong out/cac-xa/, mỗi xã một tiến độ',
    '                          khác, để thử lệnh consolidate',
    '      Chỉ ghi đè sổ mẫu do cchc demo tạo trước đó, không bao giờ ghi đè tệp của người dùng.',
  ],
  rollover: [
    '  cchc rollover TỆP.xlsx --to NĂM --out TỆP-MỚI.xlsx [--json] [--force]',
    '      Tạo bảng theo dõi của năm mới trong tệp mới: các nhiệm vụ của kế hoạch năm đó, cùng các nhiệm vụ',
    '      chưa xong của TỆP (quá hạn, chưa đến hạn, dòng có lỗi dữ liệu), Cài đặt và Danh mục. TỆP giữ nguyên.',
    '      --to NĂM            năm mới: năm theo dõi của TỆP cộng 1',
    '      --out TỆP-MỚI.xlsx  tệp ghi ra (tệp .xlsx mới)',
    '      --force             ghi đè TỆP-MỚI.xlsx nếu đã có',
    '      --json              in kết quả dạng JSON',
  ],
  help: ['  cchc help [LỆNH]    (hoặc cchc --help, cchc LỆNH --help, -h)', '      Xem cách dùng.'],
} as const;

export type CliCommand = keyof typeof COMMAND_USAGE;

/** The commands, help last, in the order the usage lists them. */
const COMMANDS = Object.keys(COMMAND_USAGE) as CliCommand[];

const EXIT_CODES =
  'Mã thoát: 0 thành công (check: không có lỗi); 1 check thấy lỗi, hoặc consolidate có tệp không dùng được; 2 lệnh sai, tệp không đọc hoặc ghi được.';

const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export const CLI = {
  usage: [
    'Cách dùng: cchc LỆNH [TỆP] [TÙY CHỌN]',
    '',
    ...Object.values(COMMAND_USAGE).flat(),
    '',
    EXIT_CODES,
  ].join('\n'),
  commandUsage: (command: CliCommand): string =>
    ['Cách dùng:', ...COMMAND_USAGE[command], '', EXIT_CODES].join('\n'),
  seeHelp: (command?: string): string =>
    `Gõ "cchc ${command && command in COMMAND_USAGE ? `${command} ` : ''}--help" để xem cách dùng.`,
  missingCommand: `Thiếu lệnh (${COMMANDS.slice(0, -2).join(', ')} hoặc ${COMMANDS[COMMANDS.length - 2]}).`,
  unknownCommand: (c: string) => `Lệnh "${c}" không có. Dùng: ${COMMANDS.join(', ')}.`,
  unknownOption: (command: string, option: string, guess?: string) =>
    `Lệnh ${command} không có tùy chọn ${option}${guess ? ` (có phải ${guess}?)` : ''}.`,
  missingValue: (option: string) => `Thiếu giá trị cho ${option}.`,
  flagTakesNoValue: (option: string) => `Tùy chọn ${option} không nhận giá trị.`,
  optionTwice: (option: string) => `Tùy chọn ${option} được nhập hai lần: chỉ nhập một lần.`,
  badArguments: (command: string) => `Đối số của lệnh ${command} không hợp lệ.`,
  extraArgument: (command: string, arg: string, files: number) =>
    files === 0
      ? `Lệnh ${command} không nhận đối số "${arg}".`
      : `Thừa đối số "${arg}": lệnh ${command} chỉ nhận một tệp.`,
  missingFile: () => 'Thiếu tên tệp .xlsx.',
  missingPaths: () => 'Thiếu tệp hoặc thư mục cần tổng hợp (các tệp .xlsx của các xã).',
  pathNotFound: (p: string) => `Không tìm thấy tệp hoặc thư mục "${p}".`,
  noWorkbooks: (paths: string) => `Không tìm thấy tệp .xlsx hoặc .xlsm nào trong ${paths}.`,
  outIsCommuneFile: (p: string) =>
    `--out "${p}" là một trong các tệp cần tổng hợp: lệnh tổng hợp không bao giờ ghi vào tệp của xã. Hãy chọn tên khác.`,
  outNotXlsx: (p: string) => `--out "${p}": sổ tổng hợp là sổ mới, không có macro, nên phải là tệp .xlsx.`,
  brokenLink: 'liên kết hỏng (tệp nó trỏ tới không còn).',
  sourceGone: 'tệp vừa bị xóa hoặc đổi tên trong lúc tổng hợp.',
  entryKind: {
    directory: 'liên kết tới một thư mục (không đi theo).',
    fifo: 'một đường ống (FIFO), không phải tệp .xlsx.',
    socket: 'một socket, không phải tệp .xlsx.',
    device: 'một thiết bị, không phải tệp .xlsx.',
    other: 'không phải tệp thông thường.',
  },
  fileUnreadable: (p: string) => `Không đọc được tệp "${p}" (không có quyền đọc, hoặc tệp vừa bị xóa).`,
  progress: (i: number, n: number, file: string, unit: string | undefined) =>
    `[${i}/${n}] ${file}: ${unit ?? 'không dùng được'}`,
  notUsed: (file: string, reason: string) => `Không dùng: ${file}: ${reason}`,
  badCommunes: (v: string) => `--communes "${v}" không hợp lệ: cần số xã từ 2 đến 99.`,
  demoCommunes: (n: number, dir: string, period: string, asOf: string) =>
    `Đã tạo sổ của ${n} xã trong ${dir}. Thử tổng hợp: cchc consolidate ${dir} --period ${period} --as-of ${asOf} --out out/tong-hop-cac-xa.xlsx`,
  isDirectory: (p: string, option?: string) =>
    `${option ? `${option} ` : ''}"${p}" là thư mục, không phải tệp .xlsx.`,
  badExtension: (option: string, p: string) => `${option} "${p}" phải là tệp .xlsx hoặc .xlsm.`,
  extensionMismatch: (p: string, ext: string, input: string) =>
    `--out "${p}" phải có đuôi ${ext} như tệp gốc "${input}": Excel không mở tệp có đuôi không đúng loại.`,
  newFileNotXlsx: (p: string) =>
    `--out "${p}": sổ mới không có macro nên phải là tệp .xlsx (Excel không mở tệp .xlsm không có macro).`,
  unreadable: (p: string) => `Không đọc được tệp "${p}": tệp không phải .xlsx hoặc đã hỏng.`,
  /** `reason` is the rest of the sentence, from i18n/xlsx.ts (unreadableReason). */
  unreadableBecause: (p: string, reason: string) => `Không đọc được tệp "${p}": ${reason}`,
  interrupted:
    'Đã dừng theo yêu cầu. Tệp sổ làm việc vẫn nguyên vẹn (bản cũ, hoặc bản mới đã ghi xong); tệp tạm đã được dọn.',
  interruptedNotWritten: (files: readonly string[]) =>
    `Đã dừng theo yêu cầu: chưa ghi ${files.map((f) => `"${f}"`).join(', ')} (tệp đã có trước đó vẫn nguyên vẹn); tệp tạm và tệp khóa đã được dọn.`,
  outIsAnInput: (p: string, input: string) =>
    `--out "${p}" là một tệp đầu vào ("${input}"): lệnh không bao giờ ghi đè tệp nó đang đọc. Hãy chọn tên khác cho --out.`,
  outInInputFolder: (p: string, input: string) =>
    `--out "${p}" là một tệp nằm trong thư mục cần tổng hợp ("${input}"): tổng hợp không bao giờ ghi đè tệp đầu vào. Hãy ghi ra ngoài thư mục đó.`,
  openInProgram: (p: string, program: string, owner: string) =>
    `Không ghi tệp "${p}": tệp đang mở trong ${program} (có tệp "${owner}" bên cạnh), lần lưu sau của ${program} sẽ xóa mất thay đổi. Hãy đóng tệp rồi chạy lại; nếu ${program} đã đóng mà vẫn thấy thông báo này, hãy xóa tệp "${owner}".`,
  noRoom: (p: string, dir: string) =>
    `Không ghi được tệp "${p}": ổ đĩa chứa thư mục "${dir}" đã đầy (chưa đọc tệp đầu vào nào). Hãy giải phóng chỗ trống hoặc ghi ra nơi khác.`,
  demoNotOwn: (p: string) =>
    `Tệp "${p}" đã có và không phải sổ mẫu do cchc demo tạo: không ghi đè. Hãy đổi tên hoặc chuyển tệp đó đi rồi chạy lại cchc demo.`,
  badDate: (name: string, v: string) =>
    `--${name} "${v}" không phải một ngày: hãy gõ ngày dạng dd/mm/yyyy (ví dụ 05/09/2026) hoặc YYYY-MM-DD (2026-09-05).`,
  dateDoesNotExist: (
    name: string,
    v: string,
    day: number,
    month: number,
    year: number,
    monthDays: number | undefined,
  ) =>
    monthDays === undefined
      ? `--${name} "${v}": không có tháng ${month} (tháng từ 1 đến 12).`
      : `--${name} "${v}": ngày ${day}/${month}/${year} không có (tháng ${month} năm ${year} có ${monthDays} ngày).`,
  badPeriodOrDay: (v: string) =>
    `--period "${v}" không hợp lệ: cần dạng YYYY-Qn (ví dụ 2026-Q2), hoặc một ngày dd/mm/yyyy để lấy kỳ chứa ngày đó.`,
  badYear: (v: string) => `--year "${v}" không hợp lệ: cần năm từ 1990 đến 2100.`,
  badSigner: (v: string) =>
    `--signer "${v}" không hợp lệ: cần chu-tich (Chủ tịch ký) hoặc pho-chu-tich (Phó Chủ tịch ký thay Chủ tịch).`,
  emptyOption: (option: string) => `${option} để trống: hãy ghi giá trị, hoặc bỏ tùy chọn này.`,
  badYearOption: (option: string, v: string) =>
    `${option} "${v}" không hợp lệ: cần năm gồm 4 chữ số, từ 1990 đến 2100.`,
  missingOption: (option: string, value: string) => `Thiếu tùy chọn ${option} ${value}.`,
  /** What a missing option's value is, in missingOption: "Thiếu tùy chọn --out TỆP.xlsx." */
  fileValue: 'TỆP.xlsx',
  yearValue: 'NĂM',
  /** One problem of `cchc check`: "LỖI Nhiệm vụ!C5: …", "Cảnh báo …". */
  problemLine: (severity: 'error' | 'warning', sheet: string, cell: string, message: string) =>
    `${severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${sheet}!${cell}: ${message}`,
  outExists: (p: string) =>
    `Tệp "${p}" đã có: không ghi đè. Hãy chọn tên khác cho --out, hoặc thêm --force để ghi đè.`,
  outIsInput: (p: string, input: string) =>
    `--out "${p}" là chính tệp "${input}": tệp của năm cũ không bao giờ bị ghi. Hãy chọn tên khác cho --out.`,
  badPeriod: (v: string) => `--period "${v}" không hợp lệ: cần dạng YYYY-Qn, ví dụ 2026-Q2.`,
  asOfBeforePeriod: (asOf: string, period: string, calendarFrom: string, decreeFrom: string) =>
    `--as-of ${asOf} ở trước khi kỳ ${period} bắt đầu (${vnDate(calendarFrom)}; ${vnDate(decreeFrom)} nếu Cài đặt tính kỳ theo Nghị định 09/2019/NĐ-CP).`,
  todayBeforePeriod: (today: string, period: string, calendarFrom: string, decreeFrom: string) =>
    `--period ${period}: hôm nay (${vnDate(today)}) kỳ này chưa bắt đầu (${vnDate(calendarFrom)}; ${vnDate(decreeFrom)} nếu Cài đặt tính kỳ theo Nghị định 09/2019/NĐ-CP). Hãy chọn kỳ khác, hoặc thêm --as-of.`,
  asOfInFuture: (asOf: string, today: string) =>
    `Cảnh báo: --as-of ${asOf} ở sau hôm nay (${vnDate(today)}): số liệu tính như thể đến ngày đó, hãy kiểm tra lại ngày trước khi gửi báo cáo.`,
  written: (p: string) => `Đã ghi: ${p}`,
  /** What `cchc check` says instead of the pane's button. */
  fixHint: (file: string) => `chạy lệnh "cchc fix ${file}" (thêm --yes để ghi)`,
  fixLine: (sheet: string, cell: string, was: string, becomes: string) =>
    `Sửa ${sheet}!${cell}: "${was}" → "${becomes}"`,
  noFixes: 'Không có ô nào sửa tự động được.',
  initHint: 'chạy lệnh "cchc init --out TỆP.xlsx"',
  rolloverCheckHint: (out: string) => `chạy lệnh "cchc check ${out}"`,
  isConsolidationWorkbook: (file: string) =>
    `"${file}" là sổ tổng hợp các xã (do cchc consolidate tạo), không phải bảng theo dõi của một xã: không có gì để kiểm tra ở đây. Hãy kiểm tra tệp của từng xã.`,
  fixNeedsYes: (n: number, file: string) =>
    `Có ${n} ô sửa được. Chưa ghi gì: chạy lại "cchc fix ${file} --yes" để ghi các sửa đổi trên vào tệp.`,
  demoDay: (asOf: string) =>
    `Sổ mẫu: tiến độ giả định của một năm thực hiện kế hoạch, tính đến ngày ${vnDate(asOf)}, khi xã gửi báo cáo 9 tháng (hạn 05/09).`,
  internal: () => 'Có lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, gửi tệp cho người phụ trách kỹ thuật.',
} as const;
