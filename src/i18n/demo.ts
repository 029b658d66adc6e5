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
