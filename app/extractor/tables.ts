// Task tables as they are pasted into text or produced by the .docx/.xlsx readers: tab-separated rows (one line
// per row), or Markdown pipe tables, with headers such as STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối
// hợp, Thời gian hoàn thành, Sản phẩm, Chỉ tiêu, in any order.
import { agenciesInCell, openingAddressee, tokenized } from './addressees'
import { pickDeadline } from './deadlines'
import { findTarget } from './details'
import { foldAligned } from './fold'
import { isAllCaps, isTableLine } from './normalize'
import type { Assembly } from './tasks'

type Role = 'ref' | 'content' | 'lead' | 'support' | 'leadSupport' | 'deadline' | 'output' | 'target' | 'note'

// Checked in this order: "Thời gian thực hiện" is a deadline before it is a lead ("thực hiện"); "Cơ quan chủ trì,
// phối hợp" names both.
const ROLES: Array<[Role, RegExp]> = [
  ['ref', /^(stt|tt|so tt|so thu tu|thu tu)$/],
  ['note', /\bghi chu\b/],
  ['leadSupport', /\bchu tri\b.*\bphoi hop\b/],
  ['support', /\bphoi hop\b/],
  ['deadline', /\b(thoi gian|thoi han|tien do|han hoan thanh|thoi diem|han xu ly|han chot|ngay hoan thanh)\b/],
  ['lead', /\b(chu tri|thuc hien|trach nhiem|dau moi|tham muu|co quan|don vi)\b/],
  ['target', /\bchi tieu\b/],
  ['output', /\b(san pham|ket qua|hinh thuc)\b/],
  ['content', /\b(noi dung|nhiem vu|cong viec|de an|giai phap|hoat dong|(?<!ho va )ten)\b/],
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
  const seen = new Set<Role>()
  return cells.map((c) => {
    const f = foldAligned(c).replace(/[*_:.()]/g, ' ').replace(/\s+/g, ' ').trim()
    if (f === '' || f.split(/\s+/).length > 8) return null
    for (const [role, re] of ROLES) {
      if (!re.test(f)) continue
      // A second "content" column ("Nhiệm vụ" | "Nội dung") is left unread rather than overwrite the first.
      if (seen.has(role) && role !== 'note') return null
      seen.add(role)
      return role
    }
    return null
  })
}

function isHeader(roles: Array<Role | null>): boolean {
  const has = (r: Role) => roles.includes(r)
  return has('content') && (has('lead') || has('deadline') || has('support') || has('leadSupport'))
}

/** What each header cell names, e.g. 'deadline' for "Thời gian hoàn thành" (used by the .xlsx reader). */
export function headerRoles(cells: string[]): Array<Role | null> {
  return rolesOf(cells)
}

/** True when these cells are the header row of a task table (used by the .docx and .xlsx readers too). */
export function isTaskTableHeader(cells: string[]): boolean {
  return isHeader(rolesOf(cells))
}

export interface Table {
  /** Paragraph indexes the table occupies. */
  from: number
  to: number
  roles: Array<Role | null>
  rows: string[][]
}

const ROMAN = /^[IVXLC]+$/
const SEPARATOR_ROW = /^[\s|:\-–]+$/
const SECTION_LINE = /^(?:[IVXLC]+|[A-Z])[.)]\s+\S/u
// The row of column numbers under a header: "(1) (2) (3)" or "1 2 3 4".
const COLUMN_NUMBERS = /^\(?\d{1,2}\)?$/

/** The task tables among the paragraphs: a header row naming the columns, then its rows. */
export function readTables(paragraphs: string[]): Table[] {
  const tables: Table[] = []
  for (let i = 0; i < paragraphs.length; i++) {
    if (!isTableLine(paragraphs[i])) continue
    let roles = rolesOf(cellsOf(paragraphs[i]))
    if (!isHeader(roles)) continue
    let j = i + 1
    let last: string[] | null = null
    const rows: string[][] = []
    for (; j < paragraphs.length; j++) {
      const line = paragraphs[j]
      if (SEPARATOR_ROW.test(line)) continue
      if (!isTableLine(line)) {
        // A section row merged across the table loses its tabs when copied from Word: "II. CẢI CÁCH THỦ TỤC …".
        if (j + 1 < paragraphs.length && isTableLine(paragraphs[j + 1]) && SECTION_LINE.test(line) && isAllCaps(line)) {
          last = null
          rows.push([line])
          continue
        }
        // A cell's second paragraph lands on a line of its own; it belongs to the row above if another row follows.
        if (last !== null && j + 1 < paragraphs.length && isTableLine(paragraphs[j + 1])) {
          const k = last.map((c) => c !== '').lastIndexOf(true)
          last[k] = `${last[k]} ${line}`.trim()
          continue
        }
        break
      }
      const cells = cellsOf(line)
      const filled = cells.filter((c) => c !== '')
      if (filled.length > 0 && filled.every((c) => COLUMN_NUMBERS.test(c))) continue
      // A second header row under merged headers ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp") refines the
      // roles of the columns it names.
      if (rows.length === 0) {
        const sub = rolesOf(cells)
        if (sub.filter((r) => r !== null).length >= 2 && (sub.includes('lead') || sub.includes('support') || sub.includes('leadSupport'))) {
          roles = roles.map((r, k) => sub[k] ?? r)
          while (roles.length < sub.length) roles.push(sub[roles.length])
          continue
        }
      }
      last = cells
      rows.push(last)
    }
    tables.push({ from: i, to: j - 1, roles, rows })
    i = j - 1
  }
  return tables
}

