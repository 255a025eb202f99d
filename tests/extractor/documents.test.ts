// Whole documents beyond the two canonical ones: the next quarter's tasks of a report (001), a dated task in a
// news article (004), a news report (003), and directives in other forms (a telegram, a plan with a Word table or a
// Markdown table, a dispatch with "Kính gửi"), and PDF-style hard-wrapped copies of the canonical ones.
import fs from 'node:fs'
import path from 'node:path'
import { extractDirective, type ExtractedTask, type ExtractionResult } from '~/extractor'
import { compare, report } from './compare'

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures')
const read = (...p: string[]) => fs.readFileSync(path.join(FIXTURES, ...p), 'utf8')

// One line per task: ref, lead codes (or ?name), support codes, kind and due day or recurrence.
function rows(tasks: ExtractedTask[]): string[] {
  const who = (l: ExtractedTask['leads']) => l.map((a) => a.code ?? `?${a.name}`).join(',')
  return tasks.map((t) => `${t.ref} | ${who(t.leads)} | ${who(t.supports)} | ${t.deadline.kind} ${t.deadline.dueOn ?? t.deadline.recurrence ?? ''}`.trim())
}

// Word-wraps every paragraph at `width` columns with no blank lines, as text copied out of a PDF comes.
function hardWrap(text: string, width: number): string {
  const out: string[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let current = ''
    for (const word of line.split(/\s+/)) {
      if (current && current.length + 1 + word.length > width) {
        out.push(current)
        current = word
      } else current = current ? `${current} ${word}` : word
    }
    if (current) out.push(current)
  }
  return out.join('\n')
}

describe('001: part II of the quarterly report (next quarter’s tasks)', () => {
  const r = extractDirective(read('directives', '001_069af5088a52f83a.txt'))

  it('reads the header; the day of issue is blank in the text', () => {
    expect(r.directive).toEqual({
      type: 'other',
      number: null,
      title: 'Tình hình thực hiện công tác cải cách hành chính Quý I/2020',
      issuer: 'Bộ Nội vụ',
      signer: 'Nguyễn Trọng Thừa',
      issuedOn: null,
    })
  })

  it('takes the tasks of part II only, due with the quarter its heading names unless they are standing', () => {
    const q2 = 'quarter 2020-06-30'
    const bnda = 'G-BO-NGANH,G-TINH'
    expect(rows(r.tasks)).toEqual([
      `II.1 | ${bnda} |  | ${q2}`,
      `II.1(2) | ${bnda} |  | ${q2}`,
      'II.2 | BNV |  | standing',
      `II.3 | G-BO-NGANH |  | ${q2}`,
      `II.3(2) | BTP |  | ${q2}`,
      `II.3(3) | ${bnda} |  | ${q2}`,
      `II.4 |  |  | ${q2}`,
      `II.4(2) | ${bnda} |  | standing`,
      `II.5 | BNV |  | ${q2}`,
      `II.5(2) | ${bnda} |  | standing`,
      `II.6 | BTC |  | ${q2}`,
      `II.6(2) | ${bnda} |  | ${q2}`,
      `II.7 | ${bnda} |  | ${q2}`,
      `II.7(2) | ${bnda} |  | ${q2}`,
      `II.7(3) | ${bnda} |  | ${q2}`,
    ])
    expect(r.tasks[8].deadline.phrase).toBe('QUÝ II/2020')
    expect(r.tasks[8].content).toMatch(/^Bộ Nội vụ khẩn trương hoàn thiện, trình Chính phủ ban hành các nghị định/)
    expect(r.tasks[8].output).toBe('Các nghị định về tổ chức bộ máy và quản lý công chức, viên chức')
    expect(r.tasks[4].content).toMatch(/^Bộ Tư pháp chỉnh lý, hoàn thiện dự thảo Luật/)
  })

  it('does not read the report’s "trước ngày 30/6/2020" in part I as a task', () => {
    expect(r.tasks.some((t) => t.content.includes('trước ngày 30/6/2020'))).toBe(false)
  })
})

