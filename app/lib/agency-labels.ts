// Vietnamese names of agency kinds.
import type { AgencyKind } from '../../db/reference/types'

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  government: 'Chính phủ',
  ministry: 'Bộ',
  ministerial_agency: 'Cơ quan ngang bộ',
  government_agency: 'Cơ quan thuộc Chính phủ',
  province: 'UBND tỉnh, thành phố trực thuộc TW',
  provincial_department: 'Sở, ban, ngành cấp tỉnh',
  district: 'UBND cấp huyện',
  commune: 'UBND cấp xã',
  other: 'Khác',
}
