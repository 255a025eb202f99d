// Reads the text of a .docx (word/document.xml) for the extractor: paragraphs in order with Word's automatic
// numbering rendered as its labels ("1.", "a)", "-"), footnote references dropped, and task tables rendered as
// tab-separated rows (one line per row) that the extractor's table reader turns into tasks.
import { isTaskTableHeader } from '../extractor/tables'
import { UploadError } from './errors.server'
import { child, elements, parseXml, type XmlElement } from './xml.server'
import type { ZipArchive } from './zip.server'

const NOT_WORD = 'Tệp .docx không có nội dung văn bản Word (thiếu word/document.xml): hãy mở bằng Word, lưu lại dạng .docx rồi tải lên lần nữa.'
const CORRUPT = 'Tệp .docx bị hỏng (nội dung XML không hợp lệ): hãy mở bằng Word, lưu lại rồi tải lên lần nữa.'

interface Level {
  format: string
  text: string
  start: number
}

interface Numbering {
  levels: Map<string, Map<number, Level>>
  nums: Map<string, { abstractId: string; starts: Map<number, number>; levels: Map<number, Level> }>
  counters: Map<string, number[]>
}

const val = (el: XmlElement | undefined, attr = 'w:val'): string | undefined => el?.attrs[attr]

function parseLevel(lvl: XmlElement): Level {
  return {
    format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
    text: val(child(lvl, 'w:lvlText')) ?? '',
    start: Number(val(child(lvl, 'w:start')) ?? '1') || 0,
  }
}

function readNumbering(xml: string | null): Numbering {
  const n: Numbering = { levels: new Map(), nums: new Map(), counters: new Map() }
  if (xml === null) return n
  const root = safeParse(xml)
  for (const a of elements(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>()
    for (const lvl of elements(a, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), parseLevel(lvl))
    n.levels.set(a.attrs['w:abstractNumId'] ?? '', levels)
  }
  for (const num of elements(root, 'w:num')) {
    const starts = new Map<number, number>()
    const levels = new Map<number, Level>()
    for (const o of elements(num, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0)
      const start = val(child(o, 'w:startOverride'))
      if (start !== undefined) starts.set(ilvl, Number(start) || 0)
      const lvl = child(o, 'w:lvl')
      if (lvl !== undefined) levels.set(ilvl, parseLevel(lvl))
    }
    n.nums.set(num.attrs['w:numId'] ?? '', { abstractId: val(child(num, 'w:abstractNumId')) ?? '', starts, levels })
  }
  return n
}

// Paragraph styles that carry numbering (headings numbered by their style), following basedOn.
function readStyleNumbering(xml: string | null): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>()
  if (xml === null) return out
  const styles = new Map<string, XmlElement>()
  for (const s of elements(safeParse(xml), 'w:style')) styles.set(s.attrs['w:styleId'] ?? '', s)
  for (const [id] of styles) {
    let s = styles.get(id)
    for (let depth = 0; s !== undefined && depth < 10; depth++) {
      const numPr = child(child(s, 'w:pPr'), 'w:numPr')
      const numId = val(child(numPr, 'w:numId'))
      if (numId !== undefined) {
        if (numId !== '0') out.set(id, { numId, ilvl: Number(val(child(numPr, 'w:ilvl')) ?? 0) })
        break
      }
      const base = val(child(s, 'w:basedOn'))
      s = base === undefined ? undefined : styles.get(base)
    }
  }
  return out
}

const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]

function roman(n: number): string {
  let out = ''
  for (const [v, s] of ROMAN) while (n >= v) {
    out += s
    n -= v
  }
  return out
}

function letters(n: number): string {
  // Word's lowerLetter: a … z, then aa … zz.
  const k = Math.max(1, n)
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1)
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n)
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerRoman':
      return roman(n)
    case 'upperRoman':
      return roman(n).toUpperCase()
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n)
    case 'none':
      return ''
    default:
      return String(n)
  }
}

/** The label Word shows for the next paragraph of list numId at level ilvl, advancing the counters. */
function nextLabel(n: Numbering, numId: string, ilvl: number): string {
  const num = n.nums.get(numId)
  if (num === undefined) return ''
  const levelOf = (l: number): Level | undefined => num.levels.get(l) ?? n.levels.get(num.abstractId)?.get(l)
  const level = levelOf(ilvl)
  if (level === undefined) return ''
  const startOf = (l: number) => num.starts.get(l) ?? levelOf(l)?.start ?? 1
  let counters = n.counters.get(numId)
  if (counters === undefined) {
    counters = []
    n.counters.set(numId, counters)
  }
  counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1
  counters.length = ilvl + 1
  if (level.format === 'bullet') {
    if (/^[-+]$/.test(level.text)) return level.text
    // The list's first bullet level is "-", deeper ones "+", as Vietnamese documents write them.
    let outer = false
    for (let l = 0; l < ilvl; l++) if (levelOf(l)?.format === 'bullet') outer = true
    return outer ? '+' : '-'
  }
  return level.text.replace(/%([1-9])/g, (_, d: string) => {
    const l = Number(d) - 1
    const value = counters[l] ?? startOf(l)
    return formatNumber(value, levelOf(l)?.format ?? 'decimal')
  })
}

