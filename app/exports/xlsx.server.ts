// Renders an export document as an Excel workbook: one sheet per table, real dates and numbers, filters, fitted widths.
import ExcelJS from 'exceljs'
import { formatVnDate } from '../domain/dates'
import { cellDate, displayCell, totalsWithLabel } from './cells'
import type { CellValue, ExportColumn, ExportDocument, ExportTable } from './types'

const MIN_WIDTH = 6
const MAX_WIDTH = 60
/** Widths are measured on at most this many rows: enough to see the shape of a column, cheap on 50 000 rows. */
const WIDTH_SAMPLE = 5_000

const NUM_FMT: Record<ExportColumn['kind'], string | undefined> = {
  text: undefined,
  integer: '#,##0',
  percent: '0.00%',
  date: 'dd/mm/yyyy',
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } }
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** Excel refuses sheet names longer than 31 characters, with []:*?/\ in them, or repeated in one workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = (title.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim() || 'Bảng').slice(0, 31).trim()
  let name = base
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - ` (${i})`.length)} (${i})`
  taken.add(name.toLowerCase())
  return name
}

function excelValue(value: CellValue | undefined, kind: ExportColumn['kind']): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'object') {
    const iso = cellDate(value)
    if (!iso) return null
    const [y, m, d] = iso.split('-').map(Number)
    // Midnight UTC: exceljs converts a Date to a serial day number in UTC, so the day never shifts.
    return new Date(Date.UTC(y, m - 1, d))
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  // A number given as text in a number column is still a number to whoever filters or sums it.
  if (kind !== 'text' && kind !== 'date' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return value
}

function columnWidth(column: ExportColumn, rows: Record<string, CellValue>[], totals?: Record<string, CellValue>): number {
  if (column.width) return column.width
  // A header wraps onto two or three lines; its longest word must fit.
  const headerWords = Math.max(...column.header.split(/\s+/).map((w) => w.length))
  let longest = Math.max(headerWords, Math.min(column.header.length, 18))
  const sample = rows.length > WIDTH_SAMPLE ? rows.slice(0, WIDTH_SAMPLE) : rows
  for (const row of totals ? [...sample, totals] : sample) {
    const text = displayCell(row[column.key], column.kind)
    if (text.length > longest) longest = text.length
  }
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, longest + 2))
}

function addSheet(wb: ExcelJS.Workbook, doc: ExportDocument, table: ExportTable, index: number, taken: Set<string>) {
  const ws = wb.addWorksheet(sheetName(table.title, taken))
  const columns = table.columns
  const last = Math.max(1, columns.length)
  const totals = table.totals ? totalsWithLabel(columns, table.totals) : undefined

  ws.addRow([doc.issuer]).font = { bold: true }
  ws.addRow([doc.title]).font = { bold: true, size: 14 }
  if (doc.tables.length > 1 || table.title !== doc.title) ws.addRow([table.title]).font = { bold: true, size: 12 }
  ws.addRow([`Số liệu tính đến ngày ${formatVnDate(doc.asOf)}`]).font = { italic: true }
  if (index === 0) for (const line of doc.intro ?? []) ws.addRow([line])
  ws.addRow([])

  const header = ws.addRow(columns.map((c) => c.header))
  const headerRow = header.number
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }
    cell.border = BOX
  })

  const widths = columns.map((c) => columnWidth(c, table.rows, totals))
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = widths[i]
  })
  // One style object per column, shared by all its cells: 10 000 rows must not mean 100 000 style objects.
  const styles = columns.map((c, i) => ({
    numFmt: NUM_FMT[c.kind],
    alignment: c.kind === 'text' ? { wrapText: widths[i] >= MAX_WIDTH, vertical: 'top' as const } : { vertical: 'top' as const },
  }))
  for (const row of table.rows) {
    const r = ws.addRow(columns.map((c) => excelValue(row[c.key], c.kind)))
    for (let i = 0; i < columns.length; i++) {
      const cell = r.getCell(i + 1)
      const s = styles[i]
      if (s.numFmt) cell.numFmt = s.numFmt
      cell.alignment = s.alignment
    }
  }
  const lastDataRow = headerRow + table.rows.length
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastDataRow, column: last } }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }]

  if (totals) {
    const r = ws.addRow(columns.map((c) => excelValue(totals[c.key], c.kind)))
    r.font = { bold: true }
    columns.forEach((c, i) => {
      const cell = r.getCell(i + 1)
      if (NUM_FMT[c.kind]) cell.numFmt = NUM_FMT[c.kind]!
      cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }
    })
  }
  if (index === doc.tables.length - 1 && doc.notes?.length) {
    ws.addRow([])
    for (const note of doc.notes) ws.addRow([note]).font = { italic: true }
  }
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` }
  ws.headerFooter = { oddFooter: '&CTrang &P/&N' }
}

/** The document as an .xlsx file: one sheet per table, a bold header row with a filter, frozen under the headings. */
export async function toXlsx(doc: ExportDocument): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Đôn đốc'
  wb.created = new Date()
  const taken = new Set<string>()
  const tables: ExportTable[] = doc.tables.length ? doc.tables : [{ title: doc.title, columns: [], rows: [] }]
  tables.forEach((table, i) => addSheet(wb, { ...doc, tables }, table, i, taken))
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
