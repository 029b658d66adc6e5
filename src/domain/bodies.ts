/**
 * The bodies (cơ quan, bộ phận, người phụ trách) the plan names, spelled once. The plan abbreviates and spells
 * them inconsistently ("CC VP-TK", "CC VP - TK", "Công chức VP – TK", "Công chức Văn Phòng – Thống kê");
 * every spelling maps to one name here. These become the list behind the Cơ quan chủ trì dropdown.
 */
export const BODY = {
  vanPhong: 'Công chức Văn phòng – Thống kê',
  tuPhap: 'Công chức Tư pháp – Hộ tịch',
  taiChinh: 'Công chức Tài chính – Kế toán',
  motCua: 'Bộ phận một cửa',
  truyenThanh: 'Phụ trách Đài truyền thanh – Nhà văn hóa',
  cntt: 'Phụ trách Công nghệ thông tin',
  banDieuHanh: 'Ban điều hành CCHC xã',
  cacNganh: 'Các ngành liên quan',
  matTran: 'Ủy ban MTTQVN và các tổ chức thành viên',
} as const;

export type BodyName = (typeof BODY)[keyof typeof BODY];

/** In list order, for the Danh mục sheet. */
export const BODIES: readonly BodyName[] = [
  BODY.vanPhong,
  BODY.tuPhap,
  BODY.taiChinh,
  BODY.motCua,
  BODY.truyenThanh,
  BODY.cntt,
  BODY.banDieuHanh,
  BODY.cacNganh,
  BODY.matTran,
];