function safeParse(xml: string): XmlElement {
  try {
    return parseXml(xml)
  } catch {
    throw new UploadError(CORRUPT)
  }
}

// Parts of a paragraph that are not its visible text: properties, deleted revisions, field codes, the fallback
// copy of alternate content, text boxes (read as paragraphs of their own).
const SKIP = new Set(['w:pPr', 'w:rPr', 'w:sdtPr', 'w:sdtEndPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'mc:Fallback', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:sym'])

interface Context {
  numbering: Numbering
  styles: Map<string, { numId: string; ilvl: number }>
}

function runText(el: XmlElement, extra: XmlElement[]): string {
  let out = ''
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (SKIP.has(c.name)) continue
    switch (c.name) {
      case 'w:t':
        out += c.children.filter((x): x is string => typeof x === 'string').join('')
        break
      case 'w:tab':
      case 'w:ptab':
        out += '\t'
        break
      case 'w:br':
      case 'w:cr':
        out += '\n'
        break
      case 'w:noBreakHyphen':
        out += '-'
        break
      case 'w:txbxContent':
        extra.push(c)
        break
      default:
        out += runText(c, extra)
    }
  }
  return out
}

function paragraphText(p: XmlElement, ctx: Context, extra: XmlElement[]): string {
  const raw = runText(p, extra)
  const pPr = child(p, 'w:pPr')
  const numPr = child(pPr, 'w:numPr')
  let numId = val(child(numPr, 'w:numId'))
  let ilvl = Number(val(child(numPr, 'w:ilvl')) ?? 0)
  if (numId === undefined) {
    const style = val(child(pPr, 'w:pStyle'))
    const fromStyle = style === undefined ? undefined : ctx.styles.get(style)
    if (fromStyle !== undefined) {
      numId = fromStyle.numId
      if (val(child(numPr, 'w:ilvl')) === undefined) ilvl = fromStyle.ilvl
    }
  }
  if (raw.trim() === '') return ''
  const label = numId !== undefined && numId !== '0' ? nextLabel(ctx.numbering, numId, ilvl) : ''
  return label ? `${label} ${raw.replace(/^[\t ]+/, '')}` : raw
}

/** A cell's paragraphs (nested tables read row by row), each a line of text. */
function blockParagraphs(container: XmlElement, ctx: Context): string[] {
  const out: string[] = []
  for (const el of elements(container)) {
    if (el.name === 'w:p') {
      const extra: XmlElement[] = []
      const t = paragraphText(el, ctx, extra)
      if (t.trim() !== '') out.push(t)
      for (const box of extra) out.push(...blockParagraphs(box, ctx))
    } else if (el.name === 'w:tbl') {
      for (const row of tableGrid(el, ctx)) {
        const line = row.filter((c) => c !== '').join(' ')
        if (line !== '') out.push(line)
      }
    } else if (el.name === 'w:sdt') {
      const content = child(el, 'w:sdtContent')
      if (content !== undefined) out.push(...blockParagraphs(content, ctx))
    } else if (el.name === 'w:customXml' || el.name === 'w:ins' || el.name === 'w:moveTo') out.push(...blockParagraphs(el, ctx))
    else if (el.name === 'mc:AlternateContent') {
      const choice = child(el, 'mc:Choice')
      if (choice !== undefined) out.push(...blockParagraphs(choice, ctx))
    }
  }
  return out
}

const oneLine = (s: string) => s.replace(/[\t\n\r]+/g, ' ').replace(/ {2,}/g, ' ').trim()

interface Cell {
  text: string
  paragraphs: string[]
  /** A continuation of a vertically merged cell (its text repeated from above). */
  continued: boolean
}

// The table as a grid of cell texts: a cell spanning columns fills the first and leaves the others empty; a
// vertically merged cell repeats its text in the rows it covers, so that a lead named once for several tasks
// stays with each of them.
function tableCells(tbl: XmlElement, ctx: Context): Cell[][] {
  const grid: Cell[][] = []
  for (const tr of elements(tbl, 'w:tr')) {
    const row: Cell[] = []
    const before = Number(val(child(child(tr, 'w:trPr'), 'w:gridBefore')) ?? 0)
    for (let k = 0; k < before; k++) row.push({ text: '', paragraphs: [], continued: false })
    const cells = elements(tr).flatMap((el) => (el.name === 'w:tc' ? [el] : el.name === 'w:sdt' ? elements(child(el, 'w:sdtContent') ?? el, 'w:tc') : []))
    for (const tc of cells) {
      const tcPr = child(tc, 'w:tcPr')
      const span = Math.max(1, Math.min(64, Number(val(child(tcPr, 'w:gridSpan')) ?? 1) || 1))
      const vMerge = child(tcPr, 'w:vMerge')
      const col = row.length
      if (vMerge !== undefined && (vMerge.attrs['w:val'] ?? 'continue') === 'continue') {
        const above = grid[grid.length - 1]?.[col]
        row.push({ text: above?.text ?? '', paragraphs: [], continued: true })
      } else {
        const paragraphs = blockParagraphs(tc, ctx)
        row.push({ text: oneLine(paragraphs.join(' ')), paragraphs, continued: false })
      }
      for (let k = 1; k < span; k++) row.push({ text: '', paragraphs: [], continued: false })
    }
    grid.push(row)
  }
  return grid
}

