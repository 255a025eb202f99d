// Enumeration in Vietnamese legal style and the refs built from it; text normalisation ahead of it.
import { normalizeText } from '~/extractor/normalize'
import { buildOutline, markerOf, type OutlineNode } from '~/extractor/outline'

function refs(paragraphs: string[]): string[] {
  const out: string[] = []
  const walk = (n: OutlineNode) => {
    if (n.ref) out.push(n.ref)
    n.children.forEach(walk)
  }
  walk(buildOutline(paragraphs, () => false).root)
  return out
}

describe('markers', () => {
  it.each([
    ['II. PHƯƠNG HƯỚNG, NHIỆM VỤ', 'roman', 'II'],
    ['6. Về nhiệm vụ, giải pháp', 'number', '6'],
    ['10. Đài Phát thanh - Truyền hình tỉnh', 'number', '10'],
    ['1.2. Cải cách thể chế', 'sub', '1.2'],
    ['Điều 2. Tổ chức thực hiện', 'article', '2'],
    ['a) Các thành viên của Ban Chỉ đạo', 'letter', 'a'],
    ['đ) Bộ Công an', 'letter', 'đ'],
    ['k) Ngân hàng nhà nước Việt Nam: Đẩy mạnh', 'letter', 'k'],
    ['m) Ưu tiên', 'letter', 'm'],
    ['(1) Công tác chỉ đạo', 'paren', '1'],
    ['- Khẩn trương ban hành', 'dash', ''],
    ['– Khẩn trương ban hành', 'dash', ''],
    ['+ Tỷ lệ giải quyết', 'plus', ''],
    ['- + Tỷ lệ giải quyết đúng hạn TTHC', 'plus', ''],
    ['I/ MỤC ĐÍCH, YÊU CẦU', 'roman', 'I'],
    ['II- NHIỆM VỤ', 'roman', 'II'],
    ['1/ Sở Tư pháp chủ trì', 'number', '1'],
    ['2- Sở Y tế thực hiện', 'number', '2'],
    ['b. Rà soát các văn bản', 'letter', 'b'],
    ['đ. Công an tỉnh', 'letter', 'đ'],
  ])('%s', (p, kind, label) => {
    expect(markerOf(p)).toMatchObject({ kind, label })
  })

  it.each(['2,2 nghìn quy định', '2022 là năm', 'Văn phòng Chính phủ', '107/2021/NĐ-CP ngày 06/12/2021', 'I love', '1/2024 là năm', '2 - 3 ngày', 'a. b. c'])('no marker: %s', (p) => {
    expect(markerOf(p)).toBeNull()
  })
})

