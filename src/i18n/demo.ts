/**
 * The demo's own words (src/app/demo.ts, `npm run demo`, `cchc demo --communes N`): what a commune office wrote
 * in its tracker by 05/09 (the tasks it did and the documents that prove them), the dossier fields it typed,
 * why a field was late, and the made-up communes' names. Data, as src/domain/plan.ts is: the demo's logic
 * stays in src/app/demo.ts. Apart from vi.ts so that neither the pane nor the CLI's other commands load it.
 */

/** What the office recorded for one task. Dates are month-days of the tracker's year ("03-27"). */
export interface DemoProgress {
  section: string;
  /** The start of the task's text in the plan, enough to tell it from the other tasks of its Mục. */
  task: string;
  /** The deadline's month-day, for a task that recurs (the same text several times a year). */
  due?: string;
  status: 'done' | 'inProgress';
  done?: string;
  /** Kết quả / Hồ sơ minh chứng; `{d}` is the completion day (dd/mm/yyyy), `{y}` the year. */
  evidence?: string;
  note?: string;
}

const MONTHLY_REVIEW = 'Họp định kỳ rà soát, đánh giá, rút kinh nghiệm';
const STEERING_MEETING = 'Ban điều hành CCHC cấp xã họp định kỳ';

/** The monthly TTHC reviews (II.3) of January–August: held by the 5th of the next month, May's a week late. */
function monthlyReviews(): DemoProgress[] {
  const heldOn = ['02-03', '03-04', '04-03', '05-05', '06-12', '07-03', '08-05'];
  const reviews: DemoProgress[] = heldOn.map((done, i) => ({
    section: 'II.3',
    task: MONTHLY_REVIEW,
    due: `${String(i + 2).padStart(2, '0')}-05`,
    status: 'done',
    done,
    evidence: 'Biên bản họp ngày {d}',
  }));
  reviews[4].note = 'Họp chậm do trùng lịch kỳ họp HĐND xã';
  reviews.push({
    section: 'II.3',
    task: MONTHLY_REVIEW,
    due: '09-05',
    status: 'inProgress',
    note: 'Đã gửi giấy mời họp rà soát tháng 8',
  });
  return reviews;
}

