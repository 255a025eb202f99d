// The intake service: text → draft with the database's dictionary, and confirmation in one transaction.
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { agencyAliases, directives, historyEntries, taskAgencies, tasks } from '../../db/schema'
import { extractDirective } from '../../app/extractor'
import type { Draft } from '../../app/lib/intake-draft'
import { agencyDictionary, confirmIntake, IntakeInputError, IntakeValidationError, proposeDraft } from '../../app/services/intake.server'
import { freshDb } from '../support/db'
import { agencyId, makeUser } from '../support/factories'
import { countRows } from '../support/routes'

const read = (name: string) => fs.readFileSync(path.resolve('tests/fixtures/directives', name), 'utf8')
const TEXT_002 = read('002_1ca8dc2ac5247edc.txt')
const TEXT_000 = read('000_506597647e220cc6.txt')
const TABLES = ['directives', 'directive_items', 'tasks', 'task_agencies', 'agency_aliases', 'history_entries']

let db: Db
let office: Awaited<ReturnType<typeof makeUser>>

beforeEach(async () => {
  db = freshDb().db
  office = await makeUser(db, 'office', 'VPCP')
})
afterEach(() => db.$client.close())

function draft002(): Draft {
  const d = proposeDraft(db, TEXT_002, 'dán văn bản')
  d.directive.number = '34/CT-UBND'
  return d
}

describe('proposing a draft', () => {
  it('reads 000 and 002 with the database dictionary exactly as with the reference one', () => {
    for (const text of [TEXT_000, TEXT_002]) {
      const fromDb = extractDirective(text, { dictionary: agencyDictionary(db) })
      expect(fromDb).toEqual(extractDirective(text))
    }
  })

  it('prefills the directive and proposes one row per task, with deadline fields and the monitoring office', () => {
    const d = draft002()
    expect(d.directive).toMatchObject({ type: 'chi_thi', issuedOn: '28/12/2023', issuer: 'Ủy ban nhân dân tỉnh Nghệ An', signer: 'Nguyễn Đức Trung', monitoringAgency: 'NA-VP' })
    expect(d.rows.length).toBe(30)
    const early = d.rows.find((r) => r.deadlinePhrase === 'vào đầu tháng 02/2024')!
    expect(early).toMatchObject({ deadlineKind: 'date', dueDate: '10/02/2024' })
    const halfYearly = d.rows.find((r) => r.ref === 'cuối.1')!
    expect(halfYearly).toMatchObject({ deadlineKind: 'recurring', recurrence: 'half-yearly', recurringFrom: '28/12/2023', recurringUntil: '31/12/2024' })
    expect(d.sourceText).toBe(TEXT_002)
  })

  it('anchors a text that states no issue date to the date the officer gives', () => {
    expect(proposeDraft(db, TEXT_000, 'x').directive.issuedOn).toBe('')
    const d = proposeDraft(db, TEXT_000, 'x', '2023-04-25')
    expect(d.directive.issuedOn).toBe('25/04/2023')
    expect(d.rows.find((r) => r.ref === '6.e.1')).toMatchObject({ deadlineKind: 'recurring', recurrence: 'monthly', recurringFrom: '25/04/2023', recurringUntil: '31/12/2024' })
  })

  it('refuses empty, foreign, binary and task-less text with a Vietnamese message', () => {
    const cases: Array<[string, RegExp]> = [
      ['   \n ', /Chưa có nội dung/],
      ['The Prime Minister requests all ministries to complete the review of administrative procedures by June 2024. '.repeat(5), /không phải tiếng Việt/],
      ['\u0000\u0001\u0002binary\u0003\u0004'.repeat(50), /không phải văn bản|nhị phân/],
      ['Hôm nay trời đẹp, chúng tôi đi dạo trong công viên và nói chuyện về thời tiết, về gia đình và bạn bè.', /Không tìm thấy nhiệm vụ/],
    ]
    for (const [text, message] of cases) {
      expect(() => proposeDraft(db, text, 'x')).toThrow(IntakeInputError)
      expect(() => proposeDraft(db, text, 'x')).toThrow(message)
    }
  })
})

