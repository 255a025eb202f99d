// Options for agency pickers: active agencies and the groups, by code with a readable label.
import type { Db } from '../../db/client'
import { listAgencies, listGroups } from '../models/agency.server'

export function agencyPickerOptions(db: Db, options: { groups?: boolean } = {}) {
  const agencies = listAgencies(db).map((a) => ({ value: a.code, label: `${a.shortName} (${a.code})` }))
  if (!options.groups) return agencies
  const groups = listGroups(db).map((g) => ({ value: g.code, label: `Nhóm: ${g.name} — mỗi cơ quan một nhiệm vụ` }))
  return [...groups, ...agencies]
}
