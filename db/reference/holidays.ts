// Seed data for the working-day calendar: Vietnam's public holidays, days off in lieu and make-up workdays, 2023–2027.
import type { IsoDate } from './types'

// Civil servants' calendar (Điều 112 Bộ luật Lao động 2019: 11 days a year, Tết Dương lịch 1, Tết Âm lịch 5, Giỗ Tổ
// Hùng Vương 1, 30/4 1, 1/5 1, Quốc khánh 2), with the Government's yearly choices:
// - a holiday on a Saturday or Sunday is listed too, so that the day off in lieu after it has a visible reason;
// - for Tết only the weekdays of the announced break are listed: its weekends are off anyway, and the
//   announcements give the break as a range without saying which weekday replaces which weekend day;
// - a swap (hoán đổi) is a 'compensatory' weekday off plus a 'makeup_workday' Saturday, each naming the other.
// Rows marked "from memory" or "from the rule, not from an announcement" are seed data an admin can correct in
// the app (loading never overwrites an edited row), not law; unmarked rows match an announcement or its press
// coverage read when the table was compiled.

export interface HolidaySeed {
  date: IsoDate
  /** As shown to users, in Vietnamese. */
  name: string
  kind: 'holiday' | 'compensatory' | 'makeup_workday'
}

const NEW_YEAR = 'Tết Dương lịch'
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'
const VICTORY_DAY = 'Ngày Chiến thắng (30/4)'
const LABOUR_DAY = 'Ngày Quốc tế Lao động (1/5)'
const NATIONAL_DAY = 'Quốc khánh (2/9)'
const NATIONAL_DAY_EXTRA = 'Quốc khánh (ngày nghỉ liền kề 2/9)'

