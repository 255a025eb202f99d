// Typed queries over agencies, their aliases and groups.
import { and, asc, eq, inArray, isNull, like, lte, or, gte } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { agencies, agencyAliases, agencyGroups } from '../../db/schema'
import { foldVietnamese } from '../domain/text'
import type { Tx } from '../services/history.server'

export type Agency = typeof agencies.$inferSelect
export type AgencyGroup = typeof agencyGroups.$inferSelect

export function getAgencyByCode(db: Tx, code: string): Agency | undefined {
  return db.select().from(agencies).where(eq(agencies.code, code)).get()
}

export function getAgency(db: Tx, id: number): Agency | undefined {
  return db.select().from(agencies).where(eq(agencies.id, id)).get()
}

export function getGroupByCode(db: Tx, code: string): AgencyGroup | undefined {
  return db.select().from(agencyGroups).where(eq(agencyGroups.code, code)).get()
}

export function listGroups(db: Tx): AgencyGroup[] {
  return db.select().from(agencyGroups).orderBy(asc(agencyGroups.name)).all()
}

/** Follows the successor chain to the agency that carries an old agency's work today. */
export function effectiveAgency(db: Tx, agency: Agency): Agency {
  let current = agency
  const seen = new Set<number>()
  while (current.successorId != null && !current.active && !seen.has(current.id)) {
    seen.add(current.id)
    const next = getAgency(db, current.successorId)
    if (!next) break
    current = next
  }
  return current
}

/** The members of a group that existed on a given date, in a stable order. */
export function groupMembers(db: Tx, group: AgencyGroup, onDate: string): Agency[] {
  const conditions = [
    inArray(agencies.kind, group.memberKinds),
    or(isNull(agencies.validFrom), lte(agencies.validFrom, onDate)),
    or(isNull(agencies.validTo), gte(agencies.validTo, onDate)),
  ]
  if (group.parentId != null) conditions.push(eq(agencies.parentId, group.parentId))
  return db
    .select()
    .from(agencies)
    .where(and(...conditions))
    .orderBy(asc(agencies.name))
    .all()
}

export function listAgencies(db: Tx, options: { includeInactive?: boolean } = {}): Agency[] {
  return db
    .select()
    .from(agencies)
    .where(options.includeInactive ? undefined : eq(agencies.active, true))
    .orderBy(asc(agencies.path), asc(agencies.name))
    .all()
}

/** The agency and all its sub-agencies' ids, through the materialised path. */
export function subtreeIds(db: Tx, agency: Agency): number[] {
  return db
    .select({ id: agencies.id })
    .from(agencies)
    .where(like(agencies.path, `${agency.path}%`))
    .all()
    .map((r) => r.id)
}

export function aliasesOf(db: Tx, agencyId: number): string[] {
  return db
    .select({ alias: agencyAliases.alias })
    .from(agencyAliases)
    .where(eq(agencyAliases.agencyId, agencyId))
    .orderBy(asc(agencyAliases.alias))
    .all()
    .map((r) => r.alias)
}

export type ResolvedName = { type: 'agency'; agency: Agency } | { type: 'group'; group: AgencyGroup }

/** Resolves a code, a name or an abbreviation (any case, diacritics optional). */
export function resolveAgencyName(db: Tx, text: string): ResolvedName | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  const byCode = getAgencyByCode(db, trimmed.toUpperCase())
  if (byCode) return { type: 'agency', agency: byCode }
  const group = getGroupByCode(db, trimmed.toUpperCase())
  if (group) return { type: 'group', group }
  const alias = db.select().from(agencyAliases).where(eq(agencyAliases.aliasFolded, foldVietnamese(trimmed))).get()
  if (!alias) return null
  if (alias.agencyId != null) {
    const agency = getAgency(db, alias.agencyId)
    return agency ? { type: 'agency', agency } : null
  }
  if (alias.groupId != null) {
    const g = db.select().from(agencyGroups).where(eq(agencyGroups.id, alias.groupId)).get()
    return g ? { type: 'group', group: g } : null
  }
  return null
}
