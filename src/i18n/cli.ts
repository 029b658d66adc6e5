/** The CLI's own Vietnamese lines (usage, refusals, file errors). */

/** Usage of each command: the synopsis, then one line per option. */
const COMMAND_USAGE = {
  init: [
    '  cchc init [--year NĂM] [--out TỆP.xlsx]',
    '      Tạo bảng theo dõi kế hoạch CCHC của năm (trang Nhiệm vụ, Danh mục, Cài đặt).',
    '      --year NĂM        năm theo dõi, từ 1990 đến 2100 (mặc định: năm nay)',
    '      --out TỆP.xlsx    tệp ghi ra (mặc định: out/ke-hoach-cchc-NĂM.xlsx); tệp đã có thì thêm',
    '                        bảng theo dõi vào tệp đó (tệp .xlsx hoặc .xlsm)',
  ],
  check: [
    '  cchc check TỆP.xlsx [--today YYYY-MM-DD] [--json]',
    '      Kiểm tra dữ liệu: mỗi lỗi và cảnh báo kèm trang, ô và cách sửa. Không ghi gì vào tệp.',
    '      --today YYYY-MM-DD  ngày dùng để xét hạn (mặc định: hôm nay)',
    '      --json              in kết quả dạng JSON',
  ],
  report: [
    '  cchc report TỆP.xlsx [--period YYYY-Qn] [--as-of YYYY-MM-DD] [--out TỆP.xlsx | --docx [TỆP.docx] [--force]]',
    '              [--json]',
    '      Cập nhật trang Tổng hợp và ghi trang báo cáo của kỳ.',
    '      --period YYYY-Qn    kỳ báo cáo: Q1 quý I, Q2 6 tháng, Q3 9 tháng, Q4 năm, ví dụ 2026-Q2',
    '                          (mặc định: kỳ chứa ngày --as-of)',
    '      --as-of YYYY-MM-DD  ngày tính số liệu (mặc định: hôm nay; ngày sau hôm nay được nhận kèm',
    '                          cảnh báo)',
    '      --out TỆP.xlsx      ghi ra tệp khác, cùng đuôi với tệp gốc (mặc định: ghi vào chính tệp gốc)',
    '      --docx [TỆP.docx]   ghi báo cáo thành văn bản Word theo thể thức Nghị định 30/2020/NĐ-CP (để sửa,',
    '                          ký số và gửi); sổ làm việc không bị ghi. Không nêu TỆP.docx: ghi cạnh sổ, tên gồm',
    '                          đơn vị, kỳ và năm, ví dụ bao-cao-cchc-xa-long-dien-a-9-thang-nam-2026.docx',
    '      --force             cùng --docx: ghi đè TỆP.docx nếu đã có',
    '      --json              in số liệu của báo cáo dạng JSON',
  ],
  consolidate: [
    '  cchc consolidate ĐƯỜNG_DẪN… --period YYYY-Qn [--as-of YYYY-MM-DD] --out TỆP.xlsx [--json]',
    '      Tổng hợp sổ theo dõi của nhiều xã vào một sổ mới (không sửa tệp nào của xã): trang Tổng hợp',
    '      các xã, Nhiệm vụ quá hạn và Tệp không đọc được. ĐƯỜNG_DẪN là tệp .xlsx/.xlsm hoặc thư mục',
    '      (tìm cả thư mục con).',
    '      --period YYYY-Qn    kỳ báo cáo, ví dụ 2026-Q2 (6 tháng đầu năm 2026)',
    '      --as-of YYYY-MM-DD  ngày tính số liệu, chung cho mọi xã (mặc định: hôm nay)',
    '      --out TỆP.xlsx      sổ tổng hợp ghi ra (tệp .xlsx; tệp đã có thì được ghi đè)',
    '      --json              in số liệu từng xã, tổng cộng và các tệp không dùng được dạng JSON',
    '      Mã thoát: 0 mọi tệp đều dùng được; 1 có tệp không dùng được hoặc trùng xã; 2 lệnh sai.',
  ],
  demo: [
    '  cchc demo [--communes SỐ]',
    '      Tạo sổ mẫu trong thư mục out/: một năm đang thực hiện dở (có việc đúng hạn, một việc',
    '      hoàn thành quá hạn, một việc quá hạn) và báo cáo 9 tháng của năm đó.',
    '      --communes SỐ       tạo thêm sổ của SỐ xã (2 đến 99) trong out/cac-xa/, mỗi xã một tiến độ',
    '                          khác, để thử lệnh consolidate',
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
  fileUnreadable: (p: string) => `Không đọc được tệp "${p}" (không có quyền đọc, hoặc tệp vừa bị xóa).`,
  progress: (i: number, n: number, file: string, unit: string | undefined) =>
    `[${i}/${n}] ${file}: ${unit ?? 'không dùng được'}`,
  notUsed: (file: string, reason: string) => `Không dùng: ${file}: ${reason}`,
  badCommunes: (v: string) => `--communes "${v}" không hợp lệ: cần số xã từ 2 đến 99.`,
  demoCommunes: (n: number, dir: string, period: string, asOf: string) =>
    `Đã tạo sổ của ${n} xã trong ${dir}. Thử tổng hợp: cchc consolidate ${dir} --period ${period} --as-of ${asOf} --out out/tong-hop-cac-xa.xlsx`,
  fileNotFound: (p: string) => `Không tìm thấy tệp "${p}".`,
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
  notWritable: (p: string) =>
    `Không ghi được tệp "${p}". Hãy kiểm tra thư mục và quyền ghi, hoặc đóng tệp nếu đang mở.`,
  badDate: (name: string, v: string) => `--${name} "${v}" không phải ngày dạng YYYY-MM-DD.`,
  badYear: (v: string) => `--year "${v}" không hợp lệ: cần năm từ 1990 đến 2100.`,
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
  demoDay: (asOf: string) =>
    `Sổ mẫu: tiến độ giả định của một năm thực hiện kế hoạch, tính đến ngày ${vnDate(asOf)}, khi xã gửi báo cáo 9 tháng (hạn 05/09).`,
  internal: () => 'Có lỗi không mong đợi. Hãy thử lại; nếu vẫn lỗi, gửi tệp cho người phụ trách kỹ thuật.',
} as const;