export const VIETNAM_HOLIDAYS: HolidaySeed[] = [
  // 2023
  { date: '2023-01-01', name: NEW_YEAR, kind: 'holiday' },
  { date: '2023-01-02', name: `Nghỉ bù ${NEW_YEAR}`, kind: 'compensatory' },
  // Break 20/1–26/1/2023 (29 tháng Chạp Nhâm Dần – mùng 5 Quý Mão): from memory.
  { date: '2023-01-20', name: 'Tết Nguyên đán Quý Mão', kind: 'holiday' }, // from memory
  { date: '2023-01-23', name: 'Tết Nguyên đán Quý Mão', kind: 'holiday' }, // from memory
  { date: '2023-01-24', name: 'Tết Nguyên đán Quý Mão', kind: 'holiday' }, // from memory
  { date: '2023-01-25', name: 'Tết Nguyên đán Quý Mão', kind: 'holiday' }, // from memory
  { date: '2023-01-26', name: 'Tết Nguyên đán Quý Mão', kind: 'holiday' }, // from memory
  // Giỗ Tổ on a Saturday and 30/4 on a Sunday gave two days off in lieu after 1/5, not a swap: 29/4–3/5 off.
  { date: '2023-04-29', name: HUNG_KINGS, kind: 'holiday' },
  { date: '2023-04-30', name: VICTORY_DAY, kind: 'holiday' },
  { date: '2023-05-01', name: LABOUR_DAY, kind: 'holiday' },
  { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory' },
  { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'compensatory' },
  { date: '2023-09-01', name: NATIONAL_DAY_EXTRA, kind: 'holiday' }, // from memory: 1/9 rather than 3/9
  { date: '2023-09-02', name: NATIONAL_DAY, kind: 'holiday' },
  { date: '2023-09-04', name: 'Nghỉ bù Quốc khánh', kind: 'compensatory' }, // from memory

  // 2024
  { date: '2024-01-01', name: NEW_YEAR, kind: 'holiday' },
  // Break 8/2–14/2/2024 (29 tháng Chạp Quý Mão – mùng 5 Giáp Thìn): from memory.
  { date: '2024-02-08', name: 'Tết Nguyên đán Giáp Thìn', kind: 'holiday' }, // from memory
  { date: '2024-02-09', name: 'Tết Nguyên đán Giáp Thìn', kind: 'holiday' }, // from memory
  { date: '2024-02-12', name: 'Tết Nguyên đán Giáp Thìn', kind: 'holiday' }, // from memory
  { date: '2024-02-13', name: 'Tết Nguyên đán Giáp Thìn', kind: 'holiday' }, // from memory
  { date: '2024-02-14', name: 'Tết Nguyên đán Giáp Thìn', kind: 'holiday' }, // from memory
  { date: '2024-04-18', name: HUNG_KINGS, kind: 'holiday' },
  // Swap approved by Công văn 2450/VPCP-KGVX (2024): off 27/4–1/5.
  { date: '2024-04-29', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)', kind: 'compensatory' },
  { date: '2024-04-30', name: VICTORY_DAY, kind: 'holiday' },
  { date: '2024-05-01', name: LABOUR_DAY, kind: 'holiday' },
  { date: '2024-05-04', name: 'Làm bù cho thứ Hai 29/04/2024', kind: 'makeup_workday' },
  { date: '2024-09-02', name: NATIONAL_DAY, kind: 'holiday' },
  { date: '2024-09-03', name: NATIONAL_DAY_EXTRA, kind: 'holiday' },

  // 2025
  { date: '2025-01-01', name: NEW_YEAR, kind: 'holiday' }, // from memory: no extra day or swap that year
  // Break 25/1–2/2/2025: the five Tết days are Monday to Friday (28 tháng Chạp Giáp Thìn – mùng 3 Ất Tỵ), no swap.
  { date: '2025-01-27', name: 'Tết Nguyên đán Ất Tỵ', kind: 'holiday' },
  { date: '2025-01-28', name: 'Tết Nguyên đán Ất Tỵ', kind: 'holiday' },
  { date: '2025-01-29', name: 'Tết Nguyên đán Ất Tỵ', kind: 'holiday' },
  { date: '2025-01-30', name: 'Tết Nguyên đán Ất Tỵ', kind: 'holiday' },
  { date: '2025-01-31', name: 'Tết Nguyên đán Ất Tỵ', kind: 'holiday' },
  { date: '2025-04-07', name: HUNG_KINGS, kind: 'holiday' },
  // Friday 2/5 swapped with Saturday 26/4: off 30/4–4/5.
  { date: '2025-04-26', name: 'Làm bù cho thứ Sáu 02/05/2025', kind: 'makeup_workday' },
  { date: '2025-04-30', name: VICTORY_DAY, kind: 'holiday' },
  { date: '2025-05-01', name: LABOUR_DAY, kind: 'holiday' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)', kind: 'compensatory' },
  { date: '2025-09-01', name: NATIONAL_DAY_EXTRA, kind: 'holiday' }, // from memory: 1/9 rather than 3/9
  { date: '2025-09-02', name: NATIONAL_DAY, kind: 'holiday' },

  // 2026
  { date: '2026-01-01', name: NEW_YEAR, kind: 'holiday' }, // from memory: no extra day or swap known
  // Break 14/2–22/2/2026: the five Tết days are Monday to Friday (29 tháng Chạp Ất Tỵ – mùng 4 Bính Ngọ).
  { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' },
  { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' },
  { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' },
  { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' },
  { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ', kind: 'holiday' },
  { date: '2026-04-26', name: HUNG_KINGS, kind: 'holiday' },
  { date: '2026-04-27', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'compensatory' },
  { date: '2026-04-30', name: VICTORY_DAY, kind: 'holiday' },
  { date: '2026-05-01', name: LABOUR_DAY, kind: 'holiday' },
  // Wednesday 2/9: neither adjacent day bridges to a weekend, and no announcement was found.
  { date: '2026-09-01', name: NATIONAL_DAY_EXTRA, kind: 'holiday' }, // from the rule, not from an announcement
  { date: '2026-09-02', name: NATIONAL_DAY, kind: 'holiday' },

  // 2027: nothing announced yet; the whole year is from the rule, not from an announcement.
  { date: '2027-01-01', name: NEW_YEAR, kind: 'holiday' },
  // Lunar new year on Saturday 6/2, as in 2024 (break 8/2–14/2, two days before it): the same pattern gives the
  // break 4/2–10/2/2027.
  { date: '2027-02-04', name: 'Tết Nguyên đán Đinh Mùi', kind: 'holiday' }, // from the rule, not from an announcement
  { date: '2027-02-05', name: 'Tết Nguyên đán Đinh Mùi', kind: 'holiday' }, // from the rule, not from an announcement
  { date: '2027-02-08', name: 'Tết Nguyên đán Đinh Mùi', kind: 'holiday' }, // from the rule, not from an announcement
  { date: '2027-02-09', name: 'Tết Nguyên đán Đinh Mùi', kind: 'holiday' }, // from the rule, not from an announcement
  { date: '2027-02-10', name: 'Tết Nguyên đán Đinh Mùi', kind: 'holiday' }, // from the rule, not from an announcement
  { date: '2027-04-16', name: HUNG_KINGS, kind: 'holiday' },
  { date: '2027-04-30', name: VICTORY_DAY, kind: 'holiday' },
  { date: '2027-05-01', name: LABOUR_DAY, kind: 'holiday' },
  // 1/5 on a Saturday: from the rule, not from an announcement.
  { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'compensatory' },
  { date: '2027-09-02', name: NATIONAL_DAY, kind: 'holiday' },
  // Thursday 2/9: Friday 3/9 bridges to the weekend, as the Government chose in 2021 (off 2/9–5/9).
  { date: '2027-09-03', name: NATIONAL_DAY_EXTRA, kind: 'holiday' }, // from the rule, not from an announcement
]