describe('confirming a draft', () => {
  it('creates the directive and every task in one go, fanning groups out per agency', () => {
    const d = draft002()
    const { directiveId, taskCount } = confirmIntake(db, office, d)
    const dir = db.select().from(directives).where(eq(directives.id, directiveId)).get()!
    expect(dir).toMatchObject({ number: '34/CT-UBND', issuedOn: '2023-12-28', type: 'chi_thi', fullText: TEXT_002 })
    const created = db.select().from(tasks).where(eq(tasks.directiveId, directiveId)).all()
    expect(created.length).toBe(taskCount)
    // Item 3: Sở Nội vụ leads, Văn phòng UBND tỉnh supports: one task.
    const snv = agencyId(db, 'NA-SNV')
    const item3 = db.select({ taskId: taskAgencies.taskId, agencyId: taskAgencies.agencyId, role: taskAgencies.role }).from(taskAgencies).where(eq(taskAgencies.agencyId, snv)).all()
    expect(item3.some((r) => r.role === 'lead')).toBe(true)
    // Item 9(2) goes to the group of districts: one task per district, each due 10/02/2024.
    const early = created.filter((t) => t.dueOn === '2024-02-10')
    expect(early.length).toBeGreaterThan(10)
    expect(new Set(early.map((t) => t.leadAgencyId)).size).toBe(early.length)
  })

  it('saves nothing when one row is wrong, and reports the row', () => {
    const d = draft002()
    const before = countRows(db, TABLES)
    const row = d.rows.find((r) => r.ref === '3')!
    row.leads = []
    d.rows.find((r) => r.ref === '4.a')!.deadlineKind = 'date'
    let error: IntakeValidationError | undefined
    try {
      confirmIntake(db, office, d)
    } catch (e) {
      error = e as IntakeValidationError
    }
    expect(error).toBeInstanceOf(IntakeValidationError)
    expect(error!.errors.rows[row.id]).toEqual(['Dòng 3: chưa có cơ quan chủ trì.'])
    expect(Object.values(error!.errors.rows).flat().join(' ')).toContain('Dòng 4.a:')
    expect(countRows(db, TABLES)).toEqual(before)
  })

  it('rolls back the directive and earlier items when a later item fails inside the transaction', () => {
    const d = draft002()
    // Valid for the form, refused by the register: more than 240 monthly periods.
    d.rows[d.rows.length - 1].leads = [{ name: 'Bộ Nội vụ', code: 'BNV' }]
    d.rows[d.rows.length - 1].deadlineKind = 'recurring'
    d.rows[d.rows.length - 1].recurrence = 'monthly'
    d.rows[d.rows.length - 1].recurringFrom = '28/12/2023'
    d.rows[d.rows.length - 1].recurringUntil = '31/12/2060'
    const before = countRows(db, TABLES)
    let error: IntakeValidationError | undefined
    try {
      confirmIntake(db, office, d)
    } catch (e) {
      error = e as IntakeValidationError
    }
    expect(error).toBeInstanceOf(IntakeValidationError)
    // The register refused it (too many periods), after the directive and 29 items were written: all rolled back.
    expect(Object.values(error!.errors.rows).flat()).toEqual(['Dòng cuối.2: khoảng thời gian theo dõi quá dài (tối đa 240 kỳ).'])
    expect(countRows(db, TABLES)).toEqual(before)
  })

  it('refuses a duplicate number from the same issuer', () => {
    confirmIntake(db, office, draft002())
    const before = countRows(db, TABLES)
    try {
      confirmIntake(db, office, draft002())
      expect.unreachable()
    } catch (e) {
      expect((e as IntakeValidationError).errors.directive.number).toContain('đã có trong hệ thống')
      expect((e as IntakeValidationError).errors.duplicateOf).toBeGreaterThan(0)
    }
    expect(countRows(db, TABLES)).toEqual(before)
  })

  it('saves a mapped name as an alias, so that the next extraction resolves it', () => {
    const text = TEXT_002.replace(/Báo Nghệ An/g, 'Báo điện tử Nghệ An')
    const d = proposeDraft(db, text, 'x')
    d.directive.number = '35/CT-UBND'
    const row = d.rows.find((r) => r.leads.some((a) => a.code === null && /Báo điện tử/.test(a.name)))
    expect(row).toBeDefined()
    const lead = row!.leads.find((a) => a.code === null)!
    for (const r of d.rows) for (const a of r.leads) if (a.code === null && a.name === lead.name) Object.assign(a, { code: 'NA-BAO', saveAlias: true })
    confirmIntake(db, office, d)
    const saved = db.select().from(agencyAliases).where(eq(agencyAliases.alias, lead.name)).get()
    expect(saved?.agencyId).toBe(agencyId(db, 'NA-BAO'))
    expect(db.select().from(historyEntries).where(eq(historyEntries.action, 'agency_alias_added')).all().length).toBe(1)
    const again = proposeDraft(db, text, 'x')
    const resolved = again.rows.find((r) => r.ref === row!.ref)!
    expect(resolved.leads.map((a) => a.code)).toContain('NA-BAO')
    expect(resolved.leads.every((a) => a.code !== null)).toBe(true)
  })
})
