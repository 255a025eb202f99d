// Task tables as they are pasted into text: tab-separated rows copied from Word, or Markdown pipe tables, with
// headers such as STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm.
import { agenciesInCell, openingAddressee, tokenized } from './addressees'
import { pickDeadline } from './deadlines'
import { findTarget } from './details'
import { foldAligned } from './fold'
import { isTableLine } from './normalize'
import type { Assembly } from './tasks'

type Role = 'ref' | 'content' | 'lead' | 'support' | 'deadline' | 'output' | 'note'

// Checked in this order: "Thời gian thực hiện" is a deadline before it is a lead ("thực hiện").
const ROLES: Array<[Role, RegExp]> = [
  ['ref', /^(stt|tt|so tt|so thu tu)$/],
  ['note', /\bghi chu\b/],
  ['support', /\bphoi hop\b/],
  ['deadline', /\b(thoi gian|thoi han|tien do|han hoan thanh|thoi diem|han xu ly)\b/],
  ['lead', /\b(chu tri|thuc hien|trach nhiem|dau moi|tham muu)\b/],
  ['output', /\b(san pham|ket qua|hinh thuc)\b/],
  ['content', /\b(noi dung|nhiem vu|cong viec|de an|giai phap|hoat dong|ten)\b/],
]

function cellsOf(line: string): string[] {
  if (/^\s*\|/.test(line)) {
    return line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.replace(/<br\s*\/?>/gi, ' ').trim())
  }
  return line.split('\t').map((c) => c.trim())
}

function rolesOf(cells: string[]): Array<Role | null> {
  return cells.map((c) => {
    const f = foldAligned(c).replace(/[*_:.]/g, '').trim()
    if (f === '' || f.split(/\s+/).length > 8) return null
    for (const [role, re] of ROLES) if (re.test(f)) return role
    return null
  })
}

export interface Table {
  /** Paragraph indexes the table occupies. */
  from: number
  to: number
  roles: Array<Role | null>
  rows: string[][]
}

const ROMAN = /^[IVX]+\.?$/
const SEPARATOR_ROW = /^[\s|:\-–]+$/

/** The task tables among the paragraphs: a header row naming the columns, then its rows. */
export function readTables(paragraphs: string[]): Table[] {
  const tables: Table[] = []
  for (let i = 0; i < paragraphs.length; i++) {
    if (!isTableLine(paragraphs[i])) continue
    const roles = rolesOf(cellsOf(paragraphs[i]))
    const has = (r: Role) => roles.includes(r)
    if (!has('content') || !(has('lead') || has('deadline') || has('support'))) continue
    let j = i + 1
    let last: string[] | null = null
    const rows: string[][] = []
    for (; j < paragraphs.length; j++) {
      const line = paragraphs[j]
      if (SEPARATOR_ROW.test(line)) continue
      if (!isTableLine(line)) {
        // A cell's second paragraph lands on a line of its own; it belongs to the row above if another row follows.
        if (last !== null && j + 1 < paragraphs.length && isTableLine(paragraphs[j + 1])) {
          const k = last.map((c) => c !== '').lastIndexOf(true)
          last[k] = `${last[k]} ${line}`.trim()
          continue
        }
        break
      }
      last = cellsOf(line)
      rows.push(last)
    }
    tables.push({ from: i, to: j - 1, roles, rows })
    i = j - 1
  }
  return tables
}

/** One task per row; a row that only names a group ("I | HOÀN THIỆN THỂ CHẾ") prefixes the refs below it. */
export function tableTasks(tables: Table[], a: Assembly): void {
  for (const table of tables) {
    const col = (r: Role) => table.roles.indexOf(r)
    let group = ''
    let sequence = 0
    for (const cells of table.rows) {
      const cell = (r: Role) => (col(r) >= 0 ? (cells[col(r)] ?? '').trim() : '')
      const stt = cell('ref').replace(/\.$/, '')
      const content = cell('content')
      if (content === '') continue
      const rest = (['lead', 'support', 'deadline', 'output'] as Role[]).every((r) => cell(r) === '')
      if (rest && (ROMAN.test(stt) || /^[A-Z]$/.test(stt) || content === content.toUpperCase())) {
        group = stt || group
        sequence = 0
        continue
      }
      sequence++
      const number = stt || String(sequence)
      const leadCell = cell('lead')
      const leads = leadCell ? agenciesInCell(leadCell, a.resolver) : (openingAddressee(tokenized(content), a.resolver)?.refs ?? [])
      const deadlineCell = cell('deadline')
      a.tasks.push({
        ref: group ? `${group.replace(/\.$/, '')}.${number}` : number,
        content,
        leads,
        supports: cell('support') ? agenciesInCell(cell('support'), a.resolver) : [],
        deadline: deadlineCell ? pickDeadline(deadlineCell, a.issuedOn, null, 'cell') : pickDeadline(content, a.issuedOn, null),
        output: cell('output') || null,
        target: findTarget(content),
      })
    }
  }
}
