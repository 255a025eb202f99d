// Admin changes to the agency tree: aliases resolve, a deactivated agency hands its tasks to its successor.
import { eq } from 'drizzle-orm'
import { agencies, taskAgencies, tasks } from '../../db/schema'
import { ValidationError } from '../../app/lib/errors'
import { resolveAgencyName } from '../../app/models/agency.server'
import { countsByAgency } from '../../app/models/task.server'
import { AgencyFormSchema, createAgency, updateAgency } from '../../app/services/agencies.server'
import { verifyHistoryChain } from '../../app/services/history.server'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'

const form = (over: Record<string, string>) => ({ ...AgencyFormSchema.parse({ code: 'X', name: 'Cơ quan X', shortName: 'CQ X', kind: 'provincial_department', ...over }), validToIso: over.validTo ?? null })

describe('agency administration', () => {
  it('creates an agency whose aliases resolve without diacritics, and refuses an alias another agency owns', async () => {
    const { db } = freshDb()
    const admin = await makeUser(db, 'admin')
    const id = createAgency(db, admin.id, form({ code: 'NA-STN', name: 'Sở Thử nghiệm tỉnh Nghệ An', shortName: 'Sở Thử nghiệm Nghệ An', parentCode: 'NGHE-AN', aliases: 'STN Nghệ An' }))
    const found = resolveAgencyName(db, 'stn nghe an')
    expect(found?.type === 'agency' && found.agency.id).toBe(id)
    const row = db.select().from(agencies).where(eq(agencies.id, id)).get()!
    expect(row.path.endsWith(`/${id}/`)).toBe(true)
    expect(() => createAgency(db, admin.id, form({ code: 'NA-STN2', name: 'Sở khác', shortName: 'Sở khác', aliases: 'Bộ Nội vụ' }))).toThrow(ValidationError)
    expect(db.select().from(agencies).where(eq(agencies.code, 'NA-STN2')).get()).toBeUndefined()
  })

  it('deactivating an agency with a successor moves its tasks, roll-ups and officers\u2019 scope to the successor', async () => {
    const { db } = freshDb()
    const admin = await makeUser(db, 'admin')
    const office = await makeUser(db, 'office', 'VPCP')
    const directiveId = makeDirective(db, office)
    const { taskIds } = makeItem(db, office, directiveId, { leads: ['BTP'], supports: ['BCA'] })
    const before = countsByAgency(db, office, '2024-02-01').get(agencyId(db, 'BTP'))
    expect(before?.assigned).toBe(1)
    const btp = db.select().from(agencies).where(eq(agencies.code, 'BTP')).get()!
    const { transferred } = updateAgency(db, admin.id, btp.id, form({ code: 'BTP', name: btp.name, shortName: btp.shortName, kind: 'ministry', parentCode: 'CP', successorCode: 'BNV', validTo: '2026-01-31' }))
    expect(transferred).toBe(1)
    const task = db.select().from(tasks).where(eq(tasks.id, taskIds[0])).get()!
    expect(task.leadAgencyId).toBe(btp.id) // the name as assigned stays
    expect(task.rollupAgencyId).toBe(agencyId(db, 'BNV'))
    const lead = db.select().from(taskAgencies).where(eq(taskAgencies.taskId, task.id)).all().find((r) => r.role === 'lead')
    expect(lead?.agencyId).toBe(agencyId(db, 'BNV'))
    const after = countsByAgency(db, office, '2024-02-01')
    expect(after.get(btp.id)).toBeUndefined()
    expect(after.get(agencyId(db, 'BNV'))?.assigned).toBe(1)
    expect(verifyHistoryChain(db).ok).toBe(true)
  })

  it('refuses a parent that is the agency itself or one of its sub-agencies', async () => {
    const { db } = freshDb()
    const admin = await makeUser(db, 'admin')
    const na = db.select().from(agencies).where(eq(agencies.code, 'NGHE-AN')).get()!
    expect(() => updateAgency(db, admin.id, na.id, form({ code: 'NGHE-AN', name: na.name, shortName: na.shortName, kind: 'province', parentCode: 'NA-SNV' }))).toThrow(ValidationError)
    expect(db.select().from(agencies).where(eq(agencies.id, na.id)).get()!.parentId).toBeNull()
  })
})
