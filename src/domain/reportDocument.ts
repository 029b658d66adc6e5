/**
 * The periodic report as one plain value: every paragraph, heading, table and line of the signed document,
 * already worded in Vietnamese and with every figure already written as the report prints it (1.705; 99,7 %).
 * It is built once from ReportContent (src/domain/report.ts) and the report's words (src/i18n), and rendered
 * twice: as the report sheet (src/sheets/reportSheet.ts) and as the Word document. Neither renderer words or
 * counts anything: what one prints, the other prints, in the same order. The "each figure stated once"
 * property test reads this value.
 *
 * Layout is the renderers' business (Nghị định 30/2020/NĐ-CP, Phụ lục I): a heading is kept with what follows
 * it, a caption with its table, a table's header row repeats on each page it runs on to, and the signature
 * block stays with the last paragraph.
 */

/** A run of text within a paragraph. */
export interface ReportRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Places only people can fill: the renderers mark them (highlighted), and the officer types over them. */
type PlaceholderKey =
  /** Section I, a plan section where nothing was written for the period. */
  | 'results'
  /** Section II.2, where no reason was typed anywhere. */
  | 'causes'
  /** Section IV. */
  | 'proposals';

export type ReportBlock =
  /**
   * A heading of the body: level 1 "I. KẾT QUẢ THỰC HIỆN" (bold), level 2 "1. Kết quả chung" (bold italic),
   * level 3 "2.1. …" (italic).
   */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A body paragraph: justified, first-line indent. A list item is a paragraph whose text starts with "- ". */
  | { kind: 'paragraph'; runs: ReportRun[] }
  /** A table's caption (italic), kept with the table that follows it. */
  | { kind: 'caption'; text: string }
  /** A marked place for the officer's words, with the hint it shows until typed over. */
  | { kind: 'placeholder'; key: PlaceholderKey; text: string }
  /**
   * A table: its header row, then its rows; every cell a text as printed (figures written the Vietnamese way,
   * so every viewer shows the same). The first column is the label; the others are figures, centred.
   */
  | {
      kind: 'table';
      head: string[];
      rows: ReportTableRow[];
      /**
       * Optional: a header row above `head` grouping its columns (the national TTHC form's "Số hồ sơ nhận giải
       * quyết" over Tổng số, Kỳ trước chuyển qua, …). The spans add up to head.length; a group of span 1 whose
       * text equals the head cell under it is one cell over both header rows.
       */
      groups?: ReportHeadGroup[];
    };

export interface ReportHeadGroup {
  text: string;
  span: number;
}

export interface ReportTableRow {
  cells: string[];
  /** The total row ("Cộng"), bold. */
  total?: boolean;
}

export interface ReportDocument {
  /** The two-column heading of Nghị định 30. */
  heading: {
    /** "ỦY BAN NHÂN DÂN" / "XÃ LONG ĐIỀN A" (the first may be "" for a unit not named "UBND …"). */
    issuer: [string, string];
    /** "Số:         /BC-UBND": the number is written by the records office (văn thư) when it is issued. */
    number: string;
    /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" */
    motto: [string, string];
    /** "Long Điền A, ngày 05 tháng 6 năm 2026" */
    placeDate: string;
  };
  /** "BÁO CÁO" */
  title: string;
  /** The trích yếu: "Kết quả thực hiện Kế hoạch … 6 tháng đầu năm 2026". */
  subject: string;
  /** "Kính gửi: Sở Nội vụ tỉnh An Giang." */
  addressee: string;
  /** Everything from the opening paragraph to the closing "Trên đây là báo cáo …./." */
  body: ReportBlock[];
  /** Nơi nhận: "Nơi nhận:" and its lines, "- Như trên;" first, "- Lưu: VT, TH." last. */
  recipients: { heading: string; lines: string[] };
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH" …, then the signer's name. */
  signature: { lines: string[]; name: string };
  /**
   * For the officer, never in the signed text: what the report left out and why (rows with data errors), each
   * part a heading and its lines. The sheet puts them below the print area; the Word document leaves them out
   * and the command's message says how many.
   */
  officerNotes: { heading: string; lines: string[] }[];
}

/** The plain text of a block, as a reader sees it (tables row by row, cells joined by a tab). */
export function blockText(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
    case 'caption':
    case 'placeholder':
      return b.text;
    case 'paragraph':
      return b.runs.map((r) => r.text).join('');
    case 'table':
      return [...(b.groups ? [b.groups.map((g) => g.text)] : []), b.head, ...b.rows.map((r) => r.cells)]
        .map((cells) => cells.join('\t'))
        .join('\n');
  }
}
