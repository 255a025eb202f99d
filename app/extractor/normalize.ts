// Cleans pasted text into paragraphs: line breaks inside sentences (page breaks), footnote markers and footnote
// text, web-page chrome around news articles, Markdown bold, the national motto, page numbers.
import { foldAligned } from './fold'
import { markerOf } from './outline'

const SUPERSCRIPTS = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+/g
const FOOTNOTE_LINE = /^[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]+\s*\S/
// News pages: everything after these is a list of other articles.
const CUT_AFTER = /^(tin bai moi|tin lien quan|cac tin khac|tin khac|bai viet lien quan|tin cung chuyen muc|xem them|tin moi hon|tin cu hon)\b/
const CHROME = /^(skip ribbon commands|skip to main content|tac gia\s*:|nguon\s*:|chia se\b|in bai\b|ban in\b|luot xem|trang chu$|dang nhap$|facebook$|zalo$|twitter$|gui email|print$|share$|back to top)/
const MOTTO = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc)\s*$/
const RULE = /^[\s\-_=*.~–—]+$/
const PAGE_NUMBER = /^\s*[-–]?\s*(?:trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?\s*[-–]?\s*$/
const SENTENCE_END = /[.:;!?…]["”'’)]?$/
// A line that ends with one of these words stops mid-phrase, whatever the next line starts with. Matched with
// diacritics: folded, "từ" (from) would also catch "Đầu tư" at the end of a heading.
const OPEN_END = /(?:^|\s)(của|và|với|các|những|tại|cho|về|theo|trong|để|là|được|như|hoặc|đến|từ|trên|thuộc|mà|bằng|giữa|qua|bởi|nhằm|kể|một)$/

function isAllCaps(s: string): boolean {
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
  for (const raw of lines) {
    if (FOOTNOTE_LINE.test(raw.trim())) continue
    const table = isTableLine(raw)
    const line = table ? raw.replace(SUPERSCRIPTS, '').trim() : raw.replace(SUPERSCRIPTS, '').replace(/[ \t]+/g, ' ').trim()
    if (line === '') {
      kept.push('')
      continue
    }
    const folded = foldAligned(line)
    if (CUT_AFTER.test(folded)) break
    if (CHROME.test(folded) || MOTTO.test(folded) || RULE.test(line) || (!table && PAGE_NUMBER.test(line))) continue
    kept.push(line)
  }
  const paragraphs: string[] = []
  for (const line of kept) {
    if (line === '') continue
    const prev = paragraphs[paragraphs.length - 1]
    if (prev !== undefined && shouldJoin(prev, line)) paragraphs[paragraphs.length - 1] = `${prev} ${line}`
    else paragraphs.push(line)
  }
  return paragraphs
}

// A page break or a copy from PDF splits a sentence: "Nhìn / chung các bộ", "Hệ thống thông tin của / Chính phủ".
function shouldJoin(prev: string, next: string): boolean {
  if (isTableLine(prev) || isTableLine(next)) return false
  if (SENTENCE_END.test(prev) || markerOf(next) !== null || isAllCaps(prev)) return false
  if (/^[\p{Ll}\d]/u.test(next)) return true
  return OPEN_END.test(prev.toLowerCase())
}
