/**
 * Hand-built ReportDocuments for the Word renderer's tests: a 9-month report as the demo's reads, and a long
 * one (many tasks, a table longer than a page) to see page breaks, repeated header rows and page numbers.
 */
import type { ReportBlock, ReportDocument } from '../../src/domain/reportDocument';

const p = (text: string): ReportBlock => ({ kind: 'paragraph', runs: [{ text }] });

export function nineMonthReport(): ReportDocument {
  return {
    heading: {
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ LONG ĐIỀN A'],
      number: 'Số:         /BC-UBND',
      motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      placeDate: 'Long Điền A, ngày 05 tháng 9 năm 2026',
    },
    title: 'BÁO CÁO',
    subject:
      'Kết quả thực hiện Kế hoạch nâng cao chất lượng, hiệu quả công tác cải cách hành chính 9 tháng năm 2026',
    addressee: 'Kính gửi: Sở Nội vụ tỉnh An Giang.',
    body: [
      p(
        'Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân xã Long Điền A về nâng cao chất lượng, hiệu quả công tác cải cách hành chính, Ủy ban nhân dân xã Long Điền A báo cáo kết quả thực hiện 9 tháng năm 2026 (số liệu từ ngày 01/01/2026 đến ngày 30/09/2026, tính đến ngày 04/09/2026) như sau:',
      ),
      { kind: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
      { kind: 'heading', level: 2, text: '1. Kết quả chung' },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Trong kỳ có 1.705 nhiệm vụ có hạn; ' },
          { text: 'đã hoàn thành đúng hạn 32 nhiệm vụ', bold: true },
          { text: ', hoàn thành quá hạn 1 nhiệm vụ, quá hạn chưa hoàn thành 1 nhiệm vụ.' },
        ],
      },
      p('Tỷ lệ hoàn thành: 94,1 % (32/34 nhiệm vụ đã đến hạn).'),
      { kind: 'heading', level: 2, text: '2. Kết quả theo từng nội dung của kế hoạch' },
      { kind: 'heading', level: 3, text: '2.1. Công tác chỉ đạo, điều hành (mục II.1)' },
      p('Đã hoàn thành đúng hạn 6 nhiệm vụ; 2 nhiệm vụ thường xuyên.'),
      p(
        '- Ban hành Kế hoạch cải cách hành chính năm 2026: Kế hoạch số 12/KH-UBND (hoàn thành ngày 15/01/2026).',
      ),
      p(
        '- Kiện toàn Tổ giúp việc Ban điều hành cải cách hành chính (chủ trì: Công chức VP-TK; hạn 31/03/2026, quá hạn 157 ngày).',
      ),
      { kind: 'caption', text: 'Bảng tổng hợp kết quả theo mục của kế hoạch (tính đến ngày 04/09/2026):' },
      {
        kind: 'table',
        head: [
          'Mục',
          'Số nhiệm vụ trong kỳ',
          'Hoàn thành đúng hạn',
          'Hoàn thành quá hạn',
          'Chưa hoàn thành, trong hạn',
          'Chưa hoàn thành, quá hạn',
          'Thường xuyên',
          'Tỷ lệ hoàn thành',
        ],
        rows: [
          { cells: ['II.1', '8', '6', '0', '0', '0', '2', '100 %'] },
          { cells: ['II.2', '7', '5', '1', '0', '1', '0', '71,4 %'] },
          { cells: ['II.3', '12', '12', '0', '0', '0', '0', '100 %'] },
          { cells: ['Cộng', '27', '23', '1', '0', '1', '2', '92 %'], total: true },
        ],
      },
      { kind: 'heading', level: 1, text: 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN' },
      { kind: 'heading', level: 2, text: '1. Tồn tại, hạn chế' },
      p(
        'Còn 1 nhiệm vụ quá hạn chưa hoàn thành (đã nêu tại mục I), thuộc trách nhiệm chủ trì của: Công chức VP-TK (1 nhiệm vụ).',
      ),
      { kind: 'heading', level: 2, text: '2. Nguyên nhân' },
      {
        kind: 'placeholder',
        key: 'causes',
        text: '[Nhập nguyên nhân của các tồn tại, hạn chế nêu trên tại đây trước khi trình ký: nguyên nhân khách quan, nguyên nhân chủ quan.]',
      },
      { kind: 'heading', level: 1, text: 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI (Quý IV/2026)' },
      p('Tập trung thực hiện các nhiệm vụ đến hạn trong kỳ tới:'),
      p(
        '- Tổ chức tổng kết công tác cải cách hành chính năm 2026 (chủ trì: Công chức VP-TK; hạn 15/12/2026).',
      ),
      { kind: 'heading', level: 1, text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' },
      {
        kind: 'placeholder',
        key: 'proposals',
        text: '[Nhập đề xuất, kiến nghị với cơ quan cấp trên (nếu có) tại đây; nếu không có, ghi: Không có.]',
      },
      p('Trên đây là báo cáo kết quả thực hiện 9 tháng năm 2026 của Ủy ban nhân dân xã Long Điền A./.'),
    ],
    recipients: {
      heading: 'Nơi nhận:',
      lines: ['- Như trên;', '- TT. Đảng ủy xã;', '- CT, các PCT UBND xã;', '- Lưu: VT, TH.'],
    },
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trương Minh Sơn' },
    officerNotes: [
      {
        heading: 'DÀNH CHO NGƯỜI LẬP BÁO CÁO (KHÔNG IN): 1 dòng có lỗi dữ liệu.',
        lines: ['Dòng 17: Rà soát quy trình nội bộ'],
      },
    ],
  };
}

/** A report of many tasks: a body of several pages and a table that runs on to a second page. */
export function longReport(): ReportDocument {
  const base = nineMonthReport();
  const items: ReportBlock[] = Array.from({ length: 40 }, (_, i) =>
    p(
      `- Nhiệm vụ số ${i + 1} của kế hoạch: rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của xã, niêm yết công khai tại Bộ phận Tiếp nhận và Trả kết quả (hoàn thành ngày ${String((i % 28) + 1).padStart(2, '0')}/0${(i % 8) + 1}/2026).`,
    ),
  );
  const table: ReportBlock = {
    kind: 'table',
    head: [
      'Lĩnh vực',
      'Tổng số hồ sơ tiếp nhận',
      'Giải quyết đúng hạn',
      'Giải quyết quá hạn',
      'Tỷ lệ đúng hạn',
    ],
    rows: [
      ...Array.from({ length: 45 }, (_, i) => ({
        cells: [`Lĩnh vực thứ ${i + 1}`, String(100 + i), String(98 + i), '2', '98 %'],
      })),
      { cells: ['Cộng', '5.490', '5.400', '90', '98,4 %'], total: true },
    ],
  };
  const at = base.body.findIndex((b) => b.kind === 'caption');
  base.body.splice(at, 0, ...items, { kind: 'caption', text: 'Bảng kết quả theo lĩnh vực:' }, table);
  return base;
}
