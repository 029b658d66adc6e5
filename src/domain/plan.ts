/**
 * The plan "Nâng cao chất lượng hiệu quả công tác cải cách hành chính trên địa bàn xã Long Điền A"
 * (docs/ke-hoach-cchc-long-dien-a.txt, summarised in docs/plan.md), as data: every actionable item of sections II–V.
 *
 * Numbering follows the document: section II has items 1–5 and 7–10; the document has no item 6, and we keep
 * its numbering rather than renumber, so "II.7" here is "7." in the plan.
 *
 * For each item: the clause reference, the task text (the plan's own words, shortened only where a
 * bullet mixes a task with exhortation), the lead body (the first body under "Cơ quan chủ trì" or, where
 * the plan only says "Cơ quan thực hiện", the first body named there), the coordinating bodies (the rest),
 * the plan's timeline wording verbatim, and the schedule rule that turns it into dated rows for a year.
 * Where the plan is ambiguous, the choice is written next to the item.
 */
import { BODY, type BodyName } from './bodies';

export type SectionId =
  | 'II.1'
  | 'II.2'
  | 'II.3'
  | 'II.4a'
  | 'II.4b'
  | 'II.5'
  | 'II.7'
  | 'II.8'
  | 'II.9'
  | 'II.10'
  | 'III'
  | 'IV'
  | 'V';

export interface Section {
  id: SectionId;
  title: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'II.1', title: 'Công tác chỉ đạo, điều hành CCHC' },
  { id: 'II.2', title: 'Đẩy mạnh công tác thông tin, tuyên truyền CCHC' },
  {
    id: 'II.3',
    title: 'Khắc phục tình trạng trễ hạn trong giải quyết thủ tục hành chính cho tổ chức, cá nhân',
  },
  {
    id: 'II.4a',
    title: 'Tăng cường kiểm tra công tác CCHC gắn với kiểm tra công vụ: đối với tổ kiểm tra công vụ',
  },
  {
    id: 'II.4b',
    title:
      'Công tác tiếp dân, giải quyết trả lời kiến nghị, đề xuất, phản ánh, khiếu nại của tổ chức, cá nhân',
  },
  {
    id: 'II.5',
    title:
      'Tiếp tục cải cách tổ chức bộ máy, xây dựng và nâng cao năng lực đội ngũ cán bộ, công chức, viên chức',
  },
  { id: 'II.7', title: 'Đẩy mạnh ứng dụng công nghệ thông tin trong thực hiện cải cách hành chính' },
  {
    id: 'II.8',
    title: 'Phát động phong trào thi đua CCHC, khuyến khích sáng kiến, giải pháp hay trong thực hiện CCHC',
  },
  { id: 'II.9', title: 'Rà soát, bổ sung trang thiết bị, phương tiện làm việc' },
  {
    id: 'II.10',
    title:
      'Phối hợp với Ủy ban MTTQVN và các tổ chức thành viên trong tuyên truyền, giám sát, phản biện CCHC',
  },
  { id: 'III', title: 'Kinh phí thực hiện' },
  { id: 'IV', title: 'Chế độ thông tin, báo cáo' },
  { id: 'V', title: 'Tổ chức thực hiện' },
];

/** How an item becomes dated rows for year Y. */
type ScheduleRule =
  /** Continuous work: one row, no deadline (Tình trạng hạn "Thường xuyên"). */
  | { kind: 'continuous' }
  /** Yearly or one-off work due at the end of the quarter the plan names (Quý I → 31/03/Y, Quý II → 30/06/Y). */
  | { kind: 'quarterEnd'; quarter: 1 | 2 | 3 | 4 }
  /** Quarterly meetings: 4 rows, each due at its quarter's end. */
  | { kind: 'quarterly' }
  /** Monthly meetings: 12 rows, each due `daysAfter` days after its month ends (December's falls in January Y+1). */
  | { kind: 'monthly'; daysAfter: number }
  /** One row due `daysAfter` days after the year ends. */
  | { kind: 'afterYearEnd'; daysAfter: number }
  /** The plan's periodic reports: one row per report of the reporting regime (reportingRegime.ts), due as it says. */
  | { kind: 'reports' };

export interface PlanItem {
  /** Stable key, unique within the plan. */
  id: string;
  section: SectionId;
  task: string;
  lead: BodyName;
  coordinators: readonly BodyName[];
  /** The plan's own wording, verbatim ("" where the plan gives none). */
  timeline: string;
  rule: ScheduleRule;
  /** Shown in Ghi chú: where we had to choose. */
  note?: string;
}

