// Every deadline form of DOMAIN.md and the traps around them (references to other documents, horizons, quotes).
import { findDeadlines, pickDeadline } from '~/extractor/deadlines'

const standing = { kind: 'standing', dueOn: null, recurrence: null, phrase: null }

function due(text: string, issuedOn: string | null = null) {
  return pickDeadline(text, issuedOn, null)
}

describe('dated deadlines', () => {
  it.each([
    ['hoàn thành trong tháng 5 năm 2023', 'month', '2023-05-31', 'hoàn thành trong tháng 5 năm 2023'],
    ['Thời hạn hoàn thành trong tháng 6 năm 2023.', 'month', '2023-06-30', 'Thời hạn hoàn thành trong tháng 6 năm 2023'],
    ['phấn đấu hoàn thành trong tháng 9 năm 2023', 'month', '2023-09-30', 'phấn đấu hoàn thành trong tháng 9 năm 2023'],
    ['gửi báo cáo trước ngày 30/6/2020 để tổng hợp', 'date', '2020-06-30', 'trước ngày 30/6/2020'],
    ['chậm nhất ngày 15 tháng 10 năm 2024', 'date', '2024-10-15', 'chậm nhất ngày 15 tháng 10 năm 2024'],
    ['hoàn thành trong Quý II/2024', 'quarter', '2024-06-30', 'hoàn thành trong Quý II/2024'],
    ['trong quý IV năm 2024', 'quarter', '2024-12-31', 'trong quý IV năm 2024'],
    ['trong Quý 3/2025', 'quarter', '2025-09-30', 'trong Quý 3/2025'],
    ['trang bị máy scan vào đầu tháng 02/2024.', 'date', '2024-02-10', 'vào đầu tháng 02/2024'],
    ['hoàn thành vào giữa tháng 3/2024', 'date', '2024-03-20', 'hoàn thành vào giữa tháng 3/2024'],
    ['trước cuối tháng 8/2024', 'month', '2024-08-31', 'trước cuối tháng 8/2024'],
    ['Đến cuối năm 2023, 50% hồ sơ TTHC', 'year', '2023-12-31', 'Đến cuối năm 2023'],
    ['bảo đảm từ ngày 01 tháng 6 năm 2023 người dân không phải cung cấp lại thông tin', 'date', '2023-06-01', 'từ ngày 01 tháng 6 năm 2023'],
    ['phấn đấu năm 2023 đạt trên 85%', 'year', '2023-12-31', 'phấn đấu năm 2023'],
    ['hoàn thành trong năm 2024', 'year', '2024-12-31', 'hoàn thành trong năm 2024'],
    ['triển khai nhiệm vụ CCHC 6 tháng cuối năm 2023', 'month', '2023-12-31', '6 tháng cuối năm 2023'],
    ['trong 6 tháng đầu năm 2024', 'month', '2024-06-30', 'trong 6 tháng đầu năm 2024'],
    ['hoàn thiện, trình ban hành Đề án trong tháng 9/2024.', 'month', '2024-09-30', 'trong tháng 9/2024'],
    ['trước tháng 6/2024', 'month', '2024-05-31', 'trước tháng 6/2024'],
    ['trước năm 2025', 'year', '2024-12-31', 'trước năm 2025'],
    ['Thời hạn: tháng 6/2025.', 'month', '2025-06-30', 'Thời hạn: tháng 6/2025'],
    ['Thời gian hoàn thành: Quý II/2025', 'quarter', '2025-06-30', 'Thời gian hoàn thành: Quý II/2025'],
    ['Thời hạn: 30/6/2025.', 'date', '2025-06-30', 'Thời hạn: 30/6/2025'],
    ['Thời hạn hoàn thành: năm 2025', 'year', '2025-12-31', 'Thời hạn hoàn thành: năm 2025'],
  ])('%s', (text, kind, dueOn, phrase) => {
    expect(due(text)).toEqual({ kind, dueOn, recurrence: null, phrase })
  })
})

describe('dates without a year are placed after the issue date', () => {
  it('a month later in the year is this year, an earlier month next year', () => {
    expect(due('hoàn thành trong tháng 11', '2023-10-10').dueOn).toBe('2023-11-30')
    expect(due('hoàn thành trong tháng 9', '2023-10-10').dueOn).toBe('2024-09-30')
    expect(due('hoàn thành trong tháng 10', '2023-10-10').dueOn).toBe('2023-10-31')
  })

  it('a day and month', () => {
    expect(due('báo cáo trước ngày 15/11', '2023-10-10')).toMatchObject({ kind: 'date', dueOn: '2023-11-15' })
    expect(due('báo cáo trước ngày 15/01', '2023-10-10')).toMatchObject({ kind: 'date', dueOn: '2024-01-15' })
  })

  it('a labelled period without its year, and a time limit without "thời hạn"', () => {
    expect(due('Tiến độ: tháng 9', '2025-05-12')).toMatchObject({ kind: 'month', dueOn: '2025-09-30' })
    expect(due('trong 30 ngày kể từ ngày ký', '2025-05-12')).toMatchObject({ kind: 'date', dueOn: '2025-06-11' })
    // A span of years after a label is a horizon, not a deadline.
    expect(due('đạt 90% (thời gian: 2024 - 2025)', '2025-05-12')).toEqual(standing)
  })

  it('a quarter, the end of the year, a time limit counted from signature', () => {
    expect(due('hoàn thành trong Quý I', '2024-05-02')).toMatchObject({ kind: 'quarter', dueOn: '2025-03-31' })
    expect(due('hoàn thành trước cuối năm', '2024-05-02')).toMatchObject({ kind: 'year', dueOn: '2024-12-31' })
    expect(due('trong thời hạn 30 ngày kể từ ngày ký', '2024-01-10')).toMatchObject({ kind: 'date', dueOn: '2024-02-09' })
  })

  it('keeps the kind but no day when there is no issue date to place it', () => {
    expect(due('hoàn thành trong tháng 11')).toEqual({ kind: 'month', dueOn: null, recurrence: null, phrase: 'hoàn thành trong tháng 11' })
  })
})

