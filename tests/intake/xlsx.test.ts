// .xlsx task lists: the downloadable template (headers, widths, frozen row, hints, examples) read back, filled
// and read into tasks; headers in another order under title rows; dates as Excel keeps them; bad workbooks.
import ExcelJS from 'exceljs'
import { strToU8, zipSync } from 'fflate'
import { extractDirective } from '~/extractor'
import { readUpload, UploadError } from '~/intake/read-upload.server'
import { buildTemplate, TEMPLATE_COLUMNS } from '~/intake/template.server'
import { taskRow } from '../support/task-rows'

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

describe('the template', () => {
  it('has Vietnamese headers, widths, a frozen header row, hints and two example rows', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await buildTemplate()) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Nhiệm vụ')!
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm', 'Chỉ tiêu', 'Ghi chú'])
    expect(ws.getColumn(2).width).toBe(60)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(String(ws.getCell('E1').note)).toMatch(/dd\/mm\/yyyy/)
    expect(ws.getCell('E2').dataValidation).toMatchObject({ showInputMessage: true, promptTitle: 'Thời gian hoàn thành' })
    expect(ws.getCell('E3').value).toEqual(new Date(Date.UTC(2024, 5, 30)))
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined()
  })

  it('reads back as its two example tasks under their group', async () => {
    const { text, source } = await readUpload('mau.xlsx', await buildTemplate())
    expect(source).toBe('xlsx')
    expect(text.split('\n')[0]).toBe(TEMPLATE_COLUMNS.map((c) => c.header).join('\t'))
    const r = extractDirective(text, { issuedOn: '2024-01-15' })
    expect(r.tasks.map(taskRow)).toEqual(['I.1 | NA-VP | NA-STP,NA-SNV | date 2024-06-30', 'I.2 | NA-SNV |  | recurring quarterly'])
    expect(r.tasks[1]).toMatchObject({ output: 'Báo cáo', target: 'Đúng hạn trên 95%' })
  })

  it('filled with a ministry’s tasks, yields those tasks', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await buildTemplate()) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('Nhiệm vụ')!
    ws.spliceRows(2, 3)
    ws.addRow(['I', 'HOÀN THIỆN THỂ CHẾ'])
    ws.addRow(['1', 'Xây dựng Nghị định về quản lý văn bản điện tử', 'Bộ Nội vụ', 'VPCP, Bộ TTTT', new Date(Date.UTC(2024, 8, 30)), 'Nghị định'])
    ws.addRow(['2', 'Báo cáo tình hình giải quyết TTHC', 'Văn phòng Chính phủ', '', 'Hằng tháng', 'Báo cáo', 'trên 90%'])
    ws.addRow(['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH'])
    // A day number typed into a cell without date format, as Excel keeps a pasted date.
    ws.addRow(['1', 'Rà soát thủ tục hành chính', 'Các bộ, ngành', 'Bộ Tư pháp', 45473, 'Báo cáo'])
    ws.addRow(['2', 'Kết nối Cơ sở dữ liệu quốc gia về dân cư', 'Bộ Công an', '', 'Quý III/2024', 'Hệ thống'])
    const r = extractDirective((await readUpload('ds.xlsx', await bytesOf(wb))).text, { issuedOn: '2024-01-15' })
    expect(r.tasks.map(taskRow)).toEqual([
      'I.1 | BNV | VPCP,BTTTT | date 2024-09-30',
      'I.2 | VPCP |  | recurring monthly',
      'II.1 | G-BO-NGANH | BTP | date 2024-06-30',
      'II.2 | BCA |  | quarter 2024-09-30',
    ])
    expect(r.tasks[1].target).toBe('trên 90%')
    expect(r.tasks[3].output).toBe('Hệ thống')
  })
})

describe('other workbooks', () => {
  it('finds the header under title rows, in another order, on the second sheet; merged cells handled', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Bìa').addRow(['Danh sách này không có bảng'])
    const ws = wb.addWorksheet('DM nhiệm vụ')
    ws.addRow(['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024'])
    ws.addRow([])
    ws.addRow(['Thời hạn', 'Đơn vị chủ trì', 'TT', 'Nhiệm vụ', 'Đơn vị phối hợp', 'Kết quả'])
    ws.addRow(['I. HẠ TẦNG SỐ'])
    ws.mergeCells('A4:F4')
    ws.addRow([new Date(Date.UTC(2024, 2, 31)), 'Sở Thông tin và Truyền thông', 1, 'Nâng cấp Trung tâm dữ liệu tỉnh', 'Văn phòng UBND tỉnh', 'Trung tâm dữ liệu'])
    ws.addRow([new Date(Date.UTC(2024, 11, 31)), '', 2, 'Triển khai mạng truyền số liệu chuyên dùng cấp xã', 'UBND các huyện, thành phố, thị xã', ''])
    // The lead is merged down over both tasks.
    ws.mergeCells('B5:B6')
    const { text } = await readUpload('dm.xlsx', await bytesOf(wb))
    expect(text.split('\n')[0]).toBe('KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2024')
    const r = extractDirective(text, { issuedOn: '2024-01-15' })
    expect(r.tasks.map(taskRow)).toEqual(['I.1 | NA-STTTT | NA-VP | date 2024-03-31', 'I.2 | NA-STTTT | G-NA-HUYEN | date 2024-12-31'])
    expect(r.tasks[0].output).toBe('Trung tâm dữ liệu')
  })

  it('refuses a workbook without a task header, and a corrupt one', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Sheet1').addRow(['Họ tên', 'Ngày sinh'])
    await expect(readUpload('a.xlsx', await bytesOf(wb))).rejects.toThrow(/Không tìm thấy dòng tiêu đề/)
    const broken = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook><sheets><sheet') })
    const e = await readUpload('hong.xlsx', broken).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(UploadError)
    expect((e as Error).message).toMatch(/bị hỏng/)
  })
})
