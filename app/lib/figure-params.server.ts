// Reads a dashboard's scope and as-of date from a query string; anything unknown or malformed becomes a Vietnamese message.
import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { directives } from '../../db/schema'
import { formatVnDate, parseVnDate } from '../domain/dates'
import { foldVietnamese } from '../domain/text'
import { resolveAgencyName } from '../models/agency.server'
import type { Scope } from '../models/figures.server'

export interface ParsedScope {
  scope: Scope | null
  /** As typed, to refill the form. */
  values: { scope: string; agency: string; directive: string; asOf: string }
  asOf: IsoDate
  errors: string[]
}

const SCOPES = ['system', 'agency', 'directive'] as const

/** A directive by its id or its number as written ("44/TB-VPCP", spaces and diacritics ignored); the latest if several. */
export function findDirective(db: Db, text: string): { id: number; number: string } | null {
  const t = text.trim()
  if (/^\d{1,12}$/.test(t)) {
    const byId = db.select({ id: directives.id, number: directives.number }).from(directives).where(eq(directives.id, Number(t))).get()
    if (byId) return byId
  }
  const folded = foldVietnamese(t).replace(/\s+/g, '')
  if (!folded) return null
  return db.select({ id: directives.id, number: directives.number }).from(directives).where(eq(directives.numberFolded, folded)).orderBy(desc(directives.issuedOn)).limit(1).get() ?? null
}

export function parseScopeParams(db: Db, url: URL, today: IsoDate): ParsedScope {
  const p = url.searchParams
  const values = {
    scope: (p.get('scope') ?? '').slice(0, 40),
    agency: (p.get('agency') ?? '').slice(0, 200),
    directive: (p.get('directive') ?? '').slice(0, 200),
    asOf: (p.get('asOf') ?? '').slice(0, 40),
  }
  const errors: string[] = []
  let asOf = today
  if (values.asOf.trim()) {
    const parsed = parseVnDate(values.asOf)
    if (!parsed) errors.push(`Ngày "${values.asOf}" không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ ${formatVnDate(today)}.`)
    else if (parsed > today) errors.push(`Ngày ${formatVnDate(parsed)} ở tương lai: chỉ xem được số liệu đến hôm nay (${formatVnDate(today)}).`)
    else asOf = parsed
  }
  // A picked agency or directive implies its scope, so that links such as ?agency=BNV work without scope=.
  const kind = values.scope || (values.directive ? 'directive' : values.agency ? 'agency' : 'system')
  let scope: Scope | null = null
  if (!(SCOPES as readonly string[]).includes(kind)) {
    errors.push(`Phạm vi "${values.scope}" không có: chọn toàn hệ thống, một cơ quan hoặc một văn bản.`)
  } else if (kind === 'agency') {
    const resolved = values.agency.trim() ? resolveAgencyName(db, values.agency) : null
    if (!values.agency.trim()) errors.push('Chưa chọn cơ quan: nhập mã hoặc tên cơ quan.')
    else if (resolved?.type !== 'agency') errors.push(`Không tìm thấy cơ quan "${values.agency}".`)
    else scope = { kind: 'agency', agency: { id: resolved.agency.id, code: resolved.agency.code, shortName: resolved.agency.shortName, path: resolved.agency.path } }
  } else if (kind === 'directive') {
    const found = values.directive.trim() ? findDirective(db, values.directive) : null
    if (!values.directive.trim()) errors.push('Chưa chọn văn bản: nhập số, ký hiệu văn bản (ví dụ 44/TB-VPCP).')
    else if (!found) errors.push(`Không tìm thấy văn bản "${values.directive}".`)
    else scope = { kind: 'directive', directive: found }
  } else scope = { kind: 'system' }
  values.scope = kind
  return { scope: errors.length ? null : scope, values, asOf, errors }
}

export function scopeLabel(scope: Scope): string {
  if (scope.kind === 'agency') return `${scope.agency.shortName} (gồm đơn vị trực thuộc)`
  if (scope.kind === 'directive') return `Văn bản số ${scope.directive.number}`
  return 'Toàn hệ thống'
}
