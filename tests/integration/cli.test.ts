// The stable command lines: user:create and seed --synthetic, run as a user would, against a real SQLite file.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client'
import { categorize, TASK_CATEGORIES } from '../../app/domain/categories'
import { todayInVietnam } from '../../app/domain/dates'
import { verifyHistoryChain } from '../../app/services/history.server'

function run(script: string, args: string[], databaseUrl: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function tempDb(name: string): string {
  const file = path.join(os.tmpdir(), `dondoc-cli-${process.pid}-${name}.db`)
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  return file
}

describe('npm run -s user:create', () => {
  it('creates an agency officer and prints one JSON line', () => {
    const file = tempDb('user')
    const r = run('db/cli/user-create.ts', ['--email', 'Can.Bo@BNV.example', '--name', 'Cán bộ Bộ Nội vụ', '--role', 'agency', '--agency', 'BNV', '--password', 'mat-khau-dai-du'], file)
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout.trim())
    expect(out).toMatchObject({ email: 'can.bo@bnv.example', role: 'agency', agency: 'BNV' })
    const db = openDatabase(file)
    const row = db.$client.prepare('select u.role, a.code, u.must_change_password m, u.password_hash h from users u join agencies a on a.id = u.agency_id where u.email = ?').get('can.bo@bnv.example') as { role: string; code: string; m: number; h: string }
    expect(row).toMatchObject({ role: 'agency', code: 'BNV', m: 0 })
    expect(row.h.startsWith('$argon2id$')).toBe(true)
    db.$client.close()
  })

  it('refuses an unknown agency, a bad role and a duplicate e-mail with Vietnamese messages, creating nothing', () => {
    const file = tempDb('bad')
    const unknown = run('db/cli/user-create.ts', ['--email', 'x@y.example', '--name', 'Người A', '--role', 'agency', '--agency', 'KHONG-CO', '--password', 'mat-khau-dai-du'], file)
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toContain('Không tìm thấy cơ quan')
    const role = run('db/cli/user-create.ts', ['--email', 'x@y.example', '--name', 'Người A', '--role', 'superuser', '--password', 'mat-khau-dai-du'], file)
    expect(role.status).toBe(1)
    expect(role.stderr).toContain('Vai trò không hợp lệ')
    expect(run('db/cli/user-create.ts', ['--email', 'x@y.example', '--name', 'Người A', '--role', 'leader', '--password', 'mat-khau-dai-du'], file).status).toBe(0)
    const dup = run('db/cli/user-create.ts', ['--email', 'X@y.example', '--name', 'Người B', '--role', 'leader', '--password', 'mat-khau-dai-du'], file)
    expect(dup.status).toBe(1)
    expect(dup.stderr).toContain('đã được dùng')
    const db = openDatabase(file)
    expect((db.$client.prepare('select count(*) n from users').get() as { n: number }).n).toBe(1)
    db.$client.close()
  })
})

describe('npm run -s seed -- --synthetic N', () => {
  it('fills the database with N tasks over ~500 agencies, every category represented, history chained', () => {
    const file = tempDb('synthetic')
    const r = run('db/seed/cli.ts', ['--synthetic', '3000'], file)
    expect(r.status).toBe(0)
    const summary = JSON.parse(r.stdout.trim())
    expect(summary.tasks).toBe(3000)
    expect(summary.agencies).toBeGreaterThanOrEqual(480)
    const db = openDatabase(file)
    const today = todayInVietnam()
    const tasks = db.$client.prepare('select status, due_on dueOn, completed_on completedOn from tasks').all() as Array<{ status: 'open' | 'pending' | 'completed' | 'cancelled'; dueOn: string | null; completedOn: string | null }>
    expect(tasks).toHaveLength(3000)
    const seen = new Set(tasks.map((t) => categorize(t, today)))
    for (const c of TASK_CATEGORIES.filter((c) => c !== 'cancelled')) expect(seen.has(c)).toBe(true)
    const officers = (db.$client.prepare(`select count(distinct agency_id) n from users where role = 'agency'`).get() as { n: number }).n
    expect(officers).toBeGreaterThanOrEqual(400)
    const withoutEmail = (db.$client.prepare(`select count(*) n from agencies where active = 1 and emails = '[]'`).get() as { n: number }).n
    expect(withoutEmail).toBe(0)
    expect(verifyHistoryChain(db).ok).toBe(true)
    db.$client.close()
  }, 120_000)

  it('refuses a count that is not a positive number', () => {
    const r = run('db/seed/cli.ts', ['--synthetic', 'nhieu'], tempDb('nan'))
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('--synthetic')
  })
})
