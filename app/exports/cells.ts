// Helpers shared by the writers: reading a cell value, and showing it the Vietnamese way (35,03%, 1.234, dd/mm/yyyy).
import { formatNumber, formatRate } from '../domain/categories'
import { formatVnDate, isValidIsoDate } from '../domain/dates'
import type { CellValue, ExportColumn } from './types'

export const TOTALS_LABEL = 'Tổng cộng'

/** The ISO date of a date cell, or null when the value is not a valid date. */
export function cellDate(value: CellValue | undefined): string | null {
  return value !== null && typeof value === 'object' && isValidIsoDate(value.date) ? value.date : null
}

/** A cell as text in Vietnamese format: what the .docx shows, and what widths are measured on. */
export function displayCell(value: CellValue | undefined, kind: ExportColumn['kind']): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return formatVnDate(cellDate(value)) || ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    return kind === 'percent' ? formatRate(value) : formatNumber(value)
  }
  return value
}

/** The totals row with "Tổng cộng" in the first column when the caller left it empty. */
export function totalsWithLabel(columns: ExportColumn[], totals: Record<string, CellValue>): Record<string, CellValue> {
  const first = columns[0]?.key
  if (!first || (totals[first] !== undefined && totals[first] !== null && totals[first] !== '')) return totals
  return { ...totals, [first]: TOTALS_LABEL }
}
