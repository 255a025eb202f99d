// Synthetic data at scale for benchmarks and load checks: ~500 agencies with officers, hundreds of directives, N tasks.
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { historyEntries } from '../schema'
import { addDays, todayInVietnam } from '../../app/domain/dates'
import { foldVietnamese } from '../../app/domain/text'
import { hashPassword, generatePassword } from '../../app/services/auth.server'
import { entryHash, GENESIS_HASH } from '../../app/services/history.server'
import { loadReferenceData, recomputePaths } from './reference'

const DEPARTMENTS = [
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['STC', 'Sở Tài chính'],
  ['SXD', 'Sở Xây dựng'],
  ['SYT', 'Sở Y tế'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SCT', 'Sở Công Thương'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['VP', 'Văn phòng UBND tỉnh'],
  ['CA', 'Công an tỉnh'],
] as const

const VERBS = ['Xây dựng, trình ban hành', 'Rà soát, sửa đổi, bổ sung', 'Hoàn thiện và trình', 'Tổ chức triển khai', 'Báo cáo kết quả thực hiện', 'Đôn đốc, hướng dẫn', 'Kiểm tra, đánh giá', 'Nghiên cứu, đề xuất']
const OBJECTS = [
  'Nghị định về cơ chế một cửa, một cửa liên thông',
  'quy trình số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'Đề án phát triển ứng dụng dữ liệu về dân cư',
  'kế hoạch cải cách hành chính năm',
  'phương án cắt giảm, đơn giản hóa quy định kinh doanh',
  'hệ thống thông tin báo cáo và chia sẻ dữ liệu',
  'dịch vụ công trực tuyến toàn trình',
  'chính sách hỗ trợ cán bộ, công chức bộ phận một cửa',
  'Thông tư hướng dẫn lưu trữ hồ sơ điện tử',
  'bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ',
]
const FIELDS = ['đất đai', 'đầu tư công', 'tài chính, ngân sách', 'phòng cháy, chữa cháy', 'giáo dục', 'y tế', 'giao thông', 'xây dựng', 'tư pháp', 'hộ tịch']
const OUTPUTS = ['Nghị định', 'Quyết định', 'Báo cáo', 'Thông tư', 'Kế hoạch', 'Hệ thống thông tin', null]

/** Deterministic pseudo-random numbers so that two runs give the same data. */
function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

export interface SyntheticSummary {
  agencies: number
  users: number
  directives: number
  tasks: number
  history: number
  ms: number
}

/** Adds departments to every province until about 500 agencies exist, each with contact e-mails and an officer. */
async function ensureAgenciesAndOfficers(db: Db, target = 500): Promise<number> {
  const sqlite = db.$client
  const count = () => (sqlite.prepare('select count(*) n from agencies').get() as { n: number }).n
  const provinces = sqlite.prepare(`select id, code, short_name from agencies where kind = 'province' and active = 1 order by id`).all() as Array<{ id: number; code: string; short_name: string }>
  const insertAgency = sqlite.prepare(`insert or ignore into agencies (code, name, short_name, kind, parent_id, active, emails) values (?, ?, ?, 'provincial_department', ?, 1, ?)`)
  const insertAlias = sqlite.prepare(`insert or ignore into agency_aliases (agency_id, alias, alias_folded) values (?, ?, ?)`)
  sqlite.transaction(() => {
    outer: for (const [abbr, name] of DEPARTMENTS) {
      for (const p of provinces) {
        if (count() >= target) break outer
        const code = `${p.code}-${abbr}`
        const place = p.short_name.replace(/^UBND (tỉnh|TP) /, '')
        const full = `${name} ${place}`
        const r = insertAgency.run(code, full, full, p.id, JSON.stringify([`vanthu@${code.toLowerCase()}.example.gov.vn`]))
        if (r.changes) insertAlias.run(r.lastInsertRowid, full, foldVietnamese(full))
      }
    }
  })()
  recomputePaths(db)
  // One officer per agency, sharing a hash of a password nobody knows: these accounts exist to be counted and scoped.
  const hash = await hashPassword(generatePassword())
  const insertUser = sqlite.prepare(`insert or ignore into users (email, name, role, agency_id, password_hash, must_change_password) values (?, ?, 'agency', ?, ?, 1)`)
  sqlite.transaction(() => {
    for (const a of sqlite.prepare('select id, code, short_name from agencies where active = 1').all() as Array<{ id: number; code: string; short_name: string }>) {
      insertUser.run(`canbo.${a.code.toLowerCase()}@synthetic.example`, `Cán bộ ${a.short_name}`, a.id, hash)
    }
  })()
  return count()
}

export async function seedSynthetic(db: Db, taskCount: number, options: { today?: string; seed?: number } = {}): Promise<SyntheticSummary> {
  const started = Date.now()
  const sqlite = db.$client
  const today = options.today ?? todayInVietnam()
  const random = rng(options.seed ?? 20231)
  loadReferenceData(db)
  const agencyTotal = await ensureAgenciesAndOfficers(db)
  const active = sqlite.prepare('select id, code, short_name from agencies where active = 1 and kind != ? order by id').all('government') as Array<{ id: number; code: string; short_name: string }>
  const searchWords = new Map(active.map((a) => [a.id, foldVietnamese(`${a.code} ${a.short_name}`)]))
  const office = (sqlite.prepare(`select id from users where role = 'office' order by id limit 1`).get() as { id: number } | undefined)?.id ?? null
  const vpcp = (sqlite.prepare(`select id from agencies where code = 'VPCP'`).get() as { id: number } | undefined)?.id ?? null

  const directiveCount = Math.max(5, Math.min(400, Math.round(taskCount / 250)))
  const tasksPerDirective = Math.ceil(taskCount / directiveCount)
  const insertDirective = sqlite.prepare(
    `insert into directives (type, number, number_folded, title, issuer, issuer_folded, signer, issued_on, full_text, monitoring_agency_id, status, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, '', ?, 'open', ?, ?)`,
  )
  const insertItem = sqlite.prepare(
    `insert into directive_items (directive_id, ref, content, deadline_kind, due_on, output, is_key, lead_codes, support_codes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertTask = sqlite.prepare(
    `insert into tasks (item_id, directive_id, lead_agency_id, rollup_agency_id, content, due_on, original_due_on, extension_count, status, completed_on, progress_percent, last_note, delay_reason, is_key, search_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertTaskAgency = sqlite.prepare(`insert or ignore into task_agencies (task_id, agency_id, role) values (?, ?, ?)`)
  const insertHistory = sqlite.prepare(
    `insert into history_entries (at, actor_id, entity, entity_id, directive_id, task_id, action, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  let prevHash = db.select({ hash: historyEntries.hash }).from(historyEntries).orderBy(sql`id desc`).limit(1).get()?.hash ?? GENESIS_HASH
  let historyCount = 0
  const history = (f: { at: string; actorId: number | null; entity: string; entityId: number; directiveId: number | null; taskId: number | null; action: string; before: string | null; after: string | null }) => {
    const hash = entryHash(prevHash, f)
    insertHistory.run(f.at, f.actorId, f.entity, f.entityId, f.directiveId, f.taskId, f.action, f.before, f.after, prevHash, hash)
    prevHash = hash
    historyCount++
  }
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]
  const runId = crypto.randomBytes(3).toString('hex')
  let made = 0
  let directives = 0
  const batch = sqlite.transaction((d: number) => {
    const issuedOn = addDays(today, -Math.floor(30 + random() * 500))
    const at = `${issuedOn}T02:00:00.000Z`
    const number = `${100 + d}/TB-VPCP-${runId}`
    const title = `Kết luận về ${pick(OBJECTS)} (văn bản tổng hợp số ${d + 1})`
    const directiveId = Number(insertDirective.run('thong_bao_ket_luan', number, foldVietnamese(number).replace(/\s+/g, ''), title, 'Văn phòng Chính phủ', foldVietnamese('Văn phòng Chính phủ'), 'Người ký', issuedOn, vpcp, office, at).lastInsertRowid)
    history({ at, actorId: office, entity: 'directive', entityId: directiveId, directiveId, taskId: null, action: 'directive_created', before: null, after: JSON.stringify({ number, issuedOn }) })
    directives++
    let inDirective = 0
    let itemNo = 0
    while (inDirective < tasksPerDirective && made < taskCount) {
      itemNo++
      const content = `${pick(VERBS)} ${pick(OBJECTS)} trong lĩnh vực ${pick(FIELDS)}`
      const standing = random() < 0.08
      const itemDue = standing ? null : addDays(issuedOn, 20 + Math.floor(random() * 480))
      const isKey = random() < 0.2 ? 1 : 0
      const output = pick(OUTPUTS)
      // Most items go to one agency; some fan out to many, as group addressees do.
      const fanout = random() < 0.1 ? 20 + Math.floor(random() * 60) : 1
      const leads = [...new Map(Array.from({ length: fanout }, () => pick(active)).map((a) => [a.id, a])).values()]
      const supports = random() < 0.5 ? [pick(active)] : []
      const itemId = Number(
        insertItem.run(directiveId, `${1 + (itemNo % 9)}.${String.fromCharCode(97 + (itemNo % 10))}`, content, standing ? 'standing' : 'date', itemDue, output, isKey, JSON.stringify(leads.slice(0, 3).map((l) => l.code)), JSON.stringify(supports.map((s) => s.code)), at).lastInsertRowid,
      )
      for (const lead of leads) {
        if (made >= taskCount || inDirective >= tasksPerDirective) break
        const dueOn = itemDue
        let status = 'open'
        let completedOn: string | null = null
        let progress = Math.floor(random() * 80)
        let delay: string | null = null
        const r = random()
        if (dueOn && dueOn < today) {
          if (r < 0.5) (status = 'completed'), (completedOn = addDays(dueOn, -Math.floor(random() * 20)))
          else if (r < 0.7) (status = 'completed'), (completedOn = addDays(dueOn, 1 + Math.floor(random() * 30)))
          else if (r < 0.75) status = 'pending'
          else delay = random() < 0.5 ? 'Chờ ý kiến thẩm định của các cơ quan liên quan.' : null
          if (completedOn && completedOn > today) completedOn = today
        } else if (dueOn) {
          if (r < 0.12) (status = 'completed'), (completedOn = addDays(today, -Math.floor(random() * 30)))
          else if (r < 0.2) status = 'pending'
        }
        if (completedOn && completedOn < issuedOn) completedOn = issuedOn
        if (status !== 'open') progress = 100
        const search = `${foldVietnamese(content)} ${foldVietnamese(number)} ${searchWords.get(lead.id)} ${supports.map((s) => searchWords.get(s.id)).join(' ')}`
        const taskId = Number(insertTask.run(itemId, directiveId, lead.id, lead.id, content, dueOn, dueOn, 0, status, completedOn, progress, progress ? 'Đang triển khai theo kế hoạch.' : null, delay, isKey, search, at, at).lastInsertRowid)
        insertTaskAgency.run(taskId, lead.id, 'lead')
        for (const s of supports) if (s.id !== lead.id) insertTaskAgency.run(taskId, s.id, 'support')
        history({ at, actorId: office, entity: 'task', entityId: taskId, directiveId, taskId, action: 'task_assigned', before: null, after: JSON.stringify({ leads: [lead.code], dueOn }) })
        if (status === 'completed') {
          const doneAt = `${completedOn}T09:00:00.000Z`
          history({ at: doneAt, actorId: office, entity: 'task', entityId: taskId, directiveId, taskId, action: 'completion_confirmed', before: JSON.stringify({ status: 'pending' }), after: JSON.stringify({ status: 'completed', completedOn }) })
        }
        made++
        inDirective++
      }
    }
  })
  for (let d = 0; made < taskCount; d++) batch(d)
  sqlite.pragma('optimize')
  return {
    agencies: agencyTotal,
    users: (sqlite.prepare('select count(*) n from users').get() as { n: number }).n,
    directives,
    tasks: made,
    history: historyCount,
    ms: Date.now() - started,
  }
}

