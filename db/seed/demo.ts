// Demo data for an empty database: the two sample directives, shifted to today, with a realistic history of work.
import fs from 'node:fs'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { DEMO_DIRECTIVES } from '../demo/directives'
import type { IsoDate } from '../reference/types'
import { agencies, directives, taskAgencies, tasks, users, type Role } from '../schema'
import { addDays, addMonths, endOfMonth, todayInVietnam } from '../../app/domain/dates'
import { generatePassword, hashPassword } from '../../app/services/auth.server'
import { addItem, createDirective } from '../../app/services/register.server'
import {
  confirmCompletion,
  decideExtension,
  proposeCompletion,
  reportProgress,
  requestExtension,
  type WorkflowActor,
} from '../../app/services/task-workflow.server'
import { createUser, createUserWithHash } from '../../app/services/users.server'

export interface DemoLogin {
  role: Role
  email: string
  name: string
  agency: string | null
  password: string
}

/**
 * The day in each document's own time that the demo treats as today: chosen so that some deadlines have passed
 * and others have not, which gives every category.
 */
const DEMO_ANCHORS: Record<string, IsoDate> = {
  '44/TB-VPCP': '2023-06-12',
  '45/CT-UBND': '2024-04-20',
}

const DEMO_ACCOUNTS: Array<{ role: Role; email: string; name: string; agencyCode: string | null }> = [
  { role: 'admin', email: 'quantri@dondoc.example', name: 'Quản trị hệ thống', agencyCode: null },
  { role: 'office', email: 'vanphong@dondoc.example', name: 'Nguyễn Thị Thu (Văn phòng Chính phủ)', agencyCode: 'VPCP' },
  { role: 'leader', email: 'lanhdao@dondoc.example', name: 'Trần Văn Minh (Lãnh đạo)', agencyCode: null },
  { role: 'agency', email: 'canbo.bnv@dondoc.example', name: 'Lê Văn An (Bộ Nội vụ)', agencyCode: 'BNV' },
  { role: 'agency', email: 'canbo.bca@dondoc.example', name: 'Phạm Quốc Bảo (Bộ Công an)', agencyCode: 'BCA' },
  { role: 'agency', email: 'canbo.snv@dondoc.example', name: 'Hồ Thị Lan (Sở Nội vụ Nghệ An)', agencyCode: 'NA-SNV' },
]

/** A small deterministic generator, so the demo looks the same on every fresh machine. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return ((s >>> 0) % 1_000_000) / 1_000_000
  }
}

/** 09:00 in Vietnam on that date. */
const at = (date: IsoDate, hour = 9) => new Date(`${date}T${String(hour - 7).padStart(2, '0')}:00:00Z`)

export function isDatabaseEmpty(db: Db): boolean {
  const d = db.select({ n: sql<number>`count(*)` }).from(directives).get()?.n ?? 0
  const u = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0
  return d === 0 && u === 0
}

export function demoTextsDir(): string {
  return path.resolve(process.cwd(), 'db/demo/texts')
}

/** Loads the demo into an empty database and returns the demo logins; null when the database is not empty. */
export async function loadDemoData(db: Db, now = new Date()): Promise<DemoLogin[] | null> {
  if (!isDatabaseEmpty(db)) return null
  const today = todayInVietnam(now)
  const logins: DemoLogin[] = []
  const ids = new Map<string, number>()
  for (const account of DEMO_ACCOUNTS) {
    const password = generatePassword()
    const id = await createUser(db, null, { ...account, password, mustChangePassword: true })
    ids.set(account.email, id)
    logins.push({ role: account.role, email: account.email, name: account.name, agency: account.agencyCode, password })
  }
  const office: WorkflowActor = { id: ids.get('vanphong@dondoc.example')!, role: 'office', agencyId: null }

  const events: Array<{ when: Date; run: () => void }> = []
  const unknownHash = await hashPassword(generatePassword())
  const officers = new Map<number, WorkflowActor>()
  const officerOf = (agencyId: number): WorkflowActor => {
    let officer = officers.get(agencyId)
    if (!officer) {
      const existing = db.select({ id: users.id }).from(users).where(sql`${users.role} = 'agency' and ${users.agencyId} = ${agencyId}`).get()
      const agency = db.select().from(agencies).where(eq(agencies.id, agencyId)).get()!
      const id =
        existing?.id ??
        createUserWithHash(db, null, { email: `canbo.${agency.code.toLowerCase()}@dondoc.example`, name: `Cán bộ ${agency.shortName}`, role: 'agency', agencyId }, unknownHash, true)
      officer = { id, role: 'agency', agencyId }
      officers.set(agencyId, officer)
    }
    return officer
  }

  for (const seed of DEMO_DIRECTIVES) {
    // Whole months, so that "trong tháng 6" stays the last day of a month and quarters stay quarters.
    const anchor = DEMO_ANCHORS[seed.number] ?? seed.issuedOn
    const months = (Number(today.slice(0, 4)) - Number(anchor.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(anchor.slice(5, 7))
    const s = (d: IsoDate | undefined) => {
      if (!d) return undefined
      const moved = addMonths(d, months)
      return d === endOfMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7))) ? endOfMonth(Number(moved.slice(0, 4)), Number(moved.slice(5, 7))) : moved
    }
    const issuedOn = s(seed.issuedOn)!
    const fullText = fs.readFileSync(path.join(demoTextsDir(), seed.textFile), 'utf8')
    const directiveId = createDirective(
      db,
      office,
      { type: seed.type, number: seed.number, title: seed.title, issuer: seed.issuer, signer: seed.signer, issuedOn, fullText, monitoringAgencyCode: seed.monitoringAgencyCode },
      at(issuedOn, 8),
    )
    for (const item of seed.items) {
      addItem(
        db,
        office,
        directiveId,
        {
          ...item,
          deadline: { ...item.deadline, dueOn: s(item.deadline.dueOn), recurringFrom: s(item.deadline.recurringFrom), recurringUntil: s(item.deadline.recurringUntil) },
        },
        // Groups are read as they stood when the document was issued (district committees still existed then).
        { membershipDate: seed.issuedOn, now: at(issuedOn, 10) },
      )
    }
    planActivity(db, directiveId, issuedOn, today, officerOf, office, events)
  }

  events.sort((a, b) => a.when.getTime() - b.when.getTime())
  for (const e of events) e.run()
  return logins
}

