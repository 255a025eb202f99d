// The intake route: who may use it, CSRF on both forms (urlencoded and multipart), uploads, and confirmation.
import fs from 'node:fs'
import path from 'node:path'
import { closeDb } from '../../db/client'
import * as intakeRoute from '../../app/routes/directives.intake'
import type { Draft } from '../../app/lib/intake-draft'
import { makeUser } from '../support/factories'
import { args, BASE_URL, countRows, getRequest, postRequest, settle, signIn, useFreshAppDb, type TestSession } from '../support/routes'

const TEXT_002 = fs.readFileSync(path.resolve('tests/fixtures/directives/002_1ca8dc2ac5247edc.txt'), 'utf8')
const TABLES = ['directives', 'directive_items', 'tasks', 'task_agencies', 'agency_aliases', 'history_entries']

async function world() {
  const { db } = useFreshAppDb()
  const office = await makeUser(db, 'office', 'VPCP')
  const leader = await makeUser(db, 'leader')
  const officer = await makeUser(db, 'agency', 'BNV')
  return { db, office, leader, officer }
}

afterEach(() => closeDb())

function multipart(session: TestSession, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array }, csrf: string | null = session.csrf): Request {
  const form = new FormData()
  if (csrf !== null) form.append('csrf', csrf)
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  if (file) form.append('file', new File([Buffer.from(file.bytes)], file.name, { type: 'text/plain' }))
  return new Request(`${BASE_URL}/directives/intake`, { method: 'POST', body: form, headers: { Cookie: session.cookie } })
}

async function extract(session: TestSession, text: string): Promise<Draft> {
  const res = await settle(() => intakeRoute.action(args(multipart(session, { intent: 'extract', text }))))
  expect(res.status).toBe(200)
  return ((await res.json()) as { draft: Draft }).draft
}

describe('the intake route', () => {
  it('is for the office only: officers and leaders get 403 on the page and on both posts', async () => {
    const w = await world()
    for (const who of [w.officer, w.leader]) {
      const session = await signIn(who.email)
      expect((await settle(() => intakeRoute.loader(args(getRequest('/directives/intake', session))))).status).toBe(403)
      expect((await settle(() => intakeRoute.action(args(multipart(session, { intent: 'extract', text: TEXT_002 }))))).status).toBe(403)
      expect((await settle(() => intakeRoute.action(args(postRequest('/directives/intake', { intent: 'confirm', draft: '{}' }, session))))).status).toBe(403)
    }
    const office = await signIn(w.office.email)
    expect((await settle(() => intakeRoute.loader(args(getRequest('/directives/intake', office))))).status).toBe(200)
  })

  it('refuses a forged post (wrong or missing CSRF token) with 403 and changes nothing', async () => {
    const w = await world()
    const session = await signIn(w.office.email)
    const draft = await extract(session, TEXT_002)
    draft.directive.number = '34/CT-UBND'
    const before = countRows(w.db, TABLES)
    const forged = await settle(() => intakeRoute.action(args(postRequest('/directives/intake', { intent: 'confirm', draft: JSON.stringify(draft) }, session, { csrf: 'forged' }))))
    expect(forged.status).toBe(403)
    const missing = await settle(() => intakeRoute.action(args(multipart(session, { intent: 'extract', text: TEXT_002 }, undefined, null))))
    expect(missing.status).toBe(403)
    expect(countRows(w.db, TABLES)).toEqual(before)
  })

  it('reads an uploaded .txt, and refuses binary, other and oversized files with Vietnamese messages', async () => {
    const w = await world()
    const session = await signIn(w.office.email)
    const ok = await settle(() => intakeRoute.action(args(multipart(session, { intent: 'extract', text: '' }, { name: 'chi-thi.txt', bytes: new TextEncoder().encode(TEXT_002) }))))
    expect(ok.status).toBe(200)
    const draft = ((await ok.json()) as { draft: Draft }).draft
    expect(draft.rows.length).toBe(30)
    expect(draft.sourceLabel).toBe('tệp chi-thi.txt')

    const cases: Array<[string, Uint8Array, number, RegExp]> = [
      ['rac.txt', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe]), 400, /không phải văn bản/],
      ['anh.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 400, /Chỉ nhận tệp/],
      ['lon.txt', new Uint8Array(10 * 1024 * 1024 + 10).fill(0x61), 413, /quá lớn/],
    ]
    const before = countRows(w.db, TABLES)
    for (const [name, bytes, status, message] of cases) {
      const res = await settle(() => intakeRoute.action(args(multipart(session, { intent: 'extract', text: '' }, { name, bytes }))))
      expect(res.status, name).toBe(status)
      expect(((await res.json()) as { error: string }).error, name).toMatch(message)
    }
    expect(countRows(w.db, TABLES)).toEqual(before)
  })

  it('confirms a valid draft with a redirect to the new directive, and returns a wrong one with its errors and edits', async () => {
    const w = await world()
    const session = await signIn(w.office.email)
    const draft = await extract(session, TEXT_002)
    const before = countRows(w.db, TABLES)

    // No number, an unmapped lead on one row: nothing is saved and the edits come back.
    draft.rows[2].leads = [{ name: 'Sở Khoa học tỉnh', code: null }]
    draft.rows[2].content = 'Nội dung đã sửa bởi chuyên viên'
    const refused = await settle(() => intakeRoute.action(args(postRequest('/directives/intake', { intent: 'confirm', draft: JSON.stringify(draft) }, session))))
    expect(refused.status).toBe(400)
    const body = (await refused.json()) as { draft: Draft; errors: { directive: Record<string, string>; rows: Record<string, string[]> } }
    expect(body.errors.directive.number).toBe('Nhập số, ký hiệu.')
    expect(body.errors.rows[draft.rows[2].id]).toEqual(['Dòng 1.c: chưa xác định cơ quan chủ trì "Sở Khoa học tỉnh".'])
    expect(body.draft.rows[2].content).toBe('Nội dung đã sửa bởi chuyên viên')
    expect(countRows(w.db, TABLES)).toEqual(before)

    // A broken draft is refused plainly.
    const broken = await settle(() => intakeRoute.action(args(postRequest('/directives/intake', { intent: 'confirm', draft: '{"rows": 5}' }, session))))
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { error: string }).error).toMatch(/không hợp lệ/)

    draft.directive.number = '34/CT-UBND'
    draft.rows[2].leads = [{ name: 'Sở Khoa học và Công nghệ', code: 'NA-SKHCN' }]
    const saved = await settle(() => intakeRoute.action(args(postRequest('/directives/intake', { intent: 'confirm', draft: JSON.stringify(draft) }, session))))
    expect(saved.status).toBe(302)
    expect(saved.headers.get('Location')).toMatch(/^\/directives\/\d+\?imported=\d+$/)
    expect(countRows(w.db, TABLES).directives).toBe(before.directives + 1)
  })
})
