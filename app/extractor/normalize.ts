// Cleans pasted text into paragraphs: line breaks inside sentences (page breaks), footnote markers and footnote
// text, web-page chrome around news articles, Markdown bold, the national motto, page numbers.
import { foldAligned } from './fold'
import { markerOf } from './outline'

const SUPERSCRIPTS = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g
const FOOTNOTE_LINE = /^[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+\s*\S/
// News pages: after these comes a list of other articles, headlines ending with their date "(10/07/2023)".
const RELATED = /^(tin bai moi|tin lien quan|cac tin khac|tin khac|bai viet lien quan|tin cung chuyen muc|xem them|tin moi hon|tin cu hon|doc nhieu nhat|xem nhieu nhat|tin noi bat|tin doc nhieu|co the ban quan tam|tin moi nhat)\b/
const HEADLINE = /\(\d{1,2}\/\d{1,2}\/\d{4}\)\s*$/
const CHROME = /^(skip ribbon commands|skip to main content|tac gia\s*:|nguon\s*:|chia se\b|in bai\b|ban in\b|luot xem|trang chu$|trang chu\s*[>»\/|]|binh luan\s*(?:\(\d+\))?$|dang nhap$|facebook$|zalo$|twitter$|gui email|print$|share$|back to top)/
const MOTTO = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc)\s*$/
const HEADER_CELL = /^(cong hoa xa hoi|doc lap|so\s*:|[a-z .]{2,30}, ngay\b)/
const RULE = /^[\s\-_=*.~–—]+$/
const PAGE_NUMBER = /^\s*[-–]?\s*(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?\s*[-–]?\s*$/
const SENTENCE_END = /[.:;!?…]["”'’)]?$/
// A line that ends with one of these words stops mid-phrase, whatever the next line starts with. Matched with
// diacritics: folded, "từ" (from) would also catch "Đầu tư" at the end of a heading.
const OPEN_END = /(?:^|\s)(của|và|với|các|những|tại|cho|về|theo|trong|để|là|được|như|hoặc|đến|từ|trên|thuộc|mà|bằng|giữa|qua|bởi|nhằm|kể|một)$/

/** A line in capitals: a heading, a type line ("CHỈ THỊ"), an issuer ("BỘ NỘI VỤ"). */
export function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && /\p{Lu}/u.test(s)
}

export function isTableLine(line: string): boolean {
  return line.includes('\t') || /^\s*\|/.test(line)
}

// '**' around a heading glued to the next one ("…ĐẠT ĐƯỢC**1. Công tác …**") separates two paragraphs; inside
// a sentence it is only emphasis.
function unbold(line: string): string {
  if (!line.includes('**')) return line
  if (isTableLine(line)) return line.replace(/\*\*/g, '')
  const parts = line.split('**')
  let out = parts[0]
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1].trim()
    const after = parts[i].trim()
    out += before !== '' && after !== '' && (isAllCaps(before) || markerOf(after) !== null) ? '\n' : ''
    out += parts[i]
  }
  return out
}