describe('refs', () => {
  it('numbers, letters with đ after d, then bullets and plus bullets', () => {
    expect(refs(['6. Nhiệm vụ', 'a) A', 'b) B', '- một', '- hai', '- ba:', '- + x', '- + y', 'c) C', 'd) D', 'đ) Đ', 'e) E', 'g) G', 'h) H', 'i) I', 'k) K'])).toEqual([
      '6', '6.a', '6.b', '6.b.1', '6.b.2', '6.b.3', '6.b.3.1', '6.b.3.2', '6.c', '6.d', '6.đ', '6.e', '6.g', '6.h', '6.i', '6.k',
    ])
  })

  it('reads a marker typed twice ("a) a) …") as one', () => {
    expect(markerOf('a) a) Bộ Tài chính chủ trì')).toEqual({ kind: 'letter', label: 'a', rest: 'Bộ Tài chính chủ trì' })
    expect(markerOf('2. 2. Giao Văn phòng Chính phủ theo dõi')).toEqual({ kind: 'number', label: '2', rest: 'Giao Văn phòng Chính phủ theo dõi' })
    expect(markerOf('a) b) là hai trường hợp')?.rest).toBe('b) là hai trường hợp')
  })

  it('numbers the second of two items lettered d) as d(2)', () => {
    expect(refs(['1. Sở', 'c) x', 'd) y', 'd) z', 'e) w'])).toEqual(['1', '1.c', '1.d', '1.d(2)', '1.e'])
  })

  it('Roman parts hold numbered sections; a new part starts the numbering again', () => {
    expect(refs(['I. KẾT QUẢ', '1. a', '2. b', 'II. NHIỆM VỤ', '1. c', 'a) d'])).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1', 'II.1.a'])
  })

  it('nests (1) under the dash it follows and returns to the dashes after', () => {
    expect(refs(['b) Nguyên nhân', '- chủ quan:', '(1) một', '(2) hai', '- khách quan'])).toEqual(['b', 'b.1', 'b.1.1', 'b.1.2', 'b.2'])
  })

  it('does not nest numbered sections under a list of dashes', () => {
    const { root } = buildOutline(['- Bộ trưởng các Bộ;', '- Chủ tịch UBND các tỉnh.', '1. Chủ tịch UBND các tỉnh:', 'a) x', '2. Bộ Tài chính'], () => false)
    expect(root.children.map((c) => `${c.kind}:${c.ref}`)).toEqual(['dash:1', 'dash:2', 'number:1', 'number:2'])
    expect(root.children[2].children.map((c) => c.ref)).toEqual(['1.a'])
  })

  it('keeps unnumbered paragraphs as the body of the item above', () => {
    const { root } = buildOutline(['3. Sở Nội vụ chủ trì', 'Tăng cường công tác thanh tra.', 'Tham mưu xử lý nghiêm.'], () => false)
    expect(root.children[0].body).toEqual(['Tăng cường công tác thanh tra.', 'Tham mưu xử lý nghiêm.'])
  })

  it('sets closing paragraphs apart', () => {
    const { root, closing } = buildOutline(['1. Sở', 'a) x', 'Yêu cầu các Sở thực hiện nghiêm Chỉ thị này./.'], (p) => p.endsWith('./.'))
    expect(root.children[0].children[0].body).toEqual([])
    expect(closing).toEqual(['Yêu cầu các Sở thực hiện nghiêm Chỉ thị này./.'])
  })
})

