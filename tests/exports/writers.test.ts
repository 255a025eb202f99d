// The .xlsx and .docx writers, read back with a reader library: values, real dates, number formats, totals, layout.
import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { toXlsx } from '../../app/exports/xlsx.server'
import { toDocx } from '../../app/exports/docx.server'
import { asciiFileName, fileResponse } from '../../app/exports/respond.server'
import type { ExportDocument } from '../../app/exports/types'

function sampleDoc(rows = 3): ExportDocument {
  return {
    issuer: 'VĂN PHÒNG CHÍNH PHỦ',
    title: 'Danh sách nhiệm vụ quá hạn',
    asOf: '2026-11-22',
    intro: ['Thực hiện chỉ đạo của Thủ tướng Chính phủ.'],
    notes: ['Ghi chú: số liệu trích từ Đôn đốc.'],
    tables: [
      {
        title: 'Danh sách nhiệm vụ quá hạn',
        columns: [
          { key: 'stt', header: 'STT', kind: 'integer' },
          { key: 'agency', header: 'Cơ quan chủ trì', kind: 'text' },
          { key: 'due', header: 'Thời hạn', kind: 'date' },
          { key: 'count', header: 'Số nhiệm vụ', kind: 'integer' },
          { key: 'rate', header: 'Tỷ lệ hoàn thành', kind: 'percent' },
        ],
        rows: Array.from({ length: rows }, (_, i) => ({
          stt: i + 1,
          agency: i === 0 ? 'Bộ Nội vụ & <Bộ Tư pháp>' : `Cơ quan ${i + 1}`,
          due: { date: '2024-06-30' },
          count: 1234 + i,
          rate: i === 1 ? null : 0.3503,
        })),
        totals: { count: Array.from({ length: rows }, (_, i) => 1234 + i).reduce((a, b) => a + b, 0), rate: 0.4609 },
      },
    ],
  }
}

async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as any)
  return wb
}

function findRow(ws: ExcelJS.Worksheet, firstCell: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === firstCell) found = row
  })
  return found
}

describe('toXlsx', () => {
  it('writes headings, a bold filtered header, real dates and numbers, and a totals row', async () => {
    const wb = await readXlsx(await toXlsx(sampleDoc()))
    expect(wb.worksheets).toHaveLength(1)
    const ws = wb.worksheets[0]
    expect(ws.getCell('A1').value).toBe('VĂN PHÒNG CHÍNH PHỦ')
    expect(ws.getCell('A2').value).toBe('Danh sách nhiệm vụ quá hạn')
    expect(ws.getCell('A3').value).toBe('Số liệu tính đến ngày 22/11/2026')
    const header = findRow(ws, 'STT')!
    expect(header).toBeDefined()
    expect(header.getCell(2).value).toBe('Cơ quan chủ trì')
    expect(header.getCell(1).font?.bold).toBe(true)
    const h = header.number
    expect(ws.autoFilter).toBe(`A${h}:E${h + 3}`)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h })

    const first = ws.getRow(h + 1)
    expect(first.getCell(2).value).toBe('Bộ Nội vụ & <Bộ Tư pháp>')
    const due = first.getCell(3)
    expect(due.value).toBeInstanceOf(Date)
    expect((due.value as Date).toISOString().slice(0, 10)).toBe('2024-06-30')
    expect(due.numFmt).toBe('dd/mm/yyyy')
    expect(first.getCell(4).value).toBe(1234)
    expect(first.getCell(4).numFmt).toBe('#,##0')
    expect(first.getCell(5).value).toBe(0.3503)
    expect(first.getCell(5).numFmt).toBe('0.00%')
    expect(ws.getRow(h + 2).getCell(5).value).toBeNull()

    const totals = ws.getRow(h + 4)
    expect(totals.getCell(1).value).toBe('Tổng cộng')
    expect(totals.getCell(4).value).toBe(1234 + 1235 + 1236)
    expect(totals.getCell(4).font?.bold).toBe(true)
    expect(totals.getCell(5).value).toBe(0.4609)
    // Widths fit the content: the agency column is wider than the STT column.
    expect(ws.getColumn(2).width!).toBeGreaterThan(ws.getColumn(1).width!)
    expect(ws.getColumn(2).width!).toBeGreaterThanOrEqual('Bộ Nội vụ & <Bộ Tư pháp>'.length)
  })

  it('writes an empty list as a valid file with its headings, and one sheet per table with unique names', async () => {
    const doc = sampleDoc(0)
    doc.tables.push({ ...doc.tables[0], title: 'Danh sách nhiệm vụ quá hạn' }, { ...doc.tables[0], title: 'Bảng: a/b?' })
    const wb = await readXlsx(await toXlsx(doc))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách nhiệm vụ quá hạn', 'Danh sách nhiệm vụ quá hạn (2)', 'Bảng  a b'.replace(/\s+/g, ' ')])
    const ws = wb.worksheets[0]
    const header = findRow(ws, 'STT')!
    expect(header).toBeDefined()
    expect(ws.getRow(header.number + 1).getCell(1).value).toBe('Tổng cộng')
  })
})

function documentXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['word/document.xml'])
}

/** The visible text of each table row, cells joined by '|'. */
function tableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) =>
    [...m[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => [...c[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('|'),
  )
}

describe('toDocx', () => {
  it('lays out the official heading, the as-of date, the table with a repeated header, totals and page numbers', async () => {
    const bytes = await toDocx(sampleDoc(), { landscape: true })
    const files = unzipSync(bytes)
    const xml = strFromU8(files['word/document.xml'])
    expect(xml).toContain('VĂN PHÒNG CHÍNH PHỦ')
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(xml).toContain('Độc lập - Tự do - Hạnh phúc')
    expect(xml).toContain('DANH SÁCH NHIỆM VỤ QUÁ HẠN')
    expect(xml).toContain('Số liệu tính đến ngày 22/11/2026')
    expect(xml).toContain('Thực hiện chỉ đạo của Thủ tướng Chính phủ.')
    expect(xml).toContain('Ghi chú: số liệu trích từ Đôn đốc.')
    expect(xml).not.toContain('DONDOC-TABLE')
    expect(xml).toContain('w:orient="landscape"')
    expect(xml).toContain('Times New Roman')
    const rows = tableRows(xml)
    expect(rows).toContain('STT|Cơ quan chủ trì|Thời hạn|Số nhiệm vụ|Tỷ lệ hoàn thành')
    expect(rows).toContain('1|Bộ Nội vụ &amp; &lt;Bộ Tư pháp&gt;|30/06/2024|1.234|35,03%')
    expect(rows).toContain('2|Cơ quan 2|30/06/2024|1.235|—')
    expect(rows).toContain('Tổng cộng|||3.705|46,09%')
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1)
    const header = Object.keys(files).find((f) => /^word\/header\d*\.xml$/.test(f))!
    expect(strFromU8(files[header])).toMatch(/PAGE/)
  })

  it('writes an empty list as a valid document with the headings and a "no figures" row', async () => {
    const xml = documentXml(await toDocx(sampleDoc(0)))
    const rows = tableRows(xml)
    expect(rows[1]).toBe('STT|Cơ quan chủ trì|Thời hạn|Số nhiệm vụ|Tỷ lệ hoàn thành')
    expect(rows).toContain('Không có số liệu.')
    expect(xml).not.toContain('w:orient="landscape"')
  })
})

describe('fileResponse', () => {
  it('sends the right type, an ASCII and a UTF-8 file name, and forbids caching', async () => {
    const res = fileResponse(new Uint8Array([1, 2, 3]), 'Nhiệm vụ quá hạn — Đắk Lắk "x".xlsx', 'xlsx')
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const cd = res.headers.get('Content-Disposition')!
    expect(cd).toMatch(/^attachment; filename="Nhiem-vu-qua-han-Dak-Lak-x\.xlsx"; filename\*=UTF-8''/)
    const encoded = /filename\*=UTF-8''(.+)$/.exec(cd)![1]
    expect(decodeURIComponent(encoded)).toBe('Nhiệm vụ quá hạn — Đắk Lắk x.xlsx')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
    expect(fileResponse(new Uint8Array(), 'Báo cáo', 'docx').headers.get('Content-Type')).toContain('wordprocessingml')
    expect(asciiFileName('Đôn đốc.docx')).toBe('Don-doc.docx')
  })
})
