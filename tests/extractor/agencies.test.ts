// Resolving agencies: the dictionary built from the reference data, abbreviations, longest match, groups, lists,
// co-leads, "chủ trì, phối hợp với", named lists, documents of other provinces.
import { agenciesInCell, openingAddressee, supportsIn, tokenized, type Resolver } from '~/extractor/addressees'
import { buildDictionary, matchAgencyAt, referenceDictionary } from '~/extractor/dictionary'
import { tokenize } from '~/extractor/fold'
import type { AgencyRef } from '~/extractor'

const central: Resolver = { dict: referenceDictionary(), scope: null }
const ngheAn: Resolver = { dict: referenceDictionary(), scope: 'NGHE-AN' }
const bacKan: Resolver = { dict: referenceDictionary(), scope: 'BAC-KAN' }

function codeOf(name: string, r: Resolver = central): string | null | undefined {
  const tokens = tokenize(name)
  const m = matchAgencyAt(r.dict, tokens, 0, r.scope)
  return m === null ? undefined : m.end === tokens.length ? m.code : `partial:${m.code}`
}

function leads(text: string, r: Resolver = central): AgencyRef[] | undefined {
  return openingAddressee(tokenized(text), r)?.refs
}

const codes = (refs: AgencyRef[] | undefined) => refs?.map((a) => a.code ?? `?${a.name}`)

describe('the dictionary', () => {
  it('indexes names, short names and aliases of agencies and groups', () => {
    const d = buildDictionary()
    expect(d.agencies.get('BNV')).toMatchObject({ name: 'Bộ Nội vụ', kind: 'ministry', scope: null })
    expect(d.agencies.get('NA-SNV')).toMatchObject({ scope: 'NGHE-AN' })
    expect(d.agencies.get('NA-CONG')).toMatchObject({ scope: 'NGHE-AN' })
    expect(d.agencies.get('G-NA-HUYEN')).toMatchObject({ kind: 'group', scope: 'NGHE-AN' })
    expect(d.districtGroupOf.get('NGHE-AN')).toBe('G-NA-HUYEN')
  })

  it.each([
    ['VPCP', 'VPCP'],
    ['Văn phòng Chính phủ', 'VPCP'],
    ['BNV', 'BNV'],
    ['BCA', 'BCA'],
    ['Bộ TT&TT', 'BTTTT'],
    ['Bộ TTTT', 'BTTTT'],
    ['Bộ Thông tin và Truyền thông', 'BTTTT'],
    ['Bộ KH&ĐT', 'BKHDT'],
    ['Bộ KHĐT', 'BKHDT'],
    ['BKH&ĐT', 'BKHDT'],
    ['NHNN', 'NHNN'],
    ['Ngân hàng nhà nước Việt Nam', 'NHNN'],
    ['UBND tỉnh Nghệ An', 'NGHE-AN'],
    ['Ủy ban nhân dân tỉnh Nghệ An', 'NGHE-AN'],
    ['Uỷ ban nhân dân tỉnh Nghệ An', 'NGHE-AN'],
    ['UBND các tỉnh, thành phố trực thuộc TW', 'G-TINH'],
    ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', 'G-TINH'],
    ['TP. Hồ Chí Minh', 'HO-CHI-MINH'],
    ['TP.HCM', 'HO-CHI-MINH'],
    ['Đài PT- TH tỉnh', 'NA-DPTTH'],
    ['Đài Phát thanh - Truyền hình tỉnh', 'NA-DPTTH'],
    ['ĐẮK LẮK', 'DAK-LAK'],
    ['Sở Lao động TBXH', 'NA-SLDTBXH'],
  ])('%s → %s', (name, code) => {
    expect(codeOf(name)).toBe(code)
  })

  it('lets the longest name win', () => {
    expect(codeOf('Đại học Bách khoa Hà Nội')).toBe('DHBKHN')
    expect(codeOf('Bộ Kế hoạch và Đầu tư')).toBe('BKHDT')
    expect(codeOf('các bộ, ngành Trung ương')).toBe('G-BO-NGANH')
    expect(codeOf('Văn phòng UBND tỉnh')).toBe('NA-VP')
  })

  it('reads a department of another province as unknown, and "các địa phương" of a province as its districts', () => {
    expect(codeOf('Sở Nội vụ', ngheAn)).toBe('NA-SNV')
    expect(codeOf('Sở Nội vụ', bacKan)).toBeNull()
    expect(codeOf('Sở Nội vụ', central)).toBe('NA-SNV')
    expect(codeOf('các địa phương', central)).toBe('G-TINH')
    expect(codeOf('các địa phương', ngheAn)).toBe('G-NA-HUYEN')
  })
})