describe('normalisation', () => {
  it('joins a sentence split by a page break, and keeps headings apart', () => {
    expect(normalizeText('- Nhận thức và hành động. Nhìn\n\nchung các bộ đã làm tốt.\n\n5. Sở Kế hoạch và Đầu tư\n\nTiếp tục nâng cao chất lượng.')).toEqual([
      '- Nhận thức và hành động. Nhìn chung các bộ đã làm tốt.',
      '5. Sở Kế hoạch và Đầu tư',
      'Tiếp tục nâng cao chất lượng.',
    ])
    expect(normalizeText('kết nối với Hệ thống thông tin của\n\nChính phủ, Trung tâm thông tin.')).toEqual(['kết nối với Hệ thống thông tin của Chính phủ, Trung tâm thông tin.'])
    expect(normalizeText('theo Nghị định số\n\n107/2021/NĐ-CP ngày 06/12/2021.')).toEqual(['theo Nghị định số 107/2021/NĐ-CP ngày 06/12/2021.'])
  })

  it('drops footnote markers and footnote text, even when the footnote interrupts a sentence', () => {
    expect(normalizeText('còn hạn chế¹; năng suất lao động chưa cải thiện²; việc phối hợp\n\n¹ Đến nay, 100% đơn vị.\n\n² Nhiều hồ sơ TTHC.\n\ncòn chưa hiệu quả.')).toEqual([
      'còn hạn chế; năng suất lao động chưa cải thiện; việc phối hợp còn chưa hiệu quả.',
    ])
  })

  it('removes web-page chrome, the motto, rules and page numbers, and cuts the list of other articles', () => {
    const text = 'Skip Ribbon Commands\nSkip to main content\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nNội dung chính.\n\n- 2 -\n\nTác giả: Lý Thị Thuấn\nNguồn:\n\nTin bài mới:\n\nBài khác (10/07/2023)'
    expect(normalizeText(text)).toEqual(['Nội dung chính.'])
  })

  it('splits headings glued by Markdown bold', () => {
    expect(normalizeText('I. TÌNH HÌNH VÀ KẾT QUẢ ĐẠT ĐƯỢC**1. Công tác chỉ đạo**\n\nBÁO CÁO**Tình hình Quý I/2020**')).toEqual([
      'I. TÌNH HÌNH VÀ KẾT QUẢ ĐẠT ĐƯỢC',
      '1. Công tác chỉ đạo',
      'BÁO CÁO',
      'Tình hình Quý I/2020',
    ])
  })

  it('rejoins hard-wrapped lines of a PDF copy', () => {
    const wrapped = [
      '1. Bộ Tài chính chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư khẩn trương trình Chính phủ dự thảo',
      'Nghị định về cơ chế tài chính, hoàn thành trong tháng 6 năm 2024. Bộ Tư pháp thẩm định dự thảo',
      'Nghị định trong tháng 7 năm 2024.',
      '2. Bộ Nội vụ tổng hợp tình hình thực hiện, định kỳ hằng quý báo cáo Thủ tướng Chính phủ kết quả',
      'thực hiện các nhiệm vụ được giao tại Chỉ thị này và các văn bản chỉ đạo khác của Chính phủ.',
      '3. Văn phòng Chính phủ theo dõi, đôn đốc các bộ, ngành, địa phương thực hiện nghiêm các nhiệm',
      'vụ được giao, kịp thời báo cáo Thủ tướng Chính phủ những vướng mắc vượt thẩm quyền của các bộ.',
      '4. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các sở, ban, ngành rà soát',
      'Bộ thủ tục hành chính thuộc thẩm quyền, công bố trên Cổng Dịch vụ công quốc gia trước ngày',
      '30/9/2024.',
    ].join('\n')
    const ps = normalizeText(wrapped)
    expect(ps).toHaveLength(4)
    expect(ps[0]).toBe('1. Bộ Tài chính chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư khẩn trương trình Chính phủ dự thảo Nghị định về cơ chế tài chính, hoàn thành trong tháng 6 năm 2024. Bộ Tư pháp thẩm định dự thảo Nghị định trong tháng 7 năm 2024.')
    expect(ps[3]).toContain('Bộ thủ tục hành chính thuộc thẩm quyền')
  })

  it('joins a sentence broken by a page number written as "Trang 2/3"', () => {
    expect(normalizeText('c) NHNN chỉ đạo thanh toán trực tuyến phí, lệ phí giải quyết thủ tục hành chính\nTrang 2/3\ntrên Cổng Dịch vụ công quốc gia.')).toEqual([
      'c) NHNN chỉ đạo thanh toán trực tuyến phí, lệ phí giải quyết thủ tục hành chính trên Cổng Dịch vụ công quốc gia.',
    ])
  })

  it('drops the motto of a header pasted with its left cell empty', () => {
    expect(normalizeText('VĂN PHÒNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\nSố: 231/TB-VPCP\tHà Nội, ngày 12 tháng 5 năm 2025')).toEqual([
      'VĂN PHÒNG CHÍNH PHỦ',
      'Số: 231/TB-VPCP',
      'Hà Nội, ngày 12 tháng 5 năm 2025',
    ])
  })

  it('splits the two columns of an official header pasted on one line', () => {
    expect(normalizeText('BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------\tĐộc lập - Tự do - Hạnh phúc\nSố: 12/BC-BNV\tHà Nội, ngày 05 tháng 3 năm 2024')).toEqual([
      'BỘ NỘI VỤ',
      'Số: 12/BC-BNV',
      'Hà Nội, ngày 05 tháng 3 năm 2024',
    ])
  })
})