describe('004: the dated task in a news article', () => {
  const r = extractDirective(read('directives', '004_1bcf433b10447893.txt'))
  const dated = r.tasks.find((t) => t.content.startsWith('Bộ TTTT khẩn trương hoàn thiện'))

  it('finds "Bộ TTTT khẩn trương hoàn thiện … trong tháng 9/2024" with its lead and month', () => {
    expect(dated).toBeDefined()
    expect(dated?.leads).toEqual([{ name: 'Bộ TTTT', code: 'BTTTT' }])
    expect(dated?.deadline).toEqual({ kind: 'month', dueOn: '2024-09-30', recurrence: null, phrase: 'trong tháng 9/2024' })
  })

  it('reads the years in the scheme’s quoted title as part of the title, not as deadlines', () => {
    expect(r.tasks.filter((t) => t.deadline.kind === 'year' && t.deadline.dueOn === '2030-12-31')).toEqual([])
  })

  it('starts at the Prime Minister’s request, not in the account of the conference', () => {
    expect(r.tasks[0].content).toMatch(/^Tập trung xây dựng, hoàn thiện thể chế/)
    expect(r.tasks.some((t) => /ghi nhận|đánh giá cao|xếp hạng/.test(t.content))).toBe(false)
    expect(r.directive.type).toBe('other')
  })
})

describe('003: a news report of a meeting', () => {
  it('is read without the page chrome', () => {
    const r = extractDirective(read('directives', '003_0ed5269b530bbd12.txt'))
    const all = [...r.tasks.map((t) => t.content), ...r.unassigned].join('\n')
    expect(all).not.toMatch(/Skip Ribbon|Tin bài mới|Tác giả/)
    expect(r.tasks.length).toBeGreaterThan(0)
  })
})

