// Managing the agency tree: creating and editing agencies, their aliases and contacts, and handing over to a successor.
import { and, eq, ne } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { AGENCY_KINDS, type AgencyKind } from '../../db/reference/types'
import { agencies, agencyAliases } from '../../db/schema'
import { recomputePaths } from '../../db/seed/reference'
import { foldVietnamese } from '../domain/text'
import { ValidationError } from '../lib/errors'
import { getAgency, getAgencyByCode } from '../models/agency.server'
import { appendHistory } from './history.server'
import { transferTasksToSuccessor } from './register.server'
import { EmailSchema } from './users.server'

const list = (v: string) =>
  v
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)

export const AgencyFormSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'Mã chỉ gồm chữ không dấu, số và dấu gạch ngang (tối đa 40 ký tự).'),
  name: z.string().trim().min(2, 'Nhập tên đầy đủ.').max(300, 'Tên không được dài quá 300 ký tự.'),
  shortName: z.string().trim().min(2, 'Nhập tên ngắn.').max(150, 'Tên ngắn không được dài quá 150 ký tự.'),
  kind: z.enum(AGENCY_KINDS, { errorMap: () => ({ message: 'Chọn loại cơ quan.' }) }),
  parentCode: z.string().trim().toUpperCase().max(40).default(''),
  successorCode: z.string().trim().toUpperCase().max(40).default(''),
  validTo: z.string().trim().max(20).default(''),
  aliases: z.string().max(5000, 'Danh sách tên gọi quá dài.').default('').transform(list),
  emails: z.string().max(3000, 'Danh sách e-mail quá dài.').default('').transform(list),
  active: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
})

export type AgencyForm = z.infer<typeof AgencyFormSchema> & { validToIso: string | null }

/** Checks the form against the tree (code, parent, successor, e-mails, aliases) and returns the row values to store. */
function agencyValues(db: Db, input: AgencyForm, selfId: number | null) {
  const clash = db.select({ id: agencies.id }).from(agencies).where(selfId == null ? eq(agencies.code, input.code) : and(eq(agencies.code, input.code), ne(agencies.id, selfId))).get()
  if (clash) throw new ValidationError({ code: `Mã "${input.code}" đã được dùng.` })
  const errors: Record<string, string> = {}
  let parentId: number | null = null
  if (input.parentCode) {
    const parent = getAgencyByCode(db, input.parentCode)
    if (!parent) errors.parentCode = `Không tìm thấy cơ quan cấp trên "${input.parentCode}".`
    else if (selfId != null && (parent.id === selfId || parent.path.includes(`/${selfId}/`))) errors.parentCode = 'Cơ quan cấp trên không thể là chính nó hoặc đơn vị trực thuộc của nó.'
    else parentId = parent.id
  }
  let successorId: number | null = null
  if (input.successorCode) {
    const successor = getAgencyByCode(db, input.successorCode)
    if (!successor) errors.successorCode = `Không tìm thấy cơ quan kế thừa "${input.successorCode}".`
    else if (successor.id === selfId) errors.successorCode = 'Cơ quan kế thừa không thể là chính nó.'
    else successorId = successor.id
  }
  const emails: string[] = []
  for (const e of input.emails) {
    const parsed = EmailSchema.safeParse(e)
    if (!parsed.success) errors.emails = `E-mail "${e}" không hợp lệ.`
    else emails.push(parsed.data)
  }
  for (const alias of input.aliases) {
    if (alias.length > 200) errors.aliases = 'Mỗi tên gọi tối đa 200 ký tự.'
    const taken = db.select().from(agencyAliases).where(eq(agencyAliases.aliasFolded, foldVietnamese(alias))).get()
    if (taken && (taken.agencyId !== selfId || taken.groupId != null)) {
      const owner = taken.agencyId ? getAgency(db, taken.agencyId)?.shortName : 'một nhóm cơ quan'
      errors.aliases = `Tên gọi "${alias}" đã dùng cho ${owner}.`
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(errors)
  return {
    code: input.code,
    name: input.name,
    shortName: input.shortName,
    kind: input.kind as AgencyKind,
    parentId,
    successorId,
    validTo: input.validToIso,
    active: input.active,
    emails,
  }
}

function replaceAliases(db: Db, agencyId: number, names: string[]): void {
  db.delete(agencyAliases).where(eq(agencyAliases.agencyId, agencyId)).run()
  const seen = new Set<string>()
  for (const alias of names) {
    const folded = foldVietnamese(alias)
    if (!folded || seen.has(folded)) continue
    seen.add(folded)
    db.insert(agencyAliases).values({ agencyId, alias, aliasFolded: folded }).run()
  }
}

export function createAgency(db: Db, actorId: number, input: AgencyForm): number {
  return db.transaction((tx) => {
    const t = tx as unknown as Db
    const values = agencyValues(t, input, null)
    const row = tx.insert(agencies).values(values).returning({ id: agencies.id }).get()
    replaceAliases(t, row.id, [input.name, input.shortName, ...input.aliases])
    recomputePaths(t)
    appendHistory(tx, { actorId, entity: 'agency', entityId: row.id, action: 'agency_created', after: { ...values, aliases: input.aliases } })
    return row.id
  })
}

/**
 * Saves an agency. Deactivating it with a successor hands its tasks over: they roll up under the successor and its
 * officers act on them, each handover recorded in the task's history.
 */
export function updateAgency(db: Db, actorId: number, agencyId: number, input: AgencyForm, now = new Date()): { transferred: number } {
  return db.transaction((tx) => {
    const t = tx as unknown as Db
    const before = getAgency(t, agencyId)
    if (!before) throw new ValidationError({ code: 'Không tìm thấy cơ quan.' })
    const values = agencyValues(t, input, agencyId)
    tx.update(agencies).set(values).where(eq(agencies.id, agencyId)).run()
    replaceAliases(t, agencyId, [input.name, input.shortName, ...input.aliases])
    if (before.parentId !== values.parentId) recomputePaths(t)
    let transferred = 0
    if (!input.active && values.successorId != null) {
      const successor = getAgency(t, values.successorId)!
      transferred = transferTasksToSuccessor(tx, actorId, { ...before, ...values }, successor, now)
    }
    const { path: _p, createdAt: _c, ...visibleBefore } = before
    appendHistory(tx, { actorId, entity: 'agency', entityId: agencyId, action: 'agency_edited', before: visibleBefore, after: { ...values, aliases: input.aliases }, at: now })
    return { transferred }
  })
}