describe('recurring duties', () => {
  it.each([
    ['định kỳ hằng tháng báo cáo Thủ tướng Chính phủ kết quả thực hiện', 'monthly', 'định kỳ hằng tháng'],
    ['Hàng tháng: công khai trên Cổng Thông tin điện tử tỉnh', 'monthly', 'Hàng tháng'],
    ['Theo chức năng nhiệm vụ được giao, hàng quý, các ngành, địa phương chủ động', 'quarterly', 'hàng quý'],
    ['định kỳ hằng quý báo cáo kết quả thực hiện', 'quarterly', 'định kỳ hằng quý'],
    ['Định kỳ 06 tháng báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện', 'half-yearly', 'Định kỳ 06 tháng'],
    ['định kỳ 6 tháng một lần tổng hợp', 'half-yearly', 'định kỳ 6 tháng'],
    ['định kỳ hằng năm báo cáo Bộ Nội vụ', 'yearly', 'định kỳ hằng năm'],
    ['tổng hợp, báo cáo hằng năm', 'yearly', 'hằng năm'],
    ['gửi báo cáo trước ngày 15 hằng tháng', 'monthly', 'hằng tháng'],
    ['tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 20 tháng 12 hằng năm', 'yearly', 'hằng năm'],
    ['gửi Bộ Nội vụ trước ngày 15/12 hằng năm', 'yearly', 'hằng năm'],
  ])('%s', (text, recurrence, phrase) => {
    expect(due(text)).toEqual({ kind: 'recurring', dueOn: null, recurrence, phrase })
  })

  it('does not read an annual budget as a yearly duty', () => {
    expect(due('bảo đảm bố trí đầy đủ nhân lực, kinh phí hàng năm cho việc triển khai')).toEqual(standing)
  })
})

describe('standing tasks and false friends', () => {
  it('"thường xuyên" is an explicit standing task', () => {
    expect(due('Bộ Nội vụ thường xuyên theo dõi, đôn đốc')).toEqual({ kind: 'standing', dueOn: null, recurrence: null, phrase: 'thường xuyên' })
  })

  it('no deadline at all is an implicit standing task, or the heading period when one is given', () => {
    expect(due('Tăng cường công tác kiểm tra CCHC, thanh tra công vụ.')).toEqual(standing)
    const quarter = { kind: 'quarter' as const, dueOn: '2020-06-30', recurrence: null, phrase: 'QUÝ II/2020' }
    expect(pickDeadline('Bộ Nội vụ khẩn trương hoàn thiện các nghị định.', null, quarter)).toEqual(quarter)
  })

  it.each([
    'theo Quyết định số 1498/QĐ-TTg ngày 11 tháng 9 năm 2021.',
    'Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 về thực hiện cơ chế một cửa',
    'theo Kế hoạch năm 2023 của Ban Chỉ đạo',
    'Chỉ số CCHC năm 2022 xác định rõ ưu điểm, nhược điểm',
    'Nghị quyết số 17/NQ-CP giai đoạn 2019 - 2020, định hướng đến năm 2025; trong đó',
    'Đề án “Phát triển ứng dụng dữ liệu về dân cư giai đoạn 2022 - 2025, tầm nhìn đến năm 2030”',
    'tính đến ngày 06/12/2023, 100% đơn vị cấp huyện',
    'lồng ghép trong báo cáo Quý II/năm về công tác kiểm soát thủ tục hành chính',
    'sơ kết công tác CCHC 6 tháng đầu năm 2023',
  ])('no deadline in: %s', (text) => {
    expect(due(text)).toEqual(standing)
  })

  it('finds two deadlines in one bullet, in order', () => {
    const found = findDeadlines('Các bộ, ngành rà soát, hoàn thành trong tháng 6 năm 2023. Khẩn trương ban hành văn bản, hoàn thành trong tháng 5 năm 2023.', null)
    expect(found.map((d) => d.dueOn)).toEqual(['2023-06-30', '2023-05-31'])
  })

  it('reads bare periods in headings and table cells only', () => {
    expect(findDeadlines('PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ II/2020', null, 'heading')[0]).toMatchObject({ kind: 'quarter', dueOn: '2020-06-30' })
    expect(findDeadlines('báo cáo Quý II/2020 của Bộ', null, 'body')).toEqual([])
    expect(pickDeadline('Thường xuyên', null, null, 'cell')).toMatchObject({ kind: 'standing', phrase: 'Thường xuyên' })
    expect(pickDeadline('Hằng quý', null, null, 'cell')).toMatchObject({ kind: 'recurring', recurrence: 'quarterly' })
    expect(pickDeadline('30/6/2024', null, null, 'cell')).toMatchObject({ kind: 'date', dueOn: '2024-06-30' })
    expect(pickDeadline('Năm 2024', null, null, 'cell')).toMatchObject({ kind: 'year', dueOn: '2024-12-31' })
    expect(pickDeadline('Tháng 9/2024', null, null, 'cell')).toMatchObject({ kind: 'month', dueOn: '2024-09-30' })
  })

  it('ignores impossible dates', () => {
    expect(due('trước ngày 31/02/2024')).toEqual(standing)
    expect(due('hoàn thành trong tháng 13/2024')).toEqual(standing)
  })
})
