// The jobs that exist so far — the overdue sweep and the daily roll-up — on real SQLite files, and their command line.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { historyEntries, rollupSnapshots, tasks } from '../../db/schema'
import { countsByAgency } from '../../app/models/task.server'
import { editTask } from '../../app/services/task-workflow.server'
import { verifyHistoryChain } from '../../app/services/history.server'
import { loadHolidays } from '../../jobs/calendar'
import { runJob } from '../../jobs/run'
import { parseNow } from '../../jobs/time'
import { freshDb } from '../support/db'
import { agencyId, makeDirective, makeItem, makeUser } from '../support/factories'

async function world() {
  const { db, file } = freshDb()
  loadHolidays(db)
  const office = await makeUser(db, 'office', 'VPCP')
  const directiveId = makeDirective(db, office, { issuedOn: '2024-01-02' })
  const overdue = makeItem(db, office, directiveId, { leads: ['BNV'], deadline: { kind: 'date', dueOn: '2024-06-14' } }).taskIds[0]
  const longOverdue = makeItem(db, office, directiveId, { leads: ['BCA'], supports: [], deadline: { kind: 'date', dueOn: '2024-05-15' } }).taskIds[0]
  const future = makeItem(db, office, directiveId, { leads: ['BTP'], supports: [], deadline: { kind: 'date', dueOn: '2024-12-31' } }).taskIds[0]
  return { db, file, office, directiveId, overdue, longOverdue, future }
}

const NOW = new Date('2024-06-27T08:00:00+07:00')
const historyOf = (db: ReturnType<typeof freshDb>['db'], taskId: number, action: string) =>
  db.select().from(historyEntries).where(sql`${historyEntries.taskId} = ${taskId} and ${historyEntries.action} = ${action}`).all()

describe('overdue sweep', () => {
  it('records each overdue task once, and again only after its deadline changes', async () => {
    const w = await world()
    expect(await runJob(w.db, 'overdue', NOW)).toMatchObject({ job: 'overdue', flagged: 2 })
    expect(await runJob(w.db, 'overdue', NOW)).toMatchObject({ flagged: 0, escalated: 0 })
    expect(historyOf(w.db, w.overdue, 'became_overdue')).toHaveLength(1)
    expect(JSON.parse(historyOf(w.db, w.overdue, 'became_overdue')[0].after!)).toMatchObject({ dueOn: '2024-06-14', overdueSince: '2024-06-15' })
    expect(historyOf(w.db, w.future, 'became_overdue')).toHaveLength(0)
    editTask(w.db, w.office, w.overdue, { content: 'Xây dựng dự thảo Nghị định', dueOn: '2024-06-20', isKey: false, issuedOn: '2024-01-02' })
    expect(await runJob(w.db, 'overdue', NOW)).toMatchObject({ flagged: 1 })
    expect(historyOf(w.db, w.overdue, 'became_overdue')).toHaveLength(2)
    expect(verifyHistoryChain(w.db).ok).toBe(true)
  })

  it('escalates a task overdue by more than 10 working days, once', async () => {
    const w = await world()
    const summary = await runJob(w.db, 'overdue', NOW)
    // 15/5 → 27/6/2024 is far past 10 working days; 14/6 → 27/6 is 9 working days.
    expect(summary).toMatchObject({ escalated: 1 })
    expect(historyOf(w.db, w.longOverdue, 'overdue_escalated')).toHaveLength(1)
    expect(historyOf(w.db, w.overdue, 'overdue_escalated')).toHaveLength(0)
    expect(await runJob(w.db, 'overdue', new Date('2024-06-28T08:00:00+07:00'))).toMatchObject({ escalated: 0 }) // exactly 10 working days
    expect(await runJob(w.db, 'overdue', new Date('2024-07-01T08:00:00+07:00'))).toMatchObject({ escalated: 1 }) // 11
    expect(historyOf(w.db, w.overdue, 'overdue_escalated')).toHaveLength(1)
    const runs = w.db.$client.prepare(`select status, summary from job_runs where job = 'overdue'`).all() as Array<{ status: string }>
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true)
  })
})

describe('daily roll-up', () => {
  it('freezes figures equal to a direct count, per agency and up the tree, once a day', async () => {
    const w = await world()
    const first = await runJob(w.db, 'rollup', NOW)
    expect(first.rows).toBeGreaterThan(0)
    const direct = countsByAgency(w.db, { role: 'leader', agencyId: null }, '2024-06-27')
    const bnv = w.db.select().from(rollupSnapshots).where(sql`${rollupSnapshots.day} = '2024-06-27' and ${rollupSnapshots.agencyId} = ${agencyId(w.db, 'BNV')} and ${rollupSnapshots.scope} = 'own'`).get()!
    expect(bnv).toMatchObject({ assigned: direct.get(agencyId(w.db, 'BNV'))!.assigned, overdue: 1, inProgress: 0 })
    const government = w.db.select().from(rollupSnapshots).where(sql`${rollupSnapshots.agencyId} = ${agencyId(w.db, 'CP')} and ${rollupSnapshots.scope} = 'tree'`).get()!
    expect(government).toMatchObject({ assigned: 3, overdue: 2, inProgress: 1 })
    expect(await runJob(w.db, 'rollup', NOW)).toMatchObject({ rows: 0 })
    // A later edit does not move the frozen figures.
    w.db.update(tasks).set({ dueOn: '2024-12-31' }).where(eq(tasks.id, w.overdue)).run()
    await runJob(w.db, 'rollup', NOW)
    expect(w.db.select().from(rollupSnapshots).where(sql`${rollupSnapshots.day} = '2024-06-27' and ${rollupSnapshots.agencyId} = ${agencyId(w.db, 'BNV')} and ${rollupSnapshots.scope} = 'own'`).get()!.overdue).toBe(1)
  })
})

describe('npm run -s jobs', () => {
  const run = (args: string[], file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'jobs/cli.ts', ...args], { env: { ...process.env, DATABASE_URL: file }, encoding: 'utf8', timeout: 60_000 })

  it('runs a job as of --now and prints one JSON line; the second run prints zeros', async () => {
    const w = await world()
    w.db.$client.close()
    const first = run(['run', 'overdue', '--now', '2024-06-27T08:00:00+07:00'], w.file)
    expect(first.status).toBe(0)
    expect(JSON.parse(first.stdout.trim())).toMatchObject({ job: 'overdue', flagged: 2, escalated: 1 })
    expect(JSON.parse(first.stdout.trim()).queued).toBeGreaterThan(0) // the monitoring office (VPCP) is told
    const second = run(['run', 'overdue', '--now', '2024-06-27T08:00:00+07:00'], w.file)
    expect(JSON.parse(second.stdout.trim())).toEqual({ job: 'overdue', flagged: 0, escalated: 0, queued: 0 })
  })

  it('refuses a malformed --now and an unknown job with Vietnamese messages', () => {
    const file = path.join(os.tmpdir(), `dondoc-jobs-cli-${process.pid}.db`)
    fs.rmSync(file, { force: true })
    const bad = run(['run', 'overdue', '--now', '27/06/2024'], file)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('--now không hợp lệ')
    const unknown = run(['run', 'dondep'], file)
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('Không có việc')
  })

  it('parses --now strictly', () => {
    expect(parseNow('2024-06-27T08:00:00+07:00')?.toISOString()).toBe('2024-06-27T01:00:00.000Z')
    expect(parseNow('2024-06-27')).toBeNull()
    expect(parseNow('2024-02-30T08:00:00Z')).toBeNull()
    expect(parseNow('2024-06-27T25:00:00+07:00')).toBeNull()
  })
})