/** The text as paragraphs, in order, with table rows (tab- or pipe-separated) kept as they are. */
export function normalizeText(input: string): string[] {
  const text = input
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
  const lines = text.split('\n').flatMap((l) => unbold(l).split('\n'))
  const kept: string[] = []
  let footnote = false
  let related = false
  for (const raw of lines) {
    // The headlines of other articles are skipped up to the first line that is not one.
    if (related) {
      const l = raw.trim()
      if (l === '' || HEADLINE.test(l) || (l.split(/\s+/).length < 30 && !SENTENCE_END.test(l))) continue
      related = false
    }
    // A footnote runs from its superscript number to the end of its sentence, over wrapped lines if need be.
    if (FOOTNOTE_LINE.test(raw.trim())) {
      footnote = !SENTENCE_END.test(raw.trim())
      continue
    }
    if (footnote) {
      if (raw.trim() === '' || markerOf(raw.trim()) !== null) footnote = false
      else {
        footnote = !SENTENCE_END.test(raw.trim())
        continue
      }
    }
    // The two columns of an official header pasted on one line ("BỘ NỘI VỤ<tab>CỘNG HÒA XÃ HỘI …", "Số: …<tab>Hà
    // Nội, ngày …") are two lines, not a table row; so is a right-hand cell whose left one is empty ("<tab>Độc lập
    // - Tự do - Hạnh phúc").
    if (raw.includes('\t') && kept.length < 24) {
      const cells = raw.split('\t').map((c) => c.trim()).filter(Boolean)
      if (cells.length >= 1 && cells.length <= 3 && cells.some((c) => HEADER_CELL.test(foldAligned(c.slice(0, 60))))) {
        for (const c of cells) if (!MOTTO.test(foldAligned(c)) && !RULE.test(c)) kept.push(c.replace(SUPERSCRIPTS, ''))
        kept.push('')
        continue
      }
    }
    const table = isTableLine(raw)
    // A table row keeps its tabs at both ends: a section row merged across the table ("I. CẢI CÁCH …<tab><tab>…")
    // is still a row.
    const cleaned = table ? raw.replace(SUPERSCRIPTS, '').replace(/^ +| +$/g, '') : raw.replace(SUPERSCRIPTS, '').replace(/[ \t]+/g, ' ').trim()
    const line = cleaned.trim() === '' ? '' : cleaned
    if (line === '') {
      kept.push('')
      continue
    }
    // The chrome and motto patterns look at the start of a line only.
    const folded = foldAligned(line.slice(0, 60))
    if (RELATED.test(folded)) {
      related = true
      continue
    }
    if (CHROME.test(folded)) continue
    // A rule, the motto or a page number separates what stands above it from what follows.
    if (MOTTO.test(folded) || RULE.test(line) || (!table && PAGE_NUMBER.test(folded))) {
      kept.push('')
      continue
    }
    kept.push(line)
  }
  const width = wrapWidth(kept)
  const paragraphs: string[] = []
  let blank = false
  let lastLine = ''
  for (const line of kept) {
    if (line === '') {
      blank = true
      continue
    }
    const prev = paragraphs[paragraphs.length - 1]
    const wrapped = width !== null && !blank && lastLine.length >= width
    // The width is 80% of a typical full line; a line that ends a sentence and goes on is within a few letters of full.
    if (prev !== undefined && shouldJoin(prev, lastLine, line, wrapped, wrapped && lastLine.length >= width * 1.15)) {
      paragraphs[paragraphs.length - 1] = `${prev} ${line}`
    } else paragraphs.push(line)
    lastLine = line
    blank = false
  }
  return paragraphs
}

// Text copied from a PDF ends every printed line with a newline: most lines follow each other without a blank
// line and have about the same length. Returns the length from which a line counts as full (wrapped), or null
// when the text has one line per paragraph.
function wrapWidth(lines: string[]): number | null {
  const text = lines.filter((l) => !isTableLine(l))
  let consecutive = 0
  for (let i = 1; i < text.length; i++) if (text[i] !== '' && text[i - 1] !== '') consecutive++
  const filled = text.filter((l) => l !== '')
  if (filled.length < 10 || consecutive < filled.length * 0.5) return null
  const lengths = filled.map((l) => l.length).sort((a, b) => a - b)
  const typical = lengths[Math.floor(lengths.length * 0.9)]
  if (typical > 200) return null
  const width = Math.floor(typical * 0.8)
  // Printed lines fill the width: most of them reach it. A web page copied one paragraph a line has lines of
  // every length, and its few long ones end paragraphs.
  return filled.filter((l) => l.length >= width).length >= filled.length * 0.4 ? width : null
}

// A page break or a copy from PDF splits a sentence: "Nhìn / chung các bộ", "Hệ thống thông tin của / Chính phủ";
// in hard-wrapped text a full line continues on the next one even after a full stop.
function shouldJoin(prev: string, prevLine: string, next: string, wrapped: boolean, brimFull = wrapped): boolean {
  if (isTableLine(prev) || isTableLine(next)) return false
  const marker = markerOf(next)
  // A full line that stops mid-sentence goes on, even if the next line happens to start with "- Truyền hình".
  if (marker !== null && !(wrapped && !SENTENCE_END.test(prevLine) && ['dash', 'plus', 'paren'].includes(marker.kind))) return false
  if (prevLine.length < 300 && isAllCaps(prevLine)) return false
  // A full stop at the end of a line that is not brim-full ends its paragraph (a paragraph a line, as Word gives).
  if (wrapped) return !(SENTENCE_END.test(prevLine) && /^\p{Lu}/u.test(next) && !brimFull)
  if (SENTENCE_END.test(prev)) return false
  if (/^[\p{Ll}\d]/u.test(next)) return true
  return OPEN_END.test(prev.slice(-12).toLowerCase())
}
