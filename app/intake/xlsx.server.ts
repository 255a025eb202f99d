// Reads a task list kept in Excel (.xlsx): the first sheet with a recognisable header row among its first ten
// rows, rendered as the tab-separated table text that the extractor's table reader turns into tasks.
import ExcelJS from 'exceljs'
import { headerRoles, isTaskTableHeader } from '../extractor/tables'
import { UploadError } from './errors.server'

const MAX_ROWS = 20_000
const MAX_COLUMNS = 60
const HEADER_SEARCH_ROWS = 10

const CORRUPT = 'Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel: hãy mở bằng Excel, lưu lại dạng .xlsx rồi tải lên lần nữa.'
const NO_HEADER =
  'Không tìm thấy dòng tiêu đề của bảng nhiệm vụ trong 10 dòng đầu của các trang tính (cần các cột như "STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"): hãy dùng tệp mẫu.'

const pad = (n: number) => String(n).padStart(2, '0')

/** A calendar date as Excel shows it: exceljs gives date cells as UTC midnights. */
function ddmmyyyy(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
}

// An Excel day number (1900 system) in a deadline column whose cell was not formatted as a date: 2000–2100.
function serialDate(n: number): string | null {
  if (!Number.isInteger(n) || n < 36526 || n > 73051) return null
  return ddmmyyyy(new Date(Date.UTC(1899, 11, 30) + n * 86_400_000))
}

function valueText(v: ExcelJS.CellValue, deadline: boolean): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : ddmmyyyy(v)
  if (typeof v === 'number') return (deadline ? serialDate(v) : null) ?? String(v).replace('.', ',')
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
    if ('formula' in v || 'sharedFormula' in v) return valueText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, deadline)
    if ('hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '')
    if ('error' in v) return ''
  }
  return ''
}

const oneLine = (s: string) => s.replace(/[\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim()

function rowCells(sheet: ExcelJS.Worksheet, r: number, width: number, deadlineCols: Set<number>): string[] {
  const row = sheet.getRow(r)
  const out: string[] = []
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c)
    // A cell merged with its left neighbour stays empty (a section title across the row); one merged with the
    // cell above repeats it (a lead agency named once for several tasks).
    if (cell.isMerged && cell.master !== cell && Number(cell.master.row) === r) {
      out.push('')
      continue
    }
    const source = cell.isMerged ? cell.master : cell
    out.push(oneLine(valueText(source.value, deadlineCols.has(c))))
  }
  return out
}

/** The text of an .xlsx task list; throws UploadError for a corrupt workbook or one without a task table. */
export async function readXlsx(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  } catch {
    throw new UploadError(CORRUPT)
  }
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' && workbook.worksheets.length > 1) continue
    const width = Math.min(MAX_COLUMNS, sheet.columnCount)
    const last = Math.min(MAX_ROWS, sheet.rowCount)
    if (width < 2) continue
    let header = -1
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, last); r++) {
      if (isTaskTableHeader(rowCells(sheet, r, width, new Set()))) {
        header = r
        break
      }
    }
    if (header < 0) continue
    const headerCells = rowCells(sheet, header, width, new Set())
    const deadlineCols = new Set(headerRoles(headerCells).flatMap((role, k) => (role === 'deadline' ? [k + 1] : [])))
    const lines: string[] = []
    // Rows above the header (a title, the directive's number) come first as paragraphs.
    for (let r = 1; r < header; r++) {
      const text = rowCells(sheet, r, width, new Set()).filter(Boolean).join(' ')
      if (text) lines.push(text, '')
    }
    lines.push(headerCells.join('\t'))
    for (let r = header + 1; r <= last; r++) {
      const cells = rowCells(sheet, r, width, deadlineCols)
      if (cells.every((c) => c === '')) continue
      lines.push(cells.join('\t'))
    }
    return lines.join('\n')
  }
  throw new UploadError(NO_HEADER)
}