const Q1_ONWARDS = 'Quý I/2023 và những năm tiếp theo';
const Q2_ONWARDS = 'Quý II/2023 và những năm tiếp theo';
const CONTINUOUS = 'thường xuyên trong năm 2023 và những năm tiếp theo';

/** The plan as a report's subject names it (the commune's name is in the header, so it is not repeated). */
export const REPORT_SUBJECT = 'Kế hoạch nâng cao chất lượng, hiệu quả công tác cải cách hành chính';

/**
 * The plan's monthly TTHC review (II.3), by name: Hồ sơ TTHC's check finds its rows by it. A constant of its
 * own so that the pane's first screen, which runs that check, does not carry the whole plan.
 */
export const MONTHLY_TTHC_REVIEW =
  'Họp định kỳ rà soát, đánh giá, rút kinh nghiệm, đề ra biện pháp khắc phục tình trạng trễ hạn trong giải quyết TTHC';

export const PLAN_ITEMS: readonly PlanItem[] = [
  // II.1 — "Cơ quan thực hiện: Công chức VP – TK; các ngành liên quan, Ban điều hành CCHC cấp xã";
  // "Quý I/2023 và những năm tiếp theo". Choice: the set-up work (kiện toàn, quy chế) is yearly and due at the
  // end of Quý I; the quarterly meetings are led by the Ban điều hành itself; the standing duties (triển khai
  // kịp thời, xử lý kiến nghị, lãnh đạo điều hành) have no single deadline, so they are continuous.
  {
    id: 'II.1-kien-toan',
    section: 'II.1',
    task: 'Kiện toàn Ban điều hành CCHC cấp xã; phân công trách nhiệm, nhiệm vụ cụ thể từng thành viên Ban điều hành',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh, BODY.banDieuHanh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 1 },
  },
  {
    id: 'II.1-quy-che',
    section: 'II.1',
    task: 'Sửa đổi, bổ sung Quy chế hoạt động của Ban điều hành CCHC cho phù hợp với tình hình thực tế và quy định mới; Ban điều hành làm việc theo Quy chế',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh, BODY.banDieuHanh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 1 },
  },
  {
    id: 'II.1-hop-quy',
    section: 'II.1',
    task: 'Ban điều hành CCHC cấp xã họp định kỳ rà soát, sơ kết, đánh giá kết quả, tiến độ thực hiện các chương trình, kế hoạch (thành viên tham dự đầy đủ)',
    lead: BODY.banDieuHanh,
    coordinators: [BODY.vanPhong],
    timeline: 'họp định kỳ mỗi quý một lần (họp đột xuất khi có yêu cầu)',
    rule: { kind: 'quarterly' },
  },
  {
    id: 'II.1-trien-khai',
    section: 'II.1',
    task: 'Triển khai, quán triệt và tổ chức thực hiện kịp thời các chủ trương, kết luận, chỉ đạo, quy định, hướng dẫn mới về CCHC của cơ quan có thẩm quyền',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh, BODY.banDieuHanh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'continuous' },
    note: 'Kế hoạch ghi "Quý I/2023 và những năm tiếp theo"; đây là việc thường xuyên nên không đặt hạn.',
  },
  {
    id: 'II.1-kien-nghi',
    section: 'II.1',
    task: 'Chỉ đạo xác minh, giải quyết, chấn chỉnh, xử lý kịp thời các kiến nghị, đề xuất, phản ánh, khiếu nại liên quan đến công tác CCHC, thực thi công vụ',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh, BODY.banDieuHanh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'continuous' },
    note: 'Kế hoạch ghi "Quý I/2023 và những năm tiếp theo"; đây là việc thường xuyên nên không đặt hạn.',
  },
  {
    id: 'II.1-dieu-hanh',
    section: 'II.1',
    task: 'Lãnh đạo, điều hành nhiệm vụ CCHC từ khâu lập kế hoạch, phân công, theo dõi, kiểm tra, đôn đốc; tập hợp hồ sơ minh chứng; chấn chỉnh các tiêu chí bị mất điểm, trừ điểm; lập hồ sơ công việc của cán bộ, công chức',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh, BODY.banDieuHanh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'continuous' },
    note: 'Kế hoạch ghi "Quý I/2023 và những năm tiếp theo"; đây là việc thường xuyên nên không đặt hạn.',
  },

  // II.2 — Cơ quan chủ trì: Phụ trách ĐTT-NVH; phối hợp: CC VP-TK; "thường xuyên…". Choice: the yearly
  // communication plan the item requires ("xây dựng thành kế hoạch cụ thể hàng năm") names no quarter; a plan
  // for the year is due with the other yearly plans, at the end of Quý I.
  {
    id: 'II.2-tuyen-truyen',
    section: 'II.2',
    task: 'Thông tin, tuyên truyền CCHC trong cán bộ, đảng viên, công chức, viên chức và trong Nhân dân (mục đích, ý nghĩa CCHC; chủ trương, chính sách; gương người tốt việc tốt, văn hóa công sở, sáng kiến) bằng nhiều hình thức; đưa tin, bài CCHC lên hệ thống truyền thanh xã và lồng ghép vào hội nghị của UBND xã',
    lead: BODY.truyenThanh,
    coordinators: [BODY.vanPhong],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },
  {
    id: 'II.2-ke-hoach',
    section: 'II.2',
    task: 'Xây dựng kế hoạch thông tin, tuyên truyền CCHC hàng năm với các nhiệm vụ, đầu công việc cụ thể và tổ chức thực hiện theo kế hoạch',
    lead: BODY.truyenThanh,
    coordinators: [BODY.vanPhong],
    timeline: CONTINUOUS,
    rule: { kind: 'quarterEnd', quarter: 1 },
    note: 'Kế hoạch không nêu quý; kế hoạch năm được đặt hạn cuối Quý I như các kế hoạch năm khác.',
  },

  // II.3 — Cơ quan chủ trì: CC VP-TK; phối hợp: Bộ phận một cửa. Monthly meetings at the latest 5 days after
  // the month ends; the year-end meeting at the latest 10 days after the year ends.
  {
    id: 'II.3-hop-thang',
    section: 'II.3',
    task: MONTHLY_TTHC_REVIEW,
    lead: BODY.vanPhong,
    coordinators: [BODY.motCua],
    timeline: 'hàng tháng (chậm nhất 05 ngày sau khi kết thúc tháng)',
    rule: { kind: 'monthly', daysAfter: 5 },
  },
  {
    id: 'II.3-hop-nam',
    section: 'II.3',
    task: 'Họp cuối năm rà soát, đánh giá, rút kinh nghiệm, đề ra biện pháp khắc phục tình trạng trễ hạn trong giải quyết TTHC',
    lead: BODY.vanPhong,
    coordinators: [BODY.motCua],
    timeline: 'cuối năm (chậm nhất 10 ngày sau khi kết thúc năm)',
    rule: { kind: 'afterYearEnd', daysAfter: 10 },
  },

  // II.4a — "Cơ quan thực hiện: Công chức Văn Phòng – Thống kê"; "Quý I/2023 và những năm tiếp theo".
  // Choice: the satisfaction survey is annual and its results come at the end of the year, so it is due 31/12.
  {
    id: 'II.4a-to-kiem-tra',
    section: 'II.4a',
    task: 'Kiện toàn Tổ kiểm tra công vụ của xã; xây dựng (hoặc sửa đổi, bổ sung) Quy chế hoạt động của Tổ kiểm tra công vụ và tổ chức làm việc theo quy chế',
    lead: BODY.vanPhong,
    coordinators: [],
    timeline: Q1_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 1 },
  },
  {
    id: 'II.4a-ke-hoach-kiem-tra',
    section: 'II.4a',
    task: 'Xây dựng và triển khai kế hoạch kiểm tra công vụ hàng năm; chú trọng tự kiểm tra, kiểm tra đột xuất và xử lý kịp thời',
    lead: BODY.vanPhong,
    coordinators: [],
    timeline: Q1_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 1 },
  },
  {
    id: 'II.4a-khao-sat',
    section: 'II.4a',
    task: 'Phối hợp khảo sát sự hài lòng của tổ chức, cá nhân về giải quyết TTHC trên địa bàn xã; thực hiện ý kiến chỉ đạo chấn chỉnh, khắc phục của Chủ tịch UBND xã qua kết quả khảo sát hàng năm',
    lead: BODY.vanPhong,
    coordinators: [],
    timeline: Q1_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 4 },
    note: 'Khảo sát làm hàng năm, kết quả có vào cuối năm: đặt hạn 31/12.',
  },

  // II.4b — "Cơ quan thực hiện: Công chức Tư Pháp – Hộ tịch, bộ phận một cửa, các ngành có liên quan".
  {
    id: 'II.4b-tiep-dan',
    section: 'II.4b',
    task: 'Thực hiện tốt công tác tiếp dân; xem xét giải quyết, trả lời kịp thời, đúng quy định các kiến nghị, đề xuất, phản ánh, khiếu nại của tổ chức, cá nhân; hạn chế phản ánh, khiếu nại vượt cấp',
    lead: BODY.tuPhap,
    coordinators: [BODY.motCua, BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },
  {
    id: 'II.4b-hoa-giai',
    section: 'II.4b',
    task: 'Phát huy vai trò của Ban Thanh tra nhân dân, hòa giải viên cơ sở, Hội Luật gia trong tiếp dân, tư vấn pháp luật, trợ giúp pháp lý, hòa giải ở cơ sở, phòng chống tham nhũng, tiêu cực',
    lead: BODY.tuPhap,
    coordinators: [BODY.motCua, BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },

  // II.5 — Cơ quan chủ trì: Công chức Văn Phòng – Thống kê (phụ trách nội vụ); "Cơ quan thực hiện: Các ngành có
  // liên quan" (taken as the coordinating bodies).
  {
    id: 'II.5-vi-tri-viec-lam',
    section: 'II.5',
    task: 'Rà soát, sắp xếp, bố trí vị trí việc làm phù hợp; bố trí cán bộ, công chức có chuyên môn, năng lực làm công tác CCHC, tại Bộ phận Tiếp nhận và Trả kết quả và Bộ phận tiếp dân',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },
  {
    id: 'II.5-boi-duong',
    section: 'II.5',
    task: 'Tạo điều kiện cho cán bộ, công chức, viên chức học tập, bồi dưỡng nâng cao trình độ lý luận chính trị, kỹ năng làm việc, văn hóa ứng xử, đạo đức công vụ',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },
  {
    id: 'II.5-tuyen-dung',
    section: 'II.5',
    task: 'Tiếp nhận, tuyển dụng bổ sung công chức cấp xã theo quy định để có đủ người thực hiện chức năng, nhiệm vụ',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },
  {
    id: 'II.5-ky-luat',
    section: 'II.5',
    task: 'Tăng cường kỷ luật, kỷ cương hành chính trong hoạt động công vụ; kịp thời phát hiện, xử lý nghiêm tổ chức, cá nhân sai phạm',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },

  // II.7 — Cơ quan chủ trì: Phụ trách Công nghệ thông tin; phối hợp: các ngành liên quan.
  {
    id: 'II.7-chinh-phu-so',
    section: 'II.7',
    task: 'Duy trì và đẩy mạnh ứng dụng công nghệ thông tin, quản lý điều hành trên môi trường mạng, áp dụng chữ ký số; thực hiện tốt các nội dung "Xây dựng Chính phủ điện tử, Chính phủ số" trong phạm vi quản lý của xã',
    lead: BODY.cntt,
    coordinators: [BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },
  {
    id: 'II.7-muc-do-3-4',
    section: 'II.7',
    task: 'Có biện pháp nâng cao tỷ lệ hồ sơ thủ tục hành chính thực hiện ở mức độ 3, mức độ 4 đạt yêu cầu của huyện',
    lead: BODY.cntt,
    coordinators: [BODY.cacNganh],
    timeline: CONTINUOUS,
    rule: { kind: 'continuous' },
  },

  // II.8 — "Cơ quan thực hiện: Công chức VP-TK, các ngành liên quan"; "Quý I/2023 và những năm tiếp theo".
  // Choice: the yearly emulation plan is due at the end of Quý I; encouraging initiatives is continuous.
  {
    id: 'II.8-thi-dua',
    section: 'II.8',
    task: 'Ban điều hành CCHC xã xây dựng kế hoạch phát động phong trào thi đua CCHC hàng năm, khuyến khích tìm kiếm, phát hiện sáng kiến, giải pháp hay, mô hình hiệu quả và nhân rộng',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 1 },
  },
  {
    id: 'II.8-sang-kien',
    section: 'II.8',
    task: 'Thường xuyên theo dõi, phát hiện, khuyến khích phát huy sáng kiến, giải pháp hay trong thực hiện CCHC và nhiệm vụ chuyên môn; học tập, áp dụng mô hình hay, hiệu quả, tiết kiệm',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: Q1_ONWARDS,
    rule: { kind: 'continuous' },
    note: 'Kế hoạch ghi "Quý I/2023 và những năm tiếp theo"; đây là việc thường xuyên nên không đặt hạn.',
  },

  // II.9 — "Cơ quan thực hiện: CC VP-TK, Công chức Tài Chính – Kế toán"; "Quý II/2023 và những năm tiếp theo".
  {
    id: 'II.9-trang-thiet-bi',
    section: 'II.9',
    task: 'Rà soát, thống kê, bổ sung đầy đủ trang thiết bị, phương tiện làm việc tối thiểu cho cán bộ, công chức, viên chức, nhất là Bộ phận Tiếp nhận và Trả kết quả, Bộ phận Tiếp dân',
    lead: BODY.vanPhong,
    coordinators: [BODY.taiChinh],
    timeline: Q2_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 2 },
  },
  {
    id: 'II.9-camera',
    section: 'II.9',
    task: 'Khảo sát, lắp đặt hệ thống camera giám sát hoạt động của Bộ phận Tiếp nhận và Trả kết quả cấp xã',
    lead: BODY.vanPhong,
    coordinators: [BODY.taiChinh],
    timeline: Q2_ONWARDS,
    rule: { kind: 'quarterEnd', quarter: 2 },
  },

  // II.10 — The plan names no body and no time: it asks ("Đề nghị") the Fatherland Front and its member
  // organisations. Choice: they lead, CC VP-TK coordinates on the commune's side, and the work is continuous.
  {
    id: 'II.10-mat-tran',
    section: 'II.10',
    task: 'Đề nghị Ủy ban MTTQVN và các tổ chức thành viên tăng cường phối hợp tuyên truyền, vận động và đẩy mạnh giám sát, phản biện đối với công tác CCHC trên địa bàn xã',
    lead: BODY.matTran,
    coordinators: [BODY.vanPhong],
    timeline: '',
    rule: { kind: 'continuous' },
    note: 'Kế hoạch không nêu cơ quan thực hiện và thời gian; theo dõi như nhiệm vụ thường xuyên.',
  },

  // III — "Cơ quan thực hiện: Công chức Tài Chính – Kế toán, Công chức VP-TK, các ngành liên quan"; no time.
  // Choice: budgeting follows the yearly budget cycle but the plan gives no date, so it is continuous.
  {
    id: 'III-kinh-phi',
    section: 'III',
    task: 'Cân đối ngân sách, tham mưu phòng Tài chính – Kế hoạch bố trí kinh phí thực hiện các nhiệm vụ CCHC theo định mức, chế độ (Thông tư 26/2019/TT-BTC, Thông tư 33/2022/TT-BTC)',
    lead: BODY.taiChinh,
    coordinators: [BODY.vanPhong, BODY.cacNganh],
    timeline: '',
    rule: { kind: 'continuous' },
    note: 'Kế hoạch không nêu thời gian; theo dõi như nhiệm vụ thường xuyên.',
  },

  // IV — "Cơ quan thực hiện: CC VP-TK, các ngành liên quan". Reports 3, 6, 9 months and year, due at the
  // latest on the 5th of March, June, September and December: the reporting regime (reportingRegime.ts).
  {
    id: 'IV-bao-cao',
    section: 'IV',
    task: 'Báo cáo kết quả thực hiện kế hoạch',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline:
      'định kỳ 3 tháng, 6 tháng, 9 tháng, năm; chậm nhất ngày 05 của các tháng 3, tháng 6, tháng 9, tháng 12',
    rule: { kind: 'reports' },
  },
  {
    id: 'IV-huong-dan',
    section: 'IV',
    task: 'Hướng dẫn các ngành thực hiện chế độ hội họp, thông tin, báo cáo theo kế hoạch; báo cáo đột xuất khi có yêu cầu',
    lead: BODY.vanPhong,
    coordinators: [BODY.cacNganh],
    timeline: 'thường xuyên; báo cáo đột xuất khi có yêu cầu',
    rule: { kind: 'continuous' },
  },

  // V — Choice: adding the plan's content to the yearly emulation registration is done with the other yearly
  // plans, by the end of Quý I; follow-up and guidance is continuous.
  {
    id: 'V-dang-ky-thi-dua',
    section: 'V',
    task: 'Tham mưu điều chỉnh, bổ sung nội dung kế hoạch này vào bảng đăng ký thi đua cải cách hành chính của xã',
    lead: BODY.vanPhong,
    coordinators: [],
    timeline: 'từ năm 2023 trở đi',
    rule: { kind: 'quarterEnd', quarter: 1 },
    note: 'Kế hoạch không nêu quý; đặt hạn cuối Quý I cùng các kế hoạch năm.',
  },
  {
    id: 'V-theo-doi',
    section: 'V',
    task: 'Theo dõi, hướng dẫn, đôn đốc, kiểm tra việc triển khai, thực hiện kế hoạch; tổng hợp vướng mắc báo cáo UBND xã để điều chỉnh, bổ sung',
    lead: BODY.vanPhong,
    coordinators: [BODY.banDieuHanh],
    timeline: 'thường xuyên',
    rule: { kind: 'continuous' },
  },
];