function tableGrid(tbl: XmlElement, ctx: Context): string[][] {
  return tableCells(tbl, ctx).map((row) => row.map((c) => c.text))
}

/** Lines of a table: a task table as tab-separated rows, any other table (layout, signature) as its paragraphs. */
function tableBlock(tbl: XmlElement, ctx: Context): string {
  const cells = tableCells(tbl, ctx)
  const width = Math.max(0, ...cells.map((r) => r.length))
  const isTaskTable = width >= 2 && cells.slice(0, 4).some((r) => isTaskTableHeader(r.map((c) => c.text)))
  if (isTaskTable) {
    return cells
      .map((r) => {
        const texts = r.map((c) => c.text)
        while (texts.length < width) texts.push('')
        return texts.join('\t')
      })
      .filter((line) => line.replace(/\t/g, '').trim() !== '')
      .join('\n')
  }
  return cells
    .flatMap((r) => r.filter((c) => !c.continued).flatMap((c) => c.paragraphs))
    .map((p) => p.replace(/\t+/g, ' '))
    .join('\n\n')
}

// A tab inside a paragraph makes the extractor read the line as a table row. It is kept only in the header
// block (the two columns of "Số: …<tab>Hà Nội, ngày …", which the extractor splits); after a list label or in
// the body it is a space.
function bodyTabs(text: string, index: number): string {
  // A typed list label followed by a tab ("a)<tab>Sở Nội vụ …") is a label and a space.
  const t = text.replace(/^[\t ]+/, '').replace(/^((?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVX]+\.|[-+•])\t+)/u, (m) => `${m.trimEnd()} `)
  if (!t.includes('\t')) return t
  if (index < 30 && t.length < 200) return t.replace(/\t+/g, '\t')
  return t.replace(/\t+/g, ' ')
}

/** The text of a .docx archive; throws UploadError when it holds no Word document. */
export function readDocx(zip: ZipArchive): string {
  const main = documentPath(zip)
  const xml = main === null ? null : zip.text(main)
  if (xml === null) throw new UploadError(NOT_WORD)
  const ctx: Context = { numbering: readNumbering(zip.text('word/numbering.xml')), styles: readStyleNumbering(zip.text('word/styles.xml')) }
  const root = safeParse(xml)
  const body = child(root, 'w:body')
  if (body === undefined) throw new UploadError(NOT_WORD)
  const blocks: string[] = []
  const walk = (container: XmlElement) => {
    for (const el of elements(container)) {
      if (el.name === 'w:p') {
        const extra: XmlElement[] = []
        const t = paragraphText(el, ctx, extra)
        if (t.trim() !== '') blocks.push(bodyTabs(t, blocks.length))
        for (const box of extra) for (const p of blockParagraphs(box, ctx)) blocks.push(p.replace(/\t+/g, ' '))
      } else if (el.name === 'w:tbl') {
        const b = tableBlock(el, ctx)
        if (b.trim() !== '') blocks.push(b)
      } else if (el.name === 'w:sdt') {
        const content = child(el, 'w:sdtContent')
        if (content !== undefined) walk(content)
      } else if (el.name === 'w:customXml' || el.name === 'w:ins' || el.name === 'w:moveTo') walk(el)
      else if (el.name === 'mc:AlternateContent') {
        const choice = child(el, 'mc:Choice')
        if (choice !== undefined) walk(choice)
      }
    }
  }
  walk(body)
  return blocks.join('\n\n')
}

// The main part of a Word package: the officeDocument relationship's target when the content types call it a
// Word document (an .xlsx has one too, pointing at its workbook), else the usual path.
function documentPath(zip: ZipArchive): string | null {
  try {
    const rels = zip.text('_rels/.rels')
    const types = zip.text('[Content_Types].xml')
    if (rels !== null && types !== null) {
      const overrides = new Map(elements(parseXml(types), 'Override').map((o) => [(o.attrs.PartName ?? '').replace(/^\/+/, ''), o.attrs.ContentType ?? '']))
      for (const r of elements(parseXml(rels), 'Relationship')) {
        if (!(r.attrs.Type ?? '').endsWith('/officeDocument')) continue
        const target = (r.attrs.Target ?? '').replace(/^\/+/, '')
        if (zip.has(target) && /wordprocessingml\.document\.main|ms-word\.document\.macroEnabled\.main|wordprocessingml\.template\.main/.test(overrides.get(target) ?? '')) return target
      }
    }
  } catch (e) {
    // A broken relationships or content-types part: fall back to the usual path.
    if (e instanceof UploadError) throw e
  }
  return zip.has('word/document.xml') ? 'word/document.xml' : null
}

export function isDocx(zip: ZipArchive): boolean {
  return documentPath(zip) !== null
}