describe('addressees', () => {
  it('an addressee heading a section', () => {
    expect(openingAddressee(tokenized('Bộ Thông tin và Truyền thông:'), central)).toMatchObject({ refs: [{ name: 'Bộ Thông tin và Truyền thông', code: 'BTTTT' }], headingOnly: true })
    expect(openingAddressee(tokenized('Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh'), ngheAn)).toMatchObject({
      refs: [{ code: 'NA-SNV' }],
      supports: [{ name: 'Văn phòng UBND tỉnh', code: 'NA-VP' }],
      headingOnly: true,
    })
  })

  it('an addressee opening a sentence, with a duty after it', () => {
    expect(codes(leads('UBND các tỉnh, thành phố trực thuộc Trung ương trình HĐND ban hành các chính sách'))).toEqual(['G-TINH'])
    expect(codes(leads('Bộ TTTT khẩn trương hoàn thiện Đề án'))).toEqual(['BTTTT'])
    expect(codes(leads('Bộ Tư pháp: Phối hợp chặt chẽ với các bộ, cơ quan'))).toEqual(['BTP'])
    expect(openingAddressee(tokenized('Bộ Tài chính khẩn trương trình'), central)?.headingOnly).toBe(false)
  })

  it('after a leading time phrase and its comma', () => {
    expect(codes(leads('Trong tháng 01/2024, Sở Tài chính chủ trì, phối hợp Sở KHĐT tham mưu', ngheAn))).toEqual(['NA-STC'])
    expect(codes(leads('Trước ngày 15/12/2024, Sở Tư pháp hoàn thành rà soát', ngheAn))).toEqual(['NA-STP'])
    expect(codes(leads('Định kỳ hằng quý, các Sở, ban, ngành cấp tỉnh báo cáo kết quả', ngheAn))).toEqual(['G-NA-SO-NGANH'])
    expect(codes(leads('Từ nay đến cuối năm 2024, Bộ Nội vụ tập trung hoàn thiện'))).toEqual(['BNV'])
    expect(codes(leads('Chậm nhất ngày 31/5/2024, giao Bộ Công an hoàn thành'))).toEqual(['BCA'])
    // Not a time phrase: the words before the comma give no deadline.
    expect(leads('Trong quá trình thực hiện, Bộ Tài chính hướng dẫn')).toBeUndefined()
  })

  it('after "Yêu cầu", "Đề nghị", "Giao"', () => {
    expect(codes(leads('Giao Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra', ngheAn))).toEqual(['NA-VP'])
    expect(codes(leads('Đề nghị Bộ Công an chủ trì hướng dẫn'))).toEqual(['BCA'])
  })

  it('a group stays one entry, with its code', () => {
    expect(leads('Giám đốc các Sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch UBND các huyện, thị xã, thành phố', ngheAn)).toEqual([
      { name: 'Giám đốc các Sở, Thủ trưởng các ban, ngành cấp tỉnh', code: 'G-NA-SO-NGANH' },
      { name: 'Chủ tịch UBND các huyện, thị xã, thành phố', code: 'G-NA-HUYEN' },
    ])
  })

  it('"các" carries over the list: "Các bộ, ngành, địa phương" is the ministries and the provinces', () => {
    expect(leads('Các bộ, ngành, địa phương')).toEqual([
      { name: 'Các bộ, ngành', code: 'G-BO-NGANH' },
      { name: 'địa phương', code: 'G-TINH' },
    ])
    expect(codes(leads('Yêu cầu các các bộ, ngành, địa phương phân đấu một số chỉ tiêu'))).toEqual(['G-BO-NGANH', 'G-TINH'])
    expect(codes(leads('Các Sở, ban, ngành, địa phương triển khai', ngheAn))).toEqual(['G-NA-SO-NGANH', 'G-NA-HUYEN'])
  })

  it('"các Bộ: X, Y" names each ministry', () => {
    expect(codes(agenciesInCell('Bộ trưởng các Bộ: Tài chính, Kế hoạch và Đầu tư, Xây dựng', central))).toEqual(['BTC', 'BKHDT', 'BXD'])
  })

  it('"UBND các huyện: X, Y" and "UBND các tỉnh: X, Y" name each member only', () => {
    expect(codes(leads('UBND các huyện: Kỳ Sơn, Tương Dương, Quế Phong tăng cường hỗ trợ người dân', ngheAn))).toEqual(['NA-H-KY-SON', 'NA-H-TUONG-DUONG', 'NA-H-QUE-PHONG'])
    expect(codes(leads('Ủy ban nhân dân các tỉnh: Nghệ An, Hà Tĩnh, Thanh Hóa chủ động trữ nước'))).toEqual(['NGHE-AN', 'HA-TINH', 'THANH-HOA'])
  })

  it('co-leads before "chủ trì", supports after "phối hợp"', () => {
    const o = openingAddressee(tokenized('Bộ Tài chính, Bộ Kế hoạch và Đầu tư chủ trì, phối hợp Bộ Thông tin và Truyền thông, Bộ Công an báo cáo Chính phủ'), central)
    expect(codes(o?.refs)).toEqual(['BTC', 'BKHDT'])
    expect(codes(o?.supports)).toEqual(['BTTTT', 'BCA'])
  })

  it('supports after "phối hợp với" end at the verb; unnamed partners are left out', () => {
    const t = 'Chủ trì, phối hợp với Văn phòng Chính phủ, Bộ Thông tin và Truyền thông, Bộ Tư pháp đôn đốc, hướng dẫn các bộ, ngành, địa phương'
    expect(codes(supportsIn(tokenized(t), central))).toEqual(['VPCP', 'BTTTT', 'BTP'])
    expect(codes(supportsIn(tokenized('chủ trì, phối hợp với Văn phòng Chính phủ và các cơ quan, tổ chức có liên quan nghiên cứu'), central))).toEqual(['VPCP'])
    expect(supportsIn(tokenized('Phối hợp chặt chẽ với các bộ, cơ quan tập trung rà soát'), central)).toEqual([])
    expect(supportsIn(tokenized('Thực hiện nghiêm công tác phối hợp giữa các cơ quan, đơn vị'), central)).toEqual([])
    expect(supportsIn(tokenized('phối hợp với Cục Hải quan, Bộ Tài chính xây dựng'), central)).toEqual([
      { name: 'Cục Hải quan', code: null },
      { name: 'Bộ Tài chính', code: 'BTC' },
    ])
  })

  it('a named list assigns the named members only', () => {
    const t = 'Yêu cầu các thành phố lớn như: Hà Nội, thành phố Hồ Chí Minh, Hải Phòng, Cần Thơ, Đà Nẵng; các tỉnh như: Quảng Ninh, Thanh Hóa, Nghệ An, Đắk Lắk, Khánh Hòa, Lâm Đồng, Đồng Tháp, Hậu Giang... cần phải đi đầu'
    expect(codes(leads(t))).toEqual(['HA-NOI', 'HO-CHI-MINH', 'HAI-PHONG', 'CAN-THO', 'DA-NANG', 'QUANG-NINH', 'THANH-HOA', 'NGHE-AN', 'DAK-LAK', 'KHANH-HOA', 'LAM-DONG', 'DONG-THAP', 'HAU-GIANG'])
  })

  it('keeps an unknown addressee by its words, with no code', () => {
    expect(leads('Các thành viên của Ban Chỉ đạo, Chủ tịch Ủy ban nhân dân các cấp tiếp tục tham mưu')).toEqual([
      { name: 'Các thành viên của Ban Chỉ đạo', code: null },
      { name: 'Chủ tịch Ủy ban nhân dân các cấp', code: null },
    ])
    expect(leads('Sở Nội vụ chủ trì tổng hợp', bacKan)).toEqual([{ name: 'Sở Nội vụ', code: null }])
  })

  it('treats "các cơ quan, đơn vị có liên quan" as naming nobody', () => {
    expect(openingAddressee(tokenized('Các cơ quan, đơn vị và địa phương có liên quan tập trung xử lý dứt điểm'), central)).toMatchObject({ vague: true, refs: [] })
  })

  it('does not take a verb or a noun phrase for an agency', () => {
    expect(leads('Báo cáo kết quả thực hiện')).toBeUndefined()
    expect(leads('Ban hành quy chế phối hợp')).toBeUndefined()
    expect(leads('Chỉ đạo các cơ quan báo chí, truyền thông tăng thời lượng')).toBeUndefined()
  })

  it('reads table cells: known names, unknown names, separators', () => {
    expect(agenciesInCell('Sở Nội vụ; Sở Tài chính và các cơ quan liên quan', ngheAn)).toEqual([
      { name: 'Sở Nội vụ', code: 'NA-SNV' },
      { name: 'Sở Tài chính', code: 'NA-STC' },
    ])
    expect(agenciesInCell('Bộ KH&ĐT, Cục Thống kê', central)).toEqual([
      { name: 'Bộ KH&ĐT', code: 'BKHDT' },
      { name: 'Cục Thống kê', code: null },
    ])
    expect(agenciesInCell('UBND các huyện, thành phố', bacKan)).toEqual([{ name: 'UBND các huyện, thành phố', code: null }])
  })

  it('leaves out "các bộ, ngành liên quan": a group narrowed to its relevant members names nobody', () => {
    expect(supportsIn(tokenized('Bộ Tài chính chủ trì, phối hợp với các bộ, ngành liên quan hướng dẫn'), central)).toEqual([])
    expect(supportsIn(tokenized('phối hợp với Bộ Tư pháp, các bộ, ngành có liên quan xây dựng'), central)).toEqual([{ name: 'Bộ Tư pháp', code: 'BTP' }])
    expect(openingAddressee(tokenized('Các bộ, ngành liên quan chủ động phối hợp'), central)?.vague).toBe(true)
  })

  it('reads "UBND tỉnh" without its name as the province of the document', () => {
    expect(codes(leads('UBND tinh chi dao cac so', ngheAn))).toEqual(['NGHE-AN'])
    expect(codes(leads('Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo', ngheAn))).toEqual(['NGHE-AN'])
    expect(leads('UBND tỉnh chỉ đạo các sở', central)?.[0]?.code ?? null).toBeNull()
  })

  it('reads a branch of a known agency as unknown, not as the agency', () => {
    expect(agenciesInCell('Ngân hàng Nhà nước chi nhánh tỉnh; Bộ Tài chính', central)).toEqual([
      { name: 'Ngân hàng Nhà nước chi nhánh tỉnh', code: null },
      { name: 'Bộ Tài chính', code: 'BTC' },
    ])
    expect(supportsIn(tokenized('phối hợp với Ngân hàng Nhà nước chi nhánh tỉnh Thanh Hóa và Bộ Tài chính triển khai'), central)).toEqual([
      { name: 'Ngân hàng Nhà nước chi nhánh tỉnh Thanh Hóa', code: null },
      { name: 'Bộ Tài chính', code: 'BTC' },
    ])
  })
})

describe('assignments inside a sentence', () => {
  it('the requester opening the sentence hands the duty to the agency after "giao"', async () => {
    const { extractDirective } = await import('~/extractor')
    const r = extractDirective('Thủ tướng Chính phủ yêu cầu:\n\n1. Thủ tướng Chính phủ giao Bộ Tài chính chủ trì, phối hợp với Bộ Nội vụ xây dựng dự thảo Nghị định, hoàn thành trong tháng 6 năm 2024.')
    expect(r.tasks[0]).toMatchObject({ leads: [{ code: 'BTC' }], supports: [{ code: 'BNV' }], output: 'Dự thảo Nghị định' })
  })
})
