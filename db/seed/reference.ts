// Loads the reference agencies, their aliases and the groups into the database; safe to run at every start.
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { AGENCIES, AGENCY_GROUPS } from '../reference/agencies'
import { agencies, agencyAliases, agencyGroups } from '../schema'
import { foldVietnamese } from '../../app/domain/text'
import { todayInVietnam } from '../../app/domain/dates'

/**
 * Inserts what is missing and leaves what exists alone, so that an admin's corrections survive restarts.
 * Returns the number of agencies inserted.
 */
export function loadReferenceData(db: Db, today = todayInVietnam()): number {
  return db.transaction((tx) => {
    const existing = new Map(tx.select({ id: agencies.id, code: agencies.code }).from(agencies).all().map((a) => [a.code, a.id]))
    let inserted = 0
    for (const a of AGENCIES) {
      if (existing.has(a.code)) continue
      const row = tx
        .insert(agencies)
        .values({
          code: a.code,
          name: a.name,
          shortName: a.shortName,
          kind: a.kind,
          validFrom: a.validFrom ?? null,
          validTo: a.validTo ?? null,
          active: !a.validTo || a.validTo >= today,
          emails: a.emails,
        })
        .returning({ id: agencies.id })
        .get()
      existing.set(a.code, row.id)
      inserted++
    }
    if (inserted > 0) {
      for (const a of AGENCIES) {
        const id = existing.get(a.code)!
        tx.update(agencies)
          .set({
            parentId: a.parentCode ? existing.get(a.parentCode) ?? null : null,
            successorId: a.successorCode ? existing.get(a.successorCode) ?? null : null,
          })
          .where(sql`${agencies.id} = ${id} and ${agencies.parentId} is null and ${agencies.successorId} is null`)
          .run()
      }
      recomputePaths(tx as unknown as Db)
    }
    const aliasTaken = new Set(tx.select({ f: agencyAliases.aliasFolded }).from(agencyAliases).all().map((r) => r.f))
    const addAlias = (alias: string, target: { agencyId?: number; groupId?: number }) => {
      const folded = foldVietnamese(alias)
      if (!folded || aliasTaken.has(folded)) return
      aliasTaken.add(folded)
      tx.insert(agencyAliases).values({ alias, aliasFolded: folded, agencyId: target.agencyId ?? null, groupId: target.groupId ?? null }).run()
    }
    for (const a of AGENCIES) {
      const agencyId = existing.get(a.code)!
      for (const name of [a.name, a.shortName, ...a.aliases]) addAlias(name, { agencyId })
    }
    const groupIds = new Map(tx.select({ id: agencyGroups.id, code: agencyGroups.code }).from(agencyGroups).all().map((g) => [g.code, g.id]))
    for (const g of AGENCY_GROUPS) {
      let id = groupIds.get(g.code)
      if (id == null) {
        id = tx
          .insert(agencyGroups)
          .values({ code: g.code, name: g.name, memberKinds: g.memberKinds, parentId: g.parentCode ? existing.get(g.parentCode) ?? null : null })
          .returning({ id: agencyGroups.id })
          .get().id
      }
      for (const name of [g.name, ...g.aliases]) addAlias(name, { groupId: id })
    }
    return inserted
  })
}

/** Rewrites every agency's materialised path from the parent links (cheap: a few hundred rows). */
export function recomputePaths(db: Db): void {
  const all = db.select({ id: agencies.id, parentId: agencies.parentId }).from(agencies).all()
  const byId = new Map(all.map((a) => [a.id, a]))
  const pathOf = (id: number, depth = 0): string => {
    const a = byId.get(id)
    if (!a || a.parentId == null || depth > 20) return `/${id}/`
    return `${pathOf(a.parentId, depth + 1)}${id}/`
  }
  for (const a of all) db.update(agencies).set({ path: pathOf(a.id) }).where(eq(agencies.id, a.id)).run()
}