/** The scenario, in the order the demo communes vary it (src/app/demo.ts fateOf). */
export const DEMO_PROGRESS: readonly DemoProgress[] = [
  {
    section: 'II.1',
    task: 'Kiện toàn Ban điều hành CCHC',
    status: 'done',
    done: '01-16',
    evidence: 'Quyết định số 08/QĐ-UBND ngày {d}',
  },
  {
    section: 'II.1',
    task: 'Sửa đổi, bổ sung Quy chế hoạt động',
    status: 'done',
    done: '01-23',
    evidence: 'Quyết định số 12/QĐ-UBND ngày {d}',
  },
  {
    section: 'II.1',
    task: STEERING_MEETING,
    due: '03-31',
    status: 'done',
    done: '03-27',
    evidence: 'Biên bản họp Ban điều hành CCHC quý I ngày {d}',
  },
  {
    section: 'II.1',
    task: STEERING_MEETING,
    due: '06-30',
    status: 'done',
    done: '06-26',
    evidence: 'Biên bản họp Ban điều hành CCHC quý II ngày {d}',
  },
  {
    section: 'II.2',
    task: 'Thông tin, tuyên truyền CCHC',
    status: 'inProgress',
    evidence: 'Đài truyền thanh xã phát 36 tin, bài về CCHC',
  },
  {
    section: 'II.2',
    task: 'Xây dựng kế hoạch thông tin, tuyên truyền',
    status: 'done',
    done: '02-24',
    evidence: 'Kế hoạch số 15/KH-UBND ngày {d} về tuyên truyền CCHC năm {y}',
  },
  ...monthlyReviews(),
  {
    section: 'II.4a',
    task: 'Kiện toàn Tổ kiểm tra công vụ',
    status: 'done',
    done: '03-10',
    evidence: 'Quyết định số 20/QĐ-UBND ngày {d} kiện toàn Tổ kiểm tra công vụ',
  },
  {
    section: 'II.4a',
    task: 'Xây dựng và triển khai kế hoạch kiểm tra công vụ',
    status: 'done',
    done: '03-17',
    evidence: 'Kế hoạch số 22/KH-UBND ngày {d}',
  },
  {
    section: 'II.4a',
    task: 'Phối hợp khảo sát sự hài lòng',
    status: 'inProgress',
    evidence: 'Đã thu 120/200 phiếu khảo sát',
  },
  {
    section: 'II.4b',
    task: 'Thực hiện tốt công tác tiếp dân',
    status: 'inProgress',
    evidence: 'Sổ tiếp công dân: 18 lượt; đã trả lời 18/18 kiến nghị',
  },
  {
    section: 'II.5',
    task: 'Tạo điều kiện cho cán bộ, công chức',
    status: 'inProgress',
    evidence: 'Cử 3 công chức dự lớp bồi dưỡng kỹ năng giải quyết TTHC',
  },
  {
    section: 'II.7',
    task: 'Có biện pháp nâng cao tỷ lệ hồ sơ',
    status: 'inProgress',
    evidence: 'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 58%',
  },
  {
    section: 'II.8',
    task: 'Ban điều hành CCHC xã xây dựng kế hoạch phát động',
    status: 'done',
    done: '03-13',
    evidence: 'Kế hoạch số 19/KH-UBND ngày {d} phát động thi đua CCHC năm {y}',
  },
  {
    section: 'II.9',
    task: 'Rà soát, thống kê, bổ sung đầy đủ trang thiết bị',
    status: 'done',
    done: '06-19',
    evidence: 'Báo cáo số 52/BC-UBND ngày {d} rà soát trang thiết bị Bộ phận một cửa',
  },
  {
    section: 'II.9',
    task: 'Khảo sát, lắp đặt hệ thống camera',
    status: 'inProgress',
    evidence: 'Đã khảo sát, lập dự toán',
    note: 'Chờ bố trí kinh phí',
  },
  {
    section: 'IV',
    task: 'Báo cáo kết quả thực hiện kế hoạch quý I',
    status: 'done',
    done: '03-04',
    evidence: 'Báo cáo số 28/BC-UBND ngày {d}',
  },
  {
    section: 'IV',
    task: 'Báo cáo kết quả thực hiện kế hoạch 6 tháng',
    status: 'done',
    done: '06-04',
    evidence: 'Báo cáo số 45/BC-UBND ngày {d}',
  },
  {
    section: 'IV',
    task: 'Báo cáo kết quả thực hiện kế hoạch 9 tháng',
    status: 'inProgress',
    note: 'Đang tổng hợp số liệu',
  },
  {
    section: 'V',
    task: 'Tham mưu điều chỉnh, bổ sung nội dung kế hoạch',
    status: 'done',
    done: '03-25',
    evidence: 'Bản đăng ký giao ước thi đua năm {y} ngày {d}',
  },
];

/** The dossier fields the demo's one-stop shop handles (the first six of the Danh mục defaults). */
export const DEMO_FIELD = {
  civilStatus: 'Hộ tịch',
  certification: 'Chứng thực',
  land: 'Đất đai',
  socialProtection: 'Bảo trợ xã hội',
  meritorious: 'Người có công',
  labour: 'Lao động – việc làm',
} as const;

/** Why Đất đai was late in March and May. */
export const DEMO_LATE_REASON = {
  march:
    'Chờ kết quả đo đạc, xác minh nguồn gốc đất; đã đề nghị Văn phòng đăng ký đất đai trả kết quả đúng hẹn',
  may: 'Công chức địa chính nghỉ ốm một tuần; đã phân công người thay thế',
} as const;

/** Names of the demo communes (made up for the demo, in the manner of An Giang's). */
export const DEMO_COMMUNE_NAMES: readonly string[] = [
  'Long Điền A',
  'Long Điền B',
  'Kiến An',
  'Mỹ Hội Đông',
  'Nhơn Mỹ',
  'Hội An',
  'Long Giang',
  'Kiến Thành',
  'Long Kiến',
  'Tấn Mỹ',
  'Mỹ An',
  'Bình Phước Xuân',
];

/** A demo commune past the named ones: "Mẫu 13"; and a commune's unit name: "UBND xã Kiến An". */
export const demoCommuneFallback = (n: number): string => `Mẫu ${n}`;
export const demoUnitName = (name: string): string => `UBND xã ${name}`;

/**
 * What the office wrote on "Kết quả theo kỳ" by 05/09: for a task (the start of its text in the plan), the
 * results of each quarter so far and the work planned for the quarter after (`planned[3]`: for Quý IV).
 */
export interface DemoResult {
  task: string;
  results: Partial<Record<1 | 2 | 3, string>>;
  planned?: Partial<Record<1 | 2 | 3, string>>;
}

