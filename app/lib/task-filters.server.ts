// Reads the task-list filters from a query string; a bad value is reported in Vietnamese and ignored, never a crash.
import type { Db } from '../../db/client'
import { TASK_CATEGORIES, type TaskCategory } from '../domain/categories'
import { parseVnDate } from '../domain/dates'
import { resolveAgencyName, subtreeIds } from '../models/agency.server'
import type { TaskFilters } from '../models/task.server'

export interface ParsedFilters {
  filters: TaskFilters
  /** The values as typed, to refill the form. */
  values: Record<string, string>
  errors: string[]
  page: number
}

const STATUSES = ['open', 'pending', 'completed', 'cancelled'] as const

export function parseTaskFilters(db: Db, url: URL): ParsedFilters {
  const p = url.searchParams
  const values: Record<string, string> = {}
  for (const key of ['agency', 'directive', 'item', 'category', 'dueFrom', 'dueTo', 'q', 'status', 'extension', 'key']) values[key] = (p.get(key) ?? '').slice(0, 200)
  const filters: TaskFilters = {}
  const errors: string[] = []
  if (values.agency) {
    const resolved = resolveAgencyName(db, values.agency)
    if (resolved?.type === 'agency') filters.agencyIds = subtreeIds(db, resolved.agency)
    else errors.push(`Không tìm thấy cơ quan "${values.agency}".`)
  }
  if (values.directive) {
    const id = Number(values.directive)
    if (Number.isSafeInteger(id) && id > 0) filters.directiveId = id
    else errors.push('Mã văn bản không hợp lệ.')
  }
  if (values.item) {
    const id = Number(values.item)
    if (Number.isSafeInteger(id) && id > 0) filters.itemId = id
    else errors.push('Mã mục nhiệm vụ không hợp lệ.')
  }
  if (values.category) {
    if ((TASK_CATEGORIES as readonly string[]).includes(values.category)) filters.category = values.category as TaskCategory
    else errors.push('Nhóm trạng thái không hợp lệ.')
  }
  for (const key of ['dueFrom', 'dueTo'] as const) {
    if (!values[key]) continue
    const iso = parseVnDate(values[key])
    if (iso) filters[key] = iso
    else errors.push(`${key === 'dueFrom' ? 'Hạn từ ngày' : 'Hạn đến ngày'} không hợp lệ: nhập theo dạng dd/mm/yyyy.`)
  }
  if (filters.dueFrom && filters.dueTo && filters.dueFrom > filters.dueTo) errors.push('Khoảng thời hạn không hợp lệ: "từ ngày" sau "đến ngày".')
  if (values.q.trim()) filters.q = values.q.trim()
  if (values.status) {
    if ((STATUSES as readonly string[]).includes(values.status)) filters.status = values.status as (typeof STATUSES)[number]
    else errors.push('Trạng thái không hợp lệ.')
  }
  if (values.extension === 'pending') filters.extensionPending = true
  if (values.key === '1') filters.keyOnly = true
  const pageNumber = Number(p.get('page') ?? '1')
  const page = Number.isSafeInteger(pageNumber) && pageNumber > 0 ? Math.min(pageNumber, 1_000_000) : 1
  return { filters, values, errors, page }
}
