// Typed queries over agencies, their aliases and groups.
import { and, asc, eq, inArray, isNull, like, lte, or, gte, sql } from 'drizzle-orm'
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
  return followSuccessors(queryReader(db), agency)
}

function followSuccessors(reader: AgencyReader, agency: Agency): Agency {
  let current = agency
  const seen = new Set<number>()
  while (current.successorId != null && !current.active && !seen.has(current.id)) {
    seen.add(current.id)
    const next = reader.agency(current.successorId)
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
  return resolveName(queryReader(db), text)
}

function resolveName(reader: AgencyReader, text: string): ResolvedName | null {
  const trimmed = text.trim()
  if (!trimmed) return null
  const byCode = reader.agencyByCode(trimmed.toUpperCase())
  if (byCode) return { type: 'agency', agency: byCode }
  const group = reader.groupByCode(trimmed.toUpperCase())
  if (group) return { type: 'group', group }
  const alias = reader.aliasByFolded(foldVietnamese(trimmed))
  if (!alias) return null
  if (alias.agencyId != null) {
    const agency = reader.agency(alias.agencyId)
    return agency ? { type: 'agency', agency } : null
  }
  if (alias.groupId != null) {
    const g = reader.group(alias.groupId)
    return g ? { type: 'group', group: g } : null
  }
  return null
}

// ——— The same lookups through statements prepared once per connection ———

/** The single-row lookups that name resolution and the register's fan-out make, hundreds of times per directive. */
interface AgencyReader {
  agency(id: number): Agency | undefined
  agencyByCode(code: string): Agency | undefined
  group(id: number): AgencyGroup | undefined
  groupByCode(code: string): AgencyGroup | undefined
  aliasByFolded(folded: string): typeof agencyAliases.$inferSelect | undefined
  aliasesOf(agencyId: number): string[]
}

function queryReader(db: Tx): AgencyReader {
  return {
    agency: (id) => getAgency(db, id),
    agencyByCode: (code) => getAgencyByCode(db, code),
    group: (id) => db.select().from(agencyGroups).where(eq(agencyGroups.id, id)).get(),
    groupByCode: (code) => getGroupByCode(db, code),
    aliasByFolded: (folded) => db.select().from(agencyAliases).where(eq(agencyAliases.aliasFolded, folded)).get(),
    aliasesOf: (agencyId) => aliasesOf(db, agencyId),
  }
}

const preparedReaders = new WeakMap<Db, AgencyReader>()

// Building a drizzle query costs ~50 µs, running the prepared one a few: registering a directive's ~1,000 tasks makes
// thousands of these lookups. The statements run on the connection, so inside a transaction they see its writes.
function preparedReader(db: Db): AgencyReader {
  const cached = preparedReaders.get(db)
  if (cached) return cached
  const id = sql.placeholder('id')
  const code = sql.placeholder('code')
  const byId = db.select().from(agencies).where(eq(agencies.id, id)).prepare()
  const byCode = db.select().from(agencies).where(eq(agencies.code, code)).prepare()
  const groupById = db.select().from(agencyGroups).where(eq(agencyGroups.id, id)).prepare()
  const groupByCode = db.select().from(agencyGroups).where(eq(agencyGroups.code, code)).prepare()
  const aliasByFolded = db.select().from(agencyAliases).where(eq(agencyAliases.aliasFolded, sql.placeholder('folded'))).prepare()
  const aliases = db.select({ alias: agencyAliases.alias }).from(agencyAliases).where(eq(agencyAliases.agencyId, id)).orderBy(asc(agencyAliases.alias)).prepare()
  const reader: AgencyReader = {
    agency: (v) => byId.get({ id: v }),
    agencyByCode: (v) => byCode.get({ code: v }),
    group: (v) => groupById.get({ id: v }),
    groupByCode: (v) => groupByCode.get({ code: v }),
    aliasByFolded: (v) => aliasByFolded.get({ folded: v }),
    aliasesOf: (v) => aliases.all({ id: v }).map((r) => r.alias),
  }
  preparedReaders.set(db, reader)
  return reader
}

/**
 * Name resolution, successors and aliases for one batch of writes (an item and its tasks, a whole intake draft):
 * prepared statements, and answers remembered for the batch. Agencies, groups and aliases must not change while
 * it is in use: create one per transaction and drop it with the transaction.
 */
export class AgencyLookups {
  private readonly reader: AgencyReader
  private readonly names = new Map<string, ResolvedName | null>()
  private readonly acting = new Map<number, Agency>()
  private readonly aliases = new Map<number, string[]>()
  private readonly members = new Map<string, Agency[]>()

  constructor(private readonly db: Db) {
    this.reader = preparedReader(db)
  }

  groupMembers(group: AgencyGroup, onDate: string): Agency[] {
    const key = `${group.id}@${onDate}`
    let found = this.members.get(key)
    if (!found) this.members.set(key, (found = groupMembers(this.db, group, onDate)))
    return found
  }

  resolve(text: string): ResolvedName | null {
    if (!this.names.has(text)) this.names.set(text, resolveName(this.reader, text))
    return this.names.get(text)!
  }

  effective(agency: Agency): Agency {
    let found = this.acting.get(agency.id)
    if (!found) this.acting.set(agency.id, (found = followSuccessors(this.reader, agency)))
    return found
  }

  aliasesOf(agencyId: number): string[] {
    let found = this.aliases.get(agencyId)
    if (!found) this.aliases.set(agencyId, (found = this.reader.aliasesOf(agencyId)))
    return found
  }
}
