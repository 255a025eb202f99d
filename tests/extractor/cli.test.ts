// The command line as a user runs it: JSON on stdout for a directive, a Vietnamese message and exit 1 otherwise.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures')
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-extract-'))

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'db/cli/extract.ts', ...args], { encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function temp(name: string, content: string | Buffer): string {
  const file = path.join(TMP, name)
  fs.writeFileSync(file, content)
  return file
}

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }))

describe('npm run -s extract -- FILE', () => {
  it('prints one JSON object of the contract’s shape for 000 and exits 0', () => {
    const r = run(path.join(FIXTURES, 'directives', '000_506597647e220cc6.txt'))
    expect(r.status).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['directive', 'tasks', 'unassigned'])
    expect(Object.keys(out.directive)).toEqual(['type', 'number', 'title', 'issuer', 'signer', 'issuedOn'])
    expect(out.directive.type).toBe('thong_bao_ket_luan')
    expect(out.tasks.length).toBe(36)
    for (const t of out.tasks) {
      expect(Object.keys(t)).toEqual(['ref', 'content', 'leads', 'supports', 'deadline', 'output', 'target'])
      expect(Object.keys(t.deadline)).toEqual(['kind', 'dueOn', 'recurrence', 'phrase'])
      for (const a of [...t.leads, ...t.supports]) expect(Object.keys(a)).toEqual(['name', 'code'])
    }
    expect(r.stderr).toBe('')
  })

  it('takes the issue date from --issued-on when the text has none', () => {
    const r = run(path.join(FIXTURES, 'directives', '000_506597647e220cc6.txt'), '--issued-on', '2023-04-28')
    expect(JSON.parse(r.stdout).directive.issuedOn).toBe('2023-04-28')
  })

  it.each([
    ['an empty file', () => temp('empty.txt', ''), /trống/],
    ['a binary file', () => temp('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), /nhị phân/],
    // "Bé Nôi vu" in Latin-1: 0xE9 and 0xF4 start no valid UTF-8 sequence.
    ['a file that is not UTF-8', () => temp('latin1.txt', Buffer.from([0x42, 0xe9, 0x20, 0x4e, 0xf4, 0x69, 0x20, 0x76, 0x75])), /UTF-8/],
    ['English text', () => temp('english.txt', 'The Ministry shall report monthly to the Prime Minister on the implementation of this plan.'), /tiếng Việt/],
    ['a .docx that is not a Word file', () => temp('van-ban.docx', 'PK'), /không phải tệp Word/],
    ['a broken .pdf', () => temp('van-ban.pdf', '%PDF-1.7'), /PDF bị hỏng/],
    ['a scanned .pdf', () => path.join(FIXTURES, 'other', 'ban-quet.pdf'), /không có lớp chữ/],
    ['an old .doc file', () => temp('cu.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /\.docx/],
    ['a missing file', () => path.join(TMP, 'khong-co.txt'), /Không tìm thấy tệp/],
  ])('refuses %s with a Vietnamese message on stderr', (_, make, message) => {
    const r = run(make())
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
  })

  it('reads a .docx, a .pdf and an .xlsx into the same JSON', async () => {
    const { docx, p } = await import('../intake/ooxml')
    const word = temp('chi-thi.docx', Buffer.from(docx([p('CHỈ THỊ'), p('1. Bộ Nội vụ khẩn trương hoàn thiện dự thảo Nghị định, hoàn thành trong tháng 6 năm 2024.')])))
    const fromWord = run(word)
    expect(fromWord.status).toBe(0)
    expect(JSON.parse(fromWord.stdout).tasks[0]).toMatchObject({ ref: '1', leads: [{ code: 'BNV' }], deadline: { dueOn: '2024-06-30' } })
    const fromPdf = run(path.join(FIXTURES, 'other', 'chi-thi.pdf'))
    expect(fromPdf.status).toBe(0)
    expect(JSON.parse(fromPdf.stdout).directive.number).toBe('05/CT-UBND')
    const { buildTemplate } = await import('../../app/intake/template.server')
    const fromExcel = run(temp('mau.xlsx', Buffer.from(await buildTemplate())), '--issued-on', '2024-01-15')
    expect(fromExcel.status).toBe(0)
    expect(JSON.parse(fromExcel.stdout).tasks.map((t: { ref: string }) => t.ref)).toEqual(['I.1', 'I.2'])
  })

  it('refuses a bad flag and a bad date', () => {
    const file = path.join(FIXTURES, 'directives', '002_1ca8dc2ac5247edc.txt')
    expect(run(file, '--foo')).toMatchObject({ status: 1, stderr: expect.stringMatching(/Tham số không hợp lệ: --foo/) })
    expect(run(file, '--issued-on', '2024-13-01')).toMatchObject({ status: 1, stderr: expect.stringMatching(/Ngày ban hành không hợp lệ/) })
    expect(run(file, '--issued-on')).toMatchObject({ status: 1, stderr: expect.stringMatching(/Thiếu giá trị/) })
    expect(run()).toMatchObject({ status: 1, stderr: expect.stringMatching(/Thiếu đường dẫn tệp/) })
  })

  it('refuses a file over 10 MB', () => {
    const big = temp('big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61))
    expect(run(big)).toMatchObject({ status: 1, stderr: expect.stringMatching(/quá lớn/) })
  })
})
