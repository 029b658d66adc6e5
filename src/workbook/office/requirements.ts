/**
 * Requirement sets the adapter relies on, and what it tells the user when the host lacks one. The manifest
 * asks for ExcelApi 1.9, so on a supported host every check passes; the checks keep an older host (or a
 * manifest relaxed later) from failing half-way or silently dropping part of a sheet.
 */

export type IsSetSupported = (name: string, version: string) => boolean;

/** Features of a SheetSpec the adapter can only honour with a given ExcelApi version. */
export const FEATURE_SETS = {
  conditionalFormats: '1.6',
  freezePanes: '1.7',
  tabColor: '1.7',
  dataValidation: '1.8',
  pageLayout: '1.9',
  indent: '1.9',
  fillDown: '1.9',
  suspendScreenUpdating: '1.9',
} as const;

export type Feature = keyof typeof FEATURE_SETS;

export type Features = Record<Feature, boolean>;

/** The host's answer, defaulting to "supported" outside Office (tests inject their own). */
export function officeIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}

export function detectFeatures(isSetSupported: IsSetSupported): Features {
  const out = {} as Features;
  for (const feature of Object.keys(FEATURE_SETS) as Feature[]) {
    out[feature] = isSetSupported('ExcelApi', FEATURE_SETS[feature]);
  }
  return out;
}

/**
 * Vietnamese notes for the user when part of a sheet could not be written as designed. (User-facing text
 * belongs in src/i18n; these are kept beside the adapter until the i18n module has a place for them.)
 */
export const DEGRADED = {
  conditionalFormats: (sheet: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ định dạng có điều kiện (cần ExcelApi ${FEATURE_SETS.conditionalFormats}), nên các ô không được tô màu theo tình trạng.`,
  freezePanes: (sheet: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ cố định dòng tiêu đề (cần ExcelApi ${FEATURE_SETS.freezePanes}). Hãy dùng Xem › Cố định Ngăn.`,
  tabColor: (sheet: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ tô màu thẻ trang tính (cần ExcelApi ${FEATURE_SETS.tabColor}).`,
  dataValidation: (sheet: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ danh sách chọn và kiểm tra dữ liệu nhập (cần ExcelApi ${FEATURE_SETS.dataValidation}); các ô vẫn được ghi nhưng không có ràng buộc nhập liệu.`,
  pageLayout: (sheet: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ thiết lập trang in (cần ExcelApi ${FEATURE_SETS.pageLayout}). Hãy tự đặt khổ A4, hướng giấy, lề và tiêu đề in trong Bố trí Trang.`,
  indent: (sheet: string) =>
    `Trang "${sheet}": phiên bản Excel này chưa hỗ trợ thụt lề trong ô (cần ExcelApi ${FEATURE_SETS.indent}); nội dung vẫn đầy đủ.`,
  fillDown: (sheet: string, column: string) =>
    `Trang "${sheet}": công thức cột "${column}" chỉ có ở các dòng hiện có (cần ExcelApi ${FEATURE_SETS.fillDown} để Excel tự điền cho dòng mới). Khi thêm dòng, hãy chép công thức từ dòng trên xuống.`,
  validationTextCut: (sheet: string, range: string) =>
    `Trang "${sheet}": tiêu đề hoặc nội dung thông báo kiểm tra dữ liệu ở ${range} dài hơn giới hạn của Excel nên đã được cắt bớt.`,
} as const;