describe('other forms of directives', () => {
  it('a telegram (công điện): recipients, numbered items with lettered sub-items, co-leads, recurring reports', () => {
    const r = extractDirective(read('other', 'cong-dien.txt'))
    expect(r.directive).toMatchObject({ type: 'cong_dien', number: '97/CĐ-TTg', issuedOn: '2024-10-14', signer: 'Phạm Minh Chính' })
    expect(rows(r.tasks)).toEqual([
      '1.a | G-TINH |  | date 2024-10-20',
      '1.b | G-TINH |  | month 2024-11-30',
      '1.c | G-TINH |  | recurring monthly',
      '2 | BTC | BKHDT | quarter 2024-12-31',
      '3 | BXD,BGTVT |  | date 2024-10-31',
      '4 | BKHDT |  | recurring quarterly',
      '5 | VTV,VOV,TTXVN |  | standing',
      '6 | VPCP |  | standing',
    ])
  })

  it('a provincial plan with a task table copied from Word, in another province', () => {
    const r = extractDirective(read('other', 'ke-hoach-bang.txt'))
    expect(r.directive).toEqual({
      type: 'ke_hoach',
      number: '125/KH-UBND',
      title: 'Cải cách hành chính năm 2024 của tỉnh Bắc Kạn',
      issuer: 'Ủy ban nhân dân tỉnh Bắc Kạn',
      signer: 'Phạm Duy Hưng',
      issuedOn: '2024-03-15',
    })
    // Bắc Kạn's departments are not in the dictionary (only Nghệ An's are): their names stay, without a code.
    expect(rows(r.tasks)).toEqual([
      'bảng.I.1 | ?Sở Tư pháp | ?Các sở, ban, ngành | quarter 2024-12-31',
      'bảng.I.2 | ?Sở Tư pháp | ?UBND các huyện, thành phố | month 2024-09-30',
      'bảng.II.1 | ?Văn phòng UBND tỉnh | ?Các sở, ngành | date 2024-06-30',
      'bảng.II.2 | ?UBND các huyện, thành phố |  | standing',
      'bảng.II.3 | ?Văn phòng UBND tỉnh |  | recurring quarterly',
      'bảng.III.1 | ?Sở Nội vụ | ?Hội đồng thẩm định Chỉ số | month 2024-06-30',
      'III.1 | ?Sở Nội vụ |  | date 2024-12-15',
      'III.2 | ?Sở Tài chính |  | standing',
      'III.3 | ?Các sở, ban, ngành,?UBND các huyện, thành phố |  | date 2024-03-31',
      'III.3(2) | ?Các sở, ban, ngành,?UBND các huyện, thành phố |  | recurring quarterly',
    ])
    expect(r.tasks[0].output).toBe('Báo cáo kết quả rà soát')
    expect(r.unassigned).toEqual([])
  })

  it('a plan with a Markdown table whose columns come in another order', () => {
    const r = extractDirective(read('other', 'ke-hoach-markdown.txt'))
    expect(rows(r.tasks)).toEqual(['1 | BCA | BTTTT,VPCP | quarter 2024-06-30', '2 | G-BO-NGANH | BTP | month 2024-09-30', '3 | NHNN,BKHDT |  | recurring yearly'])
    expect(r.tasks[0].content).toBe('Hoàn thành kết nối Cơ sở dữ liệu quốc gia về dân cư với Hệ thống thông tin giải quyết TTHC')
  })

  it('a conclusion notice with assignments inside sentences ("Về …: Giao Bộ … chủ trì, phối hợp với …")', () => {
    const r = extractDirective(read('other', 'thong-bao-ket-luan.txt'))
    expect(r.directive).toMatchObject({ type: 'thong_bao_ket_luan', number: '150/TB-VPCP', issuer: 'Văn phòng Chính phủ', issuedOn: '2024-04-12', signer: 'Nguyễn Sỹ Hiệp' })
    expect(rows(r.tasks)).toEqual([
      '2 | NGHE-AN |  | year 2024-12-31',
      '3.a | BKHDT | BTC,BTTTT | date 2024-06-30',
      '3.b | BNV |  | standing',
      '3.c | NGHE-AN |  | standing',
    ])
  })

  it('a decision with its plan attached after the signature: the articles assign nothing, the plan does', () => {
    const r = extractDirective(read('other', 'quyet-dinh-ke-hoach.txt'))
    expect(r.directive).toEqual({
      type: 'quyet_dinh',
      number: '210/QĐ-UBND',
      title: 'Về việc ban hành Kế hoạch chuyển đổi số năm 2024',
      issuer: 'Ủy ban nhân dân tỉnh Nghệ An',
      signer: 'Nguyễn Đức Trung',
      issuedOn: '2024-01-20',
    })
    expect(rows(r.tasks)).toEqual([
      'II.1.a | NA-STTTT | NA-VP | quarter 2024-06-30',
      'II.1.b | NA-STTTT |  | recurring half-yearly',
      'II.2 | NA-CA |  | date 2024-09-30',
      'II.3 | G-NA-SO-NGANH,G-NA-HUYEN |  | year 2024-12-31',
      'cuối.1 | NA-STTTT |  | date 2024-12-15',
    ])
    expect(r.tasks[3].target).toBe('trên 80%')
    expect(r.unassigned).toEqual([])
  })

  it('a dispatch (công văn) in prose, with year-less dates placed after its date', () => {
    const r = extractDirective(read('other', 'cong-van.txt'))
    expect(r.directive).toMatchObject({ type: 'cong_van', number: '8545/UBND-KSTT', issuer: 'Ủy ban nhân dân tỉnh Nghệ An', issuedOn: '2023-10-10', signer: 'Bùi Đình Long' })
    expect(rows(r.tasks)).toEqual([
      '1 | G-NA-SO-NGANH,G-NA-HUYEN |  | date 2023-11-15',
      '2 | NA-STTTT | NA-VP | month 2023-11-30',
      'cuối.1 | NA-VP |  | date 2023-12-20',
    ])
  })
})

