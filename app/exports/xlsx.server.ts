// Renders an export document as an Excel workbook: one sheet per table, real dates and numbers, filters, fitted widths.
import { PassThrough } from 'node:stream'
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

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, doc: ExportDocument, table: ExportTable, index: number, taken: Set<string>) {
  const columns = table.columns
  const last = Math.max(1, columns.length)
  const totals = table.totals ? totalsWithLabel(columns, table.totals) : undefined
  const headings: Array<[string, Partial<ExcelJS.Font>]> = [
    ...doc.issuer
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line, i, all) => [line, { bold: i === all.length - 1 }] as [string, Partial<ExcelJS.Font>]),
    [doc.title, { bold: true, size: 14 }],
    ...(doc.tables.length > 1 || table.title !== doc.title ? [[table.title, { bold: true, size: 12 }] as [string, Partial<ExcelJS.Font>]] : []),
    [`Số liệu tính đến ngày ${formatVnDate(doc.asOf)}`, { italic: true }],
    ...(index === 0 ? (doc.intro ?? []).map((line) => [line, {}] as [string, Partial<ExcelJS.Font>]) : []),
  ]
  // The streaming writer puts the frozen pane in the sheet's header, so the header row's number is fixed up front.
  const headerRow = headings.length + 2
  const ws = wb.addWorksheet(sheetName(table.title, taken), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
    headerFooter: { oddFooter: '&CTrang &P/&N' } as ExcelJS.HeaderFooter,
  })
  const widths = columns.map((c) => columnWidth(c, table.rows, totals))
  // Column styles reach every data cell without a style object per cell: 10 000 rows × 15 columns stay cheap.
  ws.columns = columns.map((c, i) => ({
    width: widths[i],
    style: { numFmt: NUM_FMT[c.kind], alignment: { vertical: 'top', wrapText: c.kind === 'text' && widths[i] >= MAX_WIDTH } },
  })) as ExcelJS.Column[]
  const plain = { vertical: 'top' as const, wrapText: false }
  for (const [text, font] of headings) {
    const row = ws.addRow([text])
    row.getCell(1).font = font
    row.getCell(1).alignment = plain
    row.commit()
  }
  ws.addRow([]).commit()
  const header = ws.addRow(columns.map((c) => c.header))
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }
    cell.border = BOX
  })
  header.commit()
  for (const row of table.rows) ws.addRow(columns.map((c) => excelValue(row[c.key], c.kind))).commit()
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + table.rows.length, column: last } }
  if (totals) {
    const r = ws.addRow(columns.map((c) => excelValue(totals[c.key], c.kind)))
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { bold: true }
      cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }
    })
    r.commit()
  }
  if (index === doc.tables.length - 1 && doc.notes?.length) {
    ws.addRow([]).commit()
    for (const note of doc.notes) {
      const row = ws.addRow([note])
      row.getCell(1).font = { italic: true }
      row.getCell(1).alignment = plain
      row.commit()
    }
  }
  ws.commit()
}

/** The document as an .xlsx file: one sheet per table, a bold header row with a filter, frozen under the headings. */
export async function toXlsx(doc: ExportDocument): Promise<Uint8Array> {
  // The streaming writer, with inline strings: about twice as fast as building a whole workbook in memory.
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'Đôn đốc'
  wb.created = new Date()
  const taken = new Set<string>()
  const tables: ExportTable[] = doc.tables.length ? doc.tables : [{ title: doc.title, columns: [], rows: [] }]
  tables.forEach((table, i) => addSheet(wb, { ...doc, tables }, table, i, taken))
  await wb.commit()
  await done
  const buffer = Buffer.concat(chunks)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}
