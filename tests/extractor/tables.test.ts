// Task tables in pasted text: any column order, two-level headers, column-number rows, section rows (Roman
// numerals, capitals, "1" over "1.1", merged rows that lost their tabs), combined lead/support columns, targets.
import { extractDirective } from '~/extractor'
import { isTaskTableHeader } from '~/extractor/tables'
import { taskRow } from '../support/task-rows'

const HEAD = 'KẾ HOẠCH\nTriển khai Chương trình cải cách hành chính năm 2024\n\nII. NHIỆM VỤ\n\n'
const tsv = (...rows: string[][]) => rows.map((r) => r.join('\t')).join('\n')

describe('task tables', () => {
  it('recognises headers in any spelling and order, and refuses other tables', () => {
    expect(isTaskTableHeader(['Thời hạn', 'Đơn vị chủ trì', 'TT', 'Nhiệm vụ'])).toBe(true)
    expect(isTaskTableHeader(['Số thứ tự', 'Nội dung công việc', 'Cơ quan chủ trì, phối hợp', 'Tiến độ'])).toBe(true)
    expect(isTaskTableHeader(['Họ và tên', 'Chức vụ', 'Đơn vị'])).toBe(false)
    expect(isTaskTableHeader(['Chỉ tiêu', 'Năm 2023', 'Năm 2024'])).toBe(false)
  })

  it('reads a two-level header, skips the column-number row, and groups by section rows', () => {
    const text =
      HEAD +
      tsv(
        ['TT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian hoàn thành', 'Sản phẩm', 'Chỉ tiêu'],
        ['', '', 'Chủ trì', 'Phối hợp', '', '', ''],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
        ['A', 'NHIỆM VỤ CHUNG', '', '', '', '', ''],
        ['1', 'Cải cách thể chế', '', '', '', '', ''],
        ['1.1', 'Rà soát văn bản quy phạm pháp luật', 'Bộ Tư pháp', 'Các bộ, ngành', 'Quý II/2024', 'Báo cáo', ''],
        ['1.2', 'Xây dựng Nghị định về văn bản điện tử', 'Bộ Nội vụ', 'VPCP', 'Tháng 10/2024', 'Nghị định', ''],
        ['2', 'Giải quyết thủ tục hành chính đúng hạn', 'Các bộ, ngành', '', 'Năm 2024', '', 'trên 95%'],
      ) +
      '\nB. NHIỆM VỤ RIÊNG\n' +
      tsv(['1', 'Kết nối Cơ sở dữ liệu quốc gia về dân cư', 'Bộ Công an', 'Bộ TTTT', '30/6/2024', 'Hệ thống', '']) +
      '\n\nIII. TỔ CHỨC THỰC HIỆN\n\nVăn phòng Chính phủ theo dõi, đôn đốc.'
    const r = extractDirective(text, { issuedOn: '2024-01-10' })
    expect(r.tasks.slice(0, 4).map(taskRow)).toEqual([
      'A.1.1 | BTP | G-BO-NGANH | quarter 2024-06-30',
      'A.1.2 | BNV | VPCP | month 2024-10-31',
      'A.2 | G-BO-NGANH |  | year 2024-12-31',
      'B.1 | BCA | BTTTT | date 2024-06-30',
    ])
    expect(r.tasks[0]).toMatchObject({ content: 'Rà soát văn bản quy phạm pháp luật', output: 'Báo cáo' })
    expect(r.tasks[2].target).toBe('trên 95%')
  })

  it('splits a combined "chủ trì, phối hợp" column: the first agency leads', () => {
    const text = HEAD + tsv(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì, phối hợp', 'Thời hạn'], ['1', 'Hoàn thiện Cổng Dịch vụ công quốc gia', 'Văn phòng Chính phủ; Bộ Công an, Bộ Thông tin và Truyền thông', 'Quý IV/2024'])
    const r = extractDirective(text, { issuedOn: '2024-01-10' })
    expect(r.tasks.map(taskRow)).toEqual(['1 | VPCP | BCA,BTTTT | quarter 2024-12-31'])
  })
})
