// The directive's header: type, number, title, issuer, signer and issue date, from the several ways they are written.
import { extractDirective } from '~/extractor'

const TASK = '\n\n1. Bộ Nội vụ khẩn trương hoàn thiện dự thảo Nghị định, hoàn thành trong tháng 6 năm 2024.'
// A report assigns tasks only in its part on what is to be done.
const REPORT_TASK = `\n\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ${TASK}`

describe('header', () => {
  it.each([
    ['THÔNG BÁO', 'thong_bao_ket_luan'],
    ['CHỈ THỊ', 'chi_thi'],
    ['NGHỊ QUYẾT', 'nghi_quyet'],
    ['QUYẾT ĐỊNH', 'quyet_dinh'],
    ['KẾ HOẠCH', 'ke_hoach'],
    ['CÔNG ĐIỆN', 'cong_dien'],
    ['BÁO CÁO', 'other'],
  ])('the type line %s', (line, type) => {
    const task = type === 'other' ? REPORT_TASK : TASK
    expect(extractDirective(`${line}\nVề việc thử nghiệm${task}`).directive).toMatchObject({ type, title: 'Về việc thử nghiệm' })
  })

  it.each([
    ['Số: 44/TB-VPCP', 'thong_bao_ket_luan', '44/TB-VPCP', 'Văn phòng Chính phủ'],
    ['Số: 05/CT-UBND', 'chi_thi', '05/CT-UBND', null],
    ['Số: 123/2024/QĐ-UBND', 'quyet_dinh', '123/2024/QĐ-UBND', null],
    ['Số: 1552/BTTTT-THH', 'cong_van', '1552/BTTTT-THH', 'Bộ Thông tin và Truyền thông'],
    ['Số: 12/KH-BNV', 'ke_hoach', '12/KH-BNV', 'Bộ Nội vụ'],
  ])('the number %s gives the type and the issuer', (line, type, number, issuer) => {
    expect(extractDirective(`${line}${TASK}`).directive).toMatchObject({ type, number, issuer })
  })

  it('a dispatch: V/v title, place and date, recipients, signer', () => {
    const text = 'BỘ NỘI VỤ\nSố: 6503/BNV-CCHC\nV/v hướng dẫn tổng kết\nHà Nội, ngày 24 tháng 12 năm 2019\n\nKính gửi: Các bộ, cơ quan ngang bộ\n\nĐề nghị các bộ, cơ quan ngang bộ gửi báo cáo tổng kết về Bộ Nội vụ trước ngày 30/6/2020./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, CCHC.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Trọng Thừa'
    const r = extractDirective(text)
    expect(r.directive).toEqual({ type: 'cong_van', number: '6503/BNV-CCHC', title: 'hướng dẫn tổng kết', issuer: 'Bộ Nội vụ', signer: 'Nguyễn Trọng Thừa', issuedOn: '2019-12-24' })
    expect(r.tasks).toMatchObject([{ leads: [{ code: 'G-BO-NGANH' }], deadline: { kind: 'date', dueOn: '2020-06-30' } }])
  })

  it('the issue date of the text wins over --issued-on, which fills in when the text has none', () => {
    const dated = 'Nghệ An, ngày 28 tháng 12 năm 2023\nCHỈ THỊ\nVề việc thử nghiệm'
    expect(extractDirective(`${dated}${TASK}`, { issuedOn: '2024-01-05' }).directive.issuedOn).toBe('2023-12-28')
    expect(extractDirective(`CHỈ THỊ\nVề việc thử nghiệm${TASK}`, { issuedOn: '2024-01-05' }).directive.issuedOn).toBe('2024-01-05')
    expect(extractDirective(`CHỈ THỊ\nVề việc thử nghiệm${TASK}`).directive.issuedOn).toBeNull()
    expect(extractDirective(`Hà Nội, ngày tháng 3 năm 2020\nBÁO CÁO\nThử${REPORT_TASK}`).directive.issuedOn).toBeNull()
  })

  it('a province issues through "TM. ỦY BAN NHÂN DÂN" and the place', () => {
    const text = `Bắc Kạn, ngày 15 tháng 3 năm 2024\nCHỈ THỊ\nVề việc thử nghiệm\n\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổng hợp, hoàn thành trong tháng 6 năm 2024./.\n\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Đăng Bình`
    const r = extractDirective(text)
    expect(r.directive).toMatchObject({ issuer: 'Ủy ban nhân dân tỉnh Bắc Kạn', signer: 'Nguyễn Đăng Bình' })
    // Bắc Kạn's Sở Nội vụ is not Nghệ An's, the only one in the dictionary.
    expect(r.tasks[0].leads).toEqual([{ name: 'Sở Nội vụ', code: null }])
    expect(r.tasks[0].supports).toEqual([{ name: 'Sở Tài chính', code: null }])
  })
})