// A section number in the STT column or at the head of a merged row: "I", "II.", "A", "1", "1.2", "III. CẢI CÁCH".
const SECTION_HEAD = /^((?:[IVXLC]+|[A-Z]|\d{1,2}(?:\.\d{1,2})*))[.)]?(?:\s+|$)(.*)$/u

// The caption a task table stands under: "PHỤ LỤC", "Danh mục nhiệm vụ …", "(Kèm theo Kế hoạch số … )".
const CAPTION = /^(phu luc\b|danh muc (cac )?nhiem vu|bang (tong hop |phan cong )?(cac )?nhiem vu|\(?kem theo\b)/

/** How many paragraphs just above a table (at `from`) are its caption, not part of the text above it. */
export function captionLength(paragraphs: string[], from: number): number {
  let k = 0
  while (from - k - 1 >= 0 && k < 4) {
    const p = paragraphs[from - k - 1]
    if (p.length > 200 || !CAPTION.test(foldAligned(p.slice(0, 60)))) break
    k++
  }
  return k
}

/** One task per row; a row that only names a group ("I | HOÀN THIỆN THỂ CHẾ") prefixes the refs below it. */
export function tableTasks(tables: Table[], a: Assembly): void {
  for (const table of tables) {
    const col = (r: Role) => table.roles.indexOf(r)
    let group = ''
    let sub = ''
    let sequence = 0
    for (let n = 0; n < table.rows.length; n++) {
      const cells = table.rows[n]
      const cell = (r: Role) => (col(r) >= 0 ? (cells[col(r)] ?? '').trim() : '')
      let stt = cell('ref').replace(/[.)]$/, '')
      let content = cell('content')
      const filled = cells.filter((c) => c.trim() !== '')
      // A section row merged across the table: its one text may stand in any column, the STT column included.
      const only = filled.length === 1 ? filled[0].trim() : null
      const merged = only !== null && (content === '' || content === only) && (stt === '' || cell('ref') === only)
      if (merged) {
        if (!/\p{L}/u.test(only)) continue
        const m = SECTION_HEAD.exec(only)
        stt = m !== null && m[2] !== '' ? m[1] : ''
        content = m !== null && m[2] !== '' ? m[2] : only
      }
      if (content === '') continue
      const rest = merged || (['lead', 'support', 'leadSupport', 'deadline', 'output', 'target'] as Role[]).every((r) => cell(r) === '')
      if (rest) {
        const next = table.rows[n + 1]
        const nextStt = next && col('ref') >= 0 ? (next[col('ref')] ?? '').trim() : ''
        const upper = content === content.toUpperCase() && /\p{Lu}/u.test(content)
        if (ROMAN.test(stt) || /^[A-Z]$/.test(stt) || (stt === '' && upper)) {
          group = stt || group
          sub = ''
          sequence = 0
          continue
        }
        // "1 | Cải cách thể chế" followed by "1.1 | …": a sub-section.
        if (/^\d{1,2}$/.test(stt) && (upper || nextStt.startsWith(`${stt}.`))) {
          sub = stt
          sequence = 0
          continue
        }
      }
      sequence++
      const numbered = /^[\dIVXivx]+(?:[.)]\d+)*$|^[a-zđ]$/u.test(stt)
      // A plain number after a sub-section's "1.1", "1.2" is the sub-section's sibling: the sub-section ends.
      if (sub && /^\d+$/.test(stt)) sub = ''
      let number = numbered ? stt : String(sequence)
      if (sub && numbered && !stt.startsWith(`${sub}.`)) number = `${sub}.${stt}`
      else if (sub && !numbered) number = `${sub}.${sequence}`
      const both = cell('leadSupport')
      const bothRefs = both ? agenciesInCell(both, a.resolver) : []
      const leadCell = cell('lead')
      const leads = leadCell
        ? agenciesInCell(leadCell, a.resolver)
        : bothRefs.length > 0
          ? bothRefs.slice(0, 1)
          : (openingAddressee(tokenized(content), a.resolver)?.refs ?? [])
      const supports = cell('support') ? agenciesInCell(cell('support'), a.resolver) : bothRefs.slice(leadCell ? 0 : 1)
      const deadlineCell = cell('deadline')
      a.tasks.push({
        ref: group ? `${group.replace(/\.$/, '')}.${number}` : number,
        content,
        leads,
        supports,
        deadline: deadlineCell ? pickDeadline(deadlineCell, a.issuedOn, null, 'cell') : pickDeadline(content, a.issuedOn, null),
        output: cell('output') || null,
        target: cell('target') || findTarget(content),
      })
    }
  }
}
