// Reads the text layer of a PDF with pdfjs-dist: lines in reading order (top to bottom, left to right), blank
// lines between paragraphs, running headers and footers (page numbers, a title repeated on every page) dropped.
import { UploadError } from './errors.server'

const MAX_PAGES = 1000
const TIME_LIMIT_MS = 60_000

const SCAN = 'Tệp PDF không có lớp chữ (có thể là bản quét): hệ thống chưa nhận dạng chữ từ ảnh. Hãy tải lên tệp .docx hoặc bản PDF xuất trực tiếp từ Word, hoặc dán nội dung văn bản.'
const ENCRYPTED = 'Tệp PDF được đặt mật khẩu: hãy gỡ mật khẩu (hoặc xuất lại tệp không mật khẩu) rồi tải lên lần nữa.'
const CORRUPT = 'Tệp PDF bị hỏng hoặc không đọc được: hãy xuất lại tệp PDF từ Word, hoặc tải lên tệp .docx.'

interface Item {
  str: string
  x: number
  y: number
  width: number
  height: number
}

interface Line {
  y: number
  height: number
  text: string
}

function linesOf(items: Item[]): Line[] {
  // pdf.js fills the gaps between runs with whitespace items; the gaps themselves say space or column break.
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x)
  const groups: Item[][] = []
  for (const item of sorted) {
    const g = groups[groups.length - 1]
    const tolerance = Math.max(2, (item.height || 10) * 0.4)
    if (g !== undefined && Math.abs(g[0].y - item.y) <= tolerance) g.push(item)
    else groups.push([item])
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x)
    let text = ''
    let end: number | null = null
    const size = Math.max(...g.map((i) => i.height || 10))
    for (const item of g) {
      if (end !== null) {
        const gap = item.x - end
        // A wide gap separates two columns (the header's "BỘ NỘI VỤ … CỘNG HÒA …"): a tab, which the extractor
        // reads as two cells; a narrow one is a space unless the text already has one.
        if (gap > size * 3) text += '\t'
        else if (gap > size * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' '
      }
      text += item.str
      end = item.x + item.width
    }
    return { y: g[0].y, height: size, text: text.replace(/ {2,}/g, ' ').trimEnd() }
  })
}

const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()
const PAGE_NUMBER = /^\s*[-–]?\s*(trang\s+)?\d{1,4}(\s*(\/|của)\s*\d{1,4})?\s*[-–]?\s*$/i

/** The text of a PDF's text layer; throws UploadError for an encrypted, scanned or unreadable file. */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const started = Date.now()
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>
  try {
    const data = new Uint8Array(bytes.byteLength)
    data.set(bytes)
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise
  } catch (e) {
    const name = (e as { name?: string })?.name
    if (name === 'PasswordException') throw new UploadError(ENCRYPTED)
    throw new UploadError(CORRUPT)
  }
  try {
    const pages: Line[][] = []
    const count = Math.min(doc.numPages, MAX_PAGES)
    for (let n = 1; n <= count; n++) {
      if (Date.now() - started > TIME_LIMIT_MS) throw new UploadError('Tệp PDF quá phức tạp, đọc quá lâu: hãy tải lên tệp .docx hoặc dán nội dung văn bản.')
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      const items: Item[] = []
      for (const it of content.items) {
        if (!('str' in it)) continue
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height || Math.abs(it.transform[3]) })
      }
      pages.push(linesOf(items))
      page.cleanup()
    }
    // A scan has no text layer, or only a stamp or a watermark on each page: most pages hold almost no letters.
    const lettersOf = (lines: Line[]) => lines.reduce((sum, l) => sum + (l.text.match(/\p{L}/gu)?.length ?? 0), 0)
    const bare = pages.filter((lines) => lettersOf(lines) < 40).length
    if (pages.length === 0 || bare >= pages.length * 0.8) throw new UploadError(SCAN)
    // A first or last line that recurs, digits aside, on most pages is a running header or footer.
    const edge = new Map<string, number>()
    for (const lines of pages) {
      for (const l of new Set([lines[0], lines[lines.length - 1]].filter(Boolean).map((l) => shape(l.text)))) edge.set(l, (edge.get(l) ?? 0) + 1)
    }
    const running = new Set([...edge].filter(([, k]) => pages.length >= 2 && k >= Math.max(2, pages.length * 0.6)).map(([s]) => s))
    const out: string[] = []
    pages.forEach((lines, p) => {
      const kept = lines.filter((l, k) => {
        const atEdge = k === 0 || k === lines.length - 1
        return !(atEdge && (PAGE_NUMBER.test(l.text) || running.has(shape(l.text))))
      })
      kept.forEach((l, k) => {
        const prev = kept[k - 1]
        // A gap of more than about one and a half lines between two lines ends a paragraph.
        if (prev !== undefined && prev.y - l.y > Math.max(prev.height, l.height) * 1.9) out.push('')
        out.push(l.text)
      })
      // A page break is not a paragraph break: the extractor joins a sentence that runs on to the next page.
      if (p === pages.length - 1) out.push('')
    })
    return out.join('\n')
  } catch (e) {
    if (e instanceof UploadError) throw e
    throw new UploadError(CORRUPT)
  } finally {
    await doc.destroy()
  }
}

export function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first kilobyte, as readers accept.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes('%PDF-')
}