describe('hard-wrapped copies (as pasted from a PDF)', () => {
  it.each(['000_506597647e220cc6', '002_1ca8dc2ac5247edc'])('%s still reaches 95%%', (stem) => {
    const want = JSON.parse(read(`${stem}.expected.json`)) as ExtractionResult
    const r = extractDirective(hardWrap(read('directives', `${stem}.txt`), 90))
    const c = compare(want, r)
    console.log(report(`${stem}, wrapped at 90 columns`, c))
    for (const s of [c.tasks, c.agencies, c.deadlines]) {
      expect(s.recall).toBeGreaterThanOrEqual(0.95)
      expect(s.precision).toBeGreaterThanOrEqual(0.95)
    }
  })
})

describe('rules found on the held-out set (tests/fixtures/genre)', () => {
  it('a clause after ";" that opens with another addressee and its duty is that addressee’s task', () => {
    const text = 'CÔNG ĐIỆN\nVề việc giải ngân vốn đầu tư công\n\n1. Bộ Tài chính tổng hợp tình hình giải ngân, báo cáo Thủ tướng Chính phủ; Văn phòng Chính phủ theo dõi, đôn đốc.\n\n2. Bộ Tài chính; Bộ Xây dựng: khẩn trương hướng dẫn các địa phương.'
    expect(rows(extractDirective(text, { issuedOn: '2025-08-05' }).tasks)).toEqual(['1 | BTC |  | standing', '1(2) | VPCP |  | standing', '2 | BTC,BXD |  | standing'])
  })

  it('a leader who "giao" a ministry a duty in a news report assigns it; a past "được Thủ tướng giao" does not', () => {
    const text = [
      'Chiều 20/3, Phó Thủ tướng làm việc với Bộ Ngoại giao.',
      'Các nhiệm vụ được Thủ tướng giao Bộ Ngoại giao năm 2024 đã hoàn thành.',
      'Phó Thủ tướng giao Bộ Ngoại giao chủ trì, phối hợp với Bộ Công an xây dựng cơ sở dữ liệu về công dân ở nước ngoài, hoàn thành trong quý III/2025.',
    ].join('\n\n')
    expect(rows(extractDirective(text, { issuedOn: '2025-03-20' }).tasks)).toEqual(['1 | BNG | BCA | quarter 2025-09-30'])
  })

  it('keeps the paragraphs of a web page copied one a line apart, and drops breadcrumbs, comments and "Đọc nhiều nhất"', () => {
    const lines = [
      'Trang chủ > Thời sự > Chính trị',
      'Chiều 20/3, Phó Thủ tướng Bùi Thanh Sơn đã làm việc với Bộ Ngoại giao về chuyển đổi số.',
      'Phát biểu tại buổi làm việc, Phó Thủ tướng ghi nhận những kết quả Bộ Ngoại giao đã đạt được.',
      'Phó Thủ tướng giao Bộ Ngoại giao chủ trì, phối hợp với Bộ Công an xây dựng cơ sở dữ liệu về công dân Việt Nam ở nước ngoài, hoàn thành trong quý III/2025.',
      'Phó Thủ tướng đề nghị Bộ Khoa học và Công nghệ hỗ trợ Bộ Ngoại giao triển khai nền tảng số dùng chung trước ngày 30/9/2025.',
      'Bộ Tài chính bố trí kinh phí để thực hiện các nhiệm vụ nêu trên.',
      'Bình luận (0)',
      'Đọc nhiều nhất',
      'Giá vàng hôm nay tăng mạnh',
      'Thời tiết ngày mai: miền Bắc rét đậm',
      'Kết quả xổ số',
      'Tin thể thao',
    ]
    const r = extractDirective(lines.join('\n'), { issuedOn: '2025-03-20' })
    expect(rows(r.tasks)).toEqual(['1 | BNG | BCA | quarter 2025-09-30', '2 | BKHCN |  | date 2025-09-30', '3 | BTC |  | standing'])
    expect(r.unassigned.join(' ')).not.toMatch(/Giá vàng|Bình luận|Trang chủ/)
  })

  it('reads the labelled lines under an item of a plan as its lead, supports, deadline and output', () => {
    const text = [
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2025',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Cải cách thể chế',
      '1.1. Rà soát, đề xuất sửa đổi các quy định về thủ tục hành chính không còn phù hợp.',
      '- Cơ quan chủ trì: Bộ Tư pháp.',
      '- Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Nội vụ.',
      '- Thời gian hoàn thành: Quý II/2025.',
      '- Sản phẩm: Báo cáo rà soát.',
      '1.2. Kiểm tra công tác văn bản quy phạm pháp luật.',
      '- Đơn vị chủ trì: Bộ Tư pháp; đơn vị phối hợp: các bộ, ngành.',
      '- Thời gian thực hiện: Thường xuyên.',
      '1.3. Công bố danh mục thủ tục hành chính nội bộ.',
      'Cơ quan chủ trì: Văn phòng Chính phủ; thời hạn: tháng 3/2025.',
    ].join('\n')
    const r = extractDirective(text, { issuedOn: '2025-01-15' })
    expect(rows(r.tasks)).toEqual([
      'II.1.1 | BTP | VPCP,BNV | quarter 2025-06-30',
      'II.1.2 | BTP | G-BO-NGANH | standing',
      'II.1.3 | VPCP |  | month 2025-03-31',
    ])
    expect(r.tasks[0].output).toBe('Báo cáo rà soát')
  })

  it('a paragraph introducing the items ("Đề nghị tỉnh … các nhiệm vụ sau:") gives them its addressee and is no task', () => {
    const text = [
      'THÔNG BÁO',
      'Kết luận của Thủ tướng Chính phủ tại buổi làm việc với lãnh đạo tỉnh Thanh Hóa',
      'II. NHIỆM VỤ THỜI GIAN TỚI',
      'Đề nghị tỉnh Thanh Hóa tập trung thực hiện các nhiệm vụ sau:',
      '1. Đẩy nhanh tiến độ giải ngân vốn đầu tư công.',
      '2. Hoàn thành sắp xếp đơn vị hành chính cấp xã trước ngày 30/6.',
    ].join('\n\n')
    expect(rows(extractDirective(text, { issuedOn: '2025-03-18' }).tasks)).toEqual(['II.1 | THANH-HOA |  | standing', 'II.2 | THANH-HOA |  | date 2025-06-30'])
  })

  it('reads fields written in the item itself: in brackets at its end, or as trailing sentences', () => {
    const text = [
      'KẾ HOẠCH',
      'Thực hiện Nghị quyết số 12/NQ-CP',
      'II. NHIỆM VỤ CỤ THỂ',
      '1. Xây dựng Nghị định quy định về văn thư điện tử (cơ quan chủ trì: Bộ Nội vụ; cơ quan phối hợp: Văn phòng Chính phủ; thời gian hoàn thành: Quý III/2025).',
      '2. Rà soát thủ tục hành chính nội bộ (Bộ Tư pháp chủ trì, phối hợp với các bộ, ngành; hoàn thành trong tháng 9/2025).',
      '3. Nâng cấp Cổng Dịch vụ công quốc gia. Cơ quan chủ trì: Văn phòng Chính phủ. Thời hạn: năm 2025.',
      '4. Bộ Công an hoàn thiện Cơ sở dữ liệu quốc gia về dân cư (giai đoạn 2).',
    ].join('\n\n')
    const r = extractDirective(text, { issuedOn: '2025-05-01' })
    expect(rows(r.tasks)).toEqual([
      'II.1 | BNV | VPCP | quarter 2025-09-30',
      'II.2 | BTP | G-BO-NGANH | month 2025-09-30',
      'II.3 | VPCP |  | year 2025-12-31',
      'II.4 | BCA |  | standing',
    ])
    expect(r.tasks.map((t) => t.content)).toEqual([
      'Xây dựng Nghị định quy định về văn thư điện tử.',
      'Rà soát thủ tục hành chính nội bộ.',
      'Nâng cấp Cổng Dịch vụ công quốc gia.',
      'Bộ Công an hoàn thiện Cơ sở dữ liệu quốc gia về dân cư (giai đoạn 2).',
    ])
  })
})