function planActivity(
  db: Db,
  directiveId: number,
  issuedOn: IsoDate,
  today: IsoDate,
  officerOf: (agencyId: number) => WorkflowActor,
  office: WorkflowActor,
  events: Array<{ when: Date; run: () => void }>,
): void {
  const rows = db
    .select({ id: tasks.id, dueOn: tasks.dueOn, leadId: sql<number>`(select ${taskAgencies.agencyId} from ${taskAgencies} where ${taskAgencies.taskId} = ${tasks.id} and ${taskAgencies.role} = 'lead' limit 1)` })
    .from(tasks)
    .where(eq(tasks.directiveId, directiveId))
    .all()
  const clampPast = (d: IsoDate) => (d < issuedOn ? issuedOn : d >= today ? addDays(today, -1) : d)
  for (const t of rows) {
    const rnd = random(t.id * 7919)
    const r = rnd()
    const officer = officerOf(t.leadId)
    const push = (date: IsoDate, run: () => void, hour = 9) => {
      if (date >= issuedOn && date <= today) events.push({ when: at(date, hour), run })
    }
    if (t.dueOn == null) {
      if (r < 0.4) push(clampPast(addDays(issuedOn, 5 + Math.floor(rnd() * 20))), () => reportProgress(db, officer, t.id, { percent: 0, note: 'Đã triển khai tới các đơn vị trực thuộc; thực hiện thường xuyên.' }, at(today)))
      continue
    }
    if (t.dueOn < today) {
      if (r < 0.45) {
        const doneOn = clampPast(addDays(t.dueOn, -1 - Math.floor(rnd() * 15)))
        push(clampPast(addDays(doneOn, -7)), () => reportProgress(db, officer, t.id, { percent: 60, note: 'Đang hoàn thiện dự thảo, lấy ý kiến các đơn vị liên quan.' }, at(clampPast(addDays(doneOn, -7)))))
        push(doneOn, () => proposeCompletion(db, officer, t.id, { note: 'Đã hoàn thành, gửi kèm văn bản kết quả.', evidenceNumber: `${100 + t.id}/BC-${t.id}`, evidenceDate: doneOn }, at(doneOn)), 10)
        push(addDays(doneOn, 1) <= today ? addDays(doneOn, 1) : doneOn, () => confirmCompletion(db, office, t.id, 'Đã kiểm tra văn bản kết quả.', at(addDays(doneOn, 1) <= today ? addDays(doneOn, 1) : doneOn, 15)), 15)
      } else if (r < 0.65) {
        const doneOn = clampPast(addDays(t.dueOn, 1 + Math.floor(rnd() * 10)))
        if (doneOn <= t.dueOn) continue
        push(doneOn, () => proposeCompletion(db, officer, t.id, { note: 'Đã hoàn thành.', delayReason: 'Phải chờ ý kiến thẩm định của các bộ, ngành liên quan.', evidenceNumber: `${200 + t.id}/BC-${t.id}`, evidenceDate: doneOn }, at(doneOn)), 10)
        push(doneOn, () => confirmCompletion(db, office, t.id, '', at(doneOn, 16)), 16)
      } else if (r < 0.85) {
        const reportOn = addDays(today, -1 - Math.floor(rnd() * 5))
        if (reportOn > t.dueOn) push(reportOn, () => reportProgress(db, officer, t.id, { percent: 50 + Math.floor(rnd() * 40), note: 'Đang trình lãnh đạo bộ xem xét.', delayReason: 'Nội dung phức tạp, cần thêm thời gian lấy ý kiến địa phương.' }, at(reportOn)))
      }
      continue
    }
    // Not yet due.
    if (r < 0.35) {
      const reportOn = clampPast(addDays(today, -2 - Math.floor(rnd() * 10)))
      push(reportOn, () => reportProgress(db, officer, t.id, { percent: 10 + Math.floor(rnd() * 70), note: 'Đã xây dựng dự thảo, đang lấy ý kiến.' }, at(reportOn)))
    } else if (r < 0.45) {
      const on = addDays(today, -1)
      push(on, () => proposeCompletion(db, officer, t.id, { note: 'Đã hoàn thành, đề nghị Văn phòng xác nhận.', evidenceNumber: `${300 + t.id}/BC-${t.id}`, evidenceDate: on }, at(on)), 11)
    } else if (r < 0.5) {
      const on = addDays(today, -3)
      push(on, () => requestExtension(db, officer, t.id, { proposedDueOn: addDays(t.dueOn!, 30), reason: 'Cần thêm thời gian tổng hợp ý kiến của các địa phương.' }, at(on)), 11)
    } else if (r < 0.53) {
      const on = addDays(today, -6)
      push(on, () => requestExtension(db, officer, t.id, { proposedDueOn: addDays(t.dueOn!, 20), reason: 'Chờ Nghị định hướng dẫn được ban hành.' }, at(on)), 11)
      push(addDays(on, 2), () => decideExtension(db, office, t.id, { approve: true, note: 'Đồng ý gia hạn.' }, at(addDays(on, 2))), 14)
    }
  }
}
