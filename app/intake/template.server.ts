// The downloadable .xlsx template for offices that keep their task lists in Excel: Vietnamese headers that the
// .xlsx reader recognises, hints on each column, and two example rows.
import ExcelJS from 'exceljs'

export const TEMPLATE_COLUMNS = [
  { header: 'STT', width: 7, note: 'Số thứ tự: 1, 2, 3 … Dòng nhóm: số La Mã (I, II) và tên nhóm ở cột Nội dung, bỏ trống các cột khác.' },
  { header: 'Nội dung nhiệm vụ', width: 60, note: 'Nội dung nhiệm vụ như trong văn bản.' },
  { header: 'Cơ quan chủ trì', width: 26, note: 'Một cơ quan (hoặc hai cơ quan đồng chủ trì, cách nhau bởi dấu phẩy). Viết tắt được: BNV, VPCP, Sở Nội vụ …' },
  { header: 'Cơ quan phối hợp', width: 30, note: 'Các cơ quan phối hợp, cách nhau bởi dấu phẩy.' },
  { header: 'Thời gian hoàn thành', width: 20, note: 'Ngày dd/mm/yyyy, hoặc: Tháng 6/2024, Quý II/2024, Năm 2024, 6 tháng đầu năm 2024, Hằng tháng, Hằng quý, Thường xuyên.' },
  { header: 'Sản phẩm', width: 28, note: 'Kết quả phải có: Nghị định, Quyết định, Báo cáo, Hệ thống …' },
  { header: 'Chỉ tiêu', width: 16, note: 'Chỉ tiêu đo được, nếu có (ví dụ: trên 90%).' },
  { header: 'Ghi chú', width: 20, note: 'Không được đọc vào nhiệm vụ.' },
] as const

const EXAMPLES: Array<Array<string | Date>> = [
  ['I', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', '', '', '', '', '', 'Dòng nhóm (ví dụ)'],
  ['1', 'Rà soát, đơn giản hóa thủ tục hành chính nội bộ', 'Văn phòng UBND tỉnh', 'Sở Tư pháp, Sở Nội vụ', new Date(Date.UTC(2024, 5, 30)), 'Quyết định phê duyệt phương án', '', 'Dòng ví dụ: xóa trước khi nhập'],
  ['2', 'Báo cáo tình hình giải quyết thủ tục hành chính', 'Sở Nội vụ', '', 'Hằng quý', 'Báo cáo', 'Đúng hạn trên 95%', 'Dòng ví dụ: xóa trước khi nhập'],
]

/** The template workbook as .xlsx bytes. */
export async function buildTemplate(): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Đôn đốc'
  const sheet = workbook.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  header.height = 30
  TEMPLATE_COLUMNS.forEach((c, k) => {
    const cell = header.getCell(k + 1)
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }
    cell.border = { bottom: { style: 'thin' } }
    cell.note = c.note
  })
  for (const values of EXAMPLES) {
    const row = sheet.addRow(values)
    row.alignment = { vertical: 'top', wrapText: true }
    if (values[0] === 'I') row.font = { bold: true }
  }
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy'
  // The deadline accepts a date or a period in words, so the rule only shows a hint and never refuses.
  for (let r = 2; r <= 1000; r++) {
    sheet.getCell(r, 5).dataValidation = {
      type: 'custom',
      formulae: ['TRUE'],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: 'Thời gian hoàn thành',
      prompt: 'Ngày dd/mm/yyyy, hoặc Tháng 6/2024, Quý II/2024, Năm 2024, Hằng tháng, Hằng quý, Thường xuyên',
    }
  }
  const help = workbook.addWorksheet('Hướng dẫn')
  help.getColumn(1).width = 110
  for (const line of [
    'Cách dùng tệp mẫu',
    '1. Mỗi dòng ở trang "Nhiệm vụ" là một nhiệm vụ; dòng nhóm ghi số La Mã ở cột STT và tên nhóm ở cột Nội dung.',
    '2. Các cột có thể đổi thứ tự; tên cột được nhận theo nghĩa (STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm, Chỉ tiêu).',
    '3. Thời gian hoàn thành: ngày dd/mm/yyyy hoặc một kỳ (Tháng 6/2024, Quý II/2024, Năm 2024); nhiệm vụ định kỳ ghi Hằng tháng, Hằng quý, 6 tháng, Hằng năm; không có hạn ghi Thường xuyên.',
    '4. Xóa các dòng ví dụ trước khi nhập, rồi tải tệp lên trang Nhập văn bản: hệ thống đề xuất nhiệm vụ để anh/chị kiểm tra và xác nhận.',
  ]) help.addRow([line])
  help.getRow(1).font = { bold: true }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