export const DEMO_RESULTS: readonly DemoResult[] = [
  {
    task: 'Thông tin, tuyên truyền CCHC trong cán bộ',
    results: {
      1: 'Đưa 8 tin, bài về CCHC trên hệ thống truyền thanh xã; lồng ghép tuyên truyền tại 3 hội nghị của UBND xã',
      2: 'Đưa 10 tin, bài về CCHC; tuyên truyền dịch vụ công trực tuyến tại 9 ấp',
      3: 'Đưa 7 tin, bài về CCHC (đến 31/8); phát 500 tờ rơi hướng dẫn nộp hồ sơ trực tuyến',
    },
    planned: {
      2: 'Tuyên truyền dịch vụ công trực tuyến toàn trình tại các cuộc họp ấp',
      3: 'Tuyên truyền kết quả CCHC năm trên hệ thống truyền thanh xã; biểu dương gương điển hình',
    },
  },
  {
    task: 'Thực hiện tốt công tác tiếp dân',
    results: {
      1: 'Tiếp 15 lượt công dân; tiếp nhận 6 kiến nghị, phản ánh, đã trả lời 6',
      2: 'Tiếp 18 lượt công dân; tiếp nhận 9 kiến nghị, phản ánh, đã giải quyết 8, còn 1 đang xác minh',
      3: 'Tiếp 12 lượt công dân (đến 31/8); không có khiếu nại vượt cấp',
    },
    planned: {
      2: 'Trả lời dứt điểm kiến nghị còn đang xác minh',
      3: 'Duy trì tiếp công dân định kỳ sáng thứ Năm hằng tuần',
    },
  },
  {
    task: 'Tạo điều kiện cho cán bộ, công chức, viên chức học tập',
    results: { 2: 'Cử 3 công chức dự lớp bồi dưỡng kỹ năng giao tiếp, ứng xử với người dân' },
    planned: { 3: 'Cử 2 công chức dự lớp bồi dưỡng chuyên môn nghiệp vụ một cửa' },
  },
  {
    task: 'Duy trì và đẩy mạnh ứng dụng công nghệ thông tin',
    results: {
      1: '100% văn bản đi được ký số và gửi, nhận qua hệ thống quản lý văn bản và điều hành',
      2: '100% văn bản đi được ký số; tổ chức 2 cuộc họp trực tuyến với tỉnh',
      3: '100% văn bản đi được ký số; cập nhật phần mềm một cửa điện tử phiên bản mới',
    },
    planned: { 3: 'Trả kết quả giải quyết TTHC bản điện tử có ký số cho 100% hồ sơ nộp trực tuyến' },
  },
  {
    task: 'Khảo sát, lắp đặt hệ thống camera',
    results: {
      2: 'Đã khảo sát vị trí lắp đặt tại Bộ phận Tiếp nhận và Trả kết quả; chưa lắp đặt do chờ bố trí kinh phí',
      3: 'Chưa lắp đặt, chờ bố trí kinh phí',
    },
    planned: { 3: 'Lắp đặt ngay khi được bố trí kinh phí' },
  },
  {
    task: 'Đề nghị Ủy ban MTTQVN',
    results: {
      3: 'Ủy ban MTTQVN xã giám sát việc giải quyết TTHC tại Bộ phận một cửa, không phát hiện sai phạm',
    },
  },
  {
    task: 'Cân đối ngân sách',
    results: {
      1: 'Đã khảo sát, lập dự toán 35 triệu đồng cho hệ thống camera và trang thiết bị Bộ phận một cửa',
      2: 'Trình UBND xã bổ sung dự toán 35 triệu đồng; chờ bố trí kinh phí',
      3: 'Đang chờ phòng Tài chính – Kế hoạch thẩm định dự toán',
    },
    planned: { 3: 'Bố trí kinh phí lắp đặt camera từ nguồn dự phòng ngân sách xã' },
  },
];

/** The signer of demo commune n (0-based) past the plan's own (made up for the demo). */
const DEMO_SIGNER_NAMES: readonly string[] = [
  'Nguyễn Văn Bình',
  'Trần Thị Thu',
  'Lê Văn Hùng',
  'Phạm Thị Lan',
  'Huỳnh Văn Tâm',
  'Võ Thị Hạnh',
];
export const demoSignerName = (n: number): string => DEMO_SIGNER_NAMES[n % DEMO_SIGNER_NAMES.length];
