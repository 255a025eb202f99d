// .docx files built as Word writes them: automatic numbering, footnote references, tabs and breaks, and a plan
// whose "Phụ lục: Danh mục nhiệm vụ" table (shuffled columns, merged section rows, a two-level header, a lead
// merged down several rows) becomes tasks through the extractor.
import fs from 'node:fs'
import path from 'node:path'
import { extractDirective } from '~/extractor'
import { readUpload } from '~/intake/read-upload.server'
import { docx, p, table } from './ooxml'
import { taskRow } from '../support/task-rows'

describe('paragraphs', () => {
  it('renders Word numbering as labels, tabs and breaks, and drops footnote references and footnote text', async () => {
    const bytes = docx(
      [
        p('NHIỆM VỤ', { numId: 3 }),
        p('Bộ Nội vụ:', { numId: 1 }),
        p('Hoàn thiện dự thảo Nghị định^1', { numId: 1, ilvl: 1 }),
        p('Trình Chính phủ', { numId: 1, ilvl: 2 }),
        p('Tổng kết', { numId: 1, ilvl: 1 }),
        p('Bộ Tư pháp:', { numId: 1 }),
        p('Thẩm định', { numId: 1, ilvl: 1 }),
        p('Dòng một\nDòng hai'),
        p('GIẢI PHÁP', { numId: 3 }),
      ],
      { 'word/footnotes.xml': '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="1"><w:p><w:r><w:t>Chú thích không được đọc</w:t></w:r></w:p></w:footnote></w:footnotes>' },
    )
    const { text, source } = await readUpload('a.docx', bytes)
    expect(source).toBe('docx')
    expect(text.split('\n\n')).toEqual([
      'I. NHIỆM VỤ',
      '1. Bộ Nội vụ:',
      'a) Hoàn thiện dự thảo Nghị định',
      '- Trình Chính phủ',
      'b) Tổng kết',
      '2. Bộ Tư pháp:',
      'a) Thẩm định',
      'Dòng một\nDòng hai',
      'II. GIẢI PHÁP',
    ])
    expect(text).not.toMatch(/Chú thích/)
  })

  it('reads what Word writes around the text: split runs, bookmarks, revisions, fields, hyperlinks, content controls', async () => {
    const raw = [
      '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidR="00A1"><w:rPr><w:b/></w:rPr><w:t>Bộ Nội</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve"> vụ </w:t></w:r><w:bookmarkEnd w:id="0"/>',
      '<w:del w:id="1" w:author="A"><w:r><w:delText>chậm trễ </w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>khẩn trương </w:t></w:r></w:ins>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>hoàn thiện</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> dự thảo Nghị định</w:t></w:r></w:hyperlink><w:sdt><w:sdtPr><w:alias w:val="Hạn"/></w:sdtPr><w:sdtContent><w:r><w:t>, hoàn thành trong tháng 6 năm 2024.</w:t></w:r></w:sdtContent></w:sdt></w:p>',
    ].join('')
    const { text } = await readUpload('a.docx', docx([raw]))
    expect(text).toBe('Bộ Nội vụ khẩn trương hoàn thiện dự thảo Nghị định, hoàn thành trong tháng 6 năm 2024.')
  })

  it('keeps a tab in the header block (two columns) and makes it a space in the body', async () => {
    const body = Array.from({ length: 35 }, (_, i) => p(`Đoạn ${i + 1}.`))
    const { text } = await readUpload('a.docx', docx([p('Số: 12/CT-UBND\tNghệ An, ngày 5 tháng 1 năm 2024'), p('1.\tSở Tài chính bố trí kinh phí.'), ...body, p('a)\tSở Nội vụ chủ trì.')]))
    const paragraphs = text.split('\n\n')
    expect(paragraphs[0]).toBe('Số: 12/CT-UBND\tNghệ An, ngày 5 tháng 1 năm 2024')
    expect(paragraphs[1]).toBe('1. Sở Tài chính bố trí kinh phí.')
    expect(paragraphs[paragraphs.length - 1]).toBe('a) Sở Nội vụ chủ trì.')
  })

  it('reads a layout table (the official header) as paragraphs, not as a task table', async () => {
    const { text } = await readUpload(
      'a.docx',
      docx([table([[{ paragraphs: ['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN'] }, { paragraphs: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] }], ['Số: 12/CT-UBND', 'Nghệ An, ngày 5 tháng 1 năm 2024']]), p('CHỈ THỊ')]),
    )
    expect(text).not.toMatch(/\t/)
    expect(text.split('\n\n').slice(0, 5)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/CT-UBND'])
  })
})

describe('a Kế hoạch with its task table in an appendix', () => {
  const plan = docx([
    table([[{ paragraphs: ['ỦY BAN NHÂN DÂN', 'TỈNH NGHỆ AN'] }, { paragraphs: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] }], ['Số: 45/KH-UBND', 'Nghệ An, ngày 10 tháng 01 năm 2024']]),
    p('KẾ HOẠCH'),
    p('Cải cách hành chính năm 2024'),
    p('MỤC ĐÍCH, YÊU CẦU', { numId: 3 }),
    p('Bảo đảm rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm^1.'),
    p('TỔ CHỨC THỰC HIỆN', { numId: 3 }),
    p('Sở Nội vụ chủ trì theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, báo cáo UBND tỉnh trước ngày 15/12/2024.', { numId: 1 }),
    p('TM. ỦY BAN NHÂN DÂN'),
    p('CHỦ TỊCH'),
    p('Nguyễn Đức Trung'),
    p('PHỤ LỤC'),
    p('DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024'),
    p('(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2024 của UBND tỉnh)'),
    table([
      [{ text: 'Nội dung nhiệm vụ', vMerge: 'restart' }, { text: 'STT', vMerge: 'restart' }, { text: 'Cơ quan thực hiện', span: 2 }, { text: 'Thời gian hoàn thành', vMerge: 'restart' }, { text: 'Sản phẩm', vMerge: 'restart' }],
      [{ vMerge: 'continue' }, { vMerge: 'continue' }, 'Chủ trì', 'Phối hợp', { vMerge: 'continue' }, { vMerge: 'continue' }],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [{ text: 'I. CẢI CÁCH THỂ CHẾ', span: 6 }],
      ['Rà soát văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành', '1', { text: 'Sở Tư pháp', vMerge: 'restart' }, 'Các sở, ban, ngành', 'Quý II/2024', 'Báo cáo kết quả rà soát'],
      [{ paragraphs: ['Kiểm tra công tác xây dựng văn bản', 'tại các huyện'] }, '2', { vMerge: 'continue' }, 'UBND các huyện, thành phố, thị xã', '30/9/2024', 'Báo cáo'],
      [{ text: 'II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH', span: 6 }],
      ['Công bố danh mục thủ tục hành chính nội bộ', '1', 'Văn phòng UBND tỉnh', 'Sở Tư pháp, Sở Nội vụ', 'Tháng 6/2024', 'Quyết định của Chủ tịch UBND tỉnh'],
      ['Báo cáo tình hình giải quyết thủ tục hành chính', '2', 'Văn phòng UBND tỉnh', '', 'Hằng quý', 'Báo cáo'],
      ['Duy trì hoạt động của Bộ phận Một cửa các cấp', '3', 'UBND các huyện, thành phố, thị xã', '', 'Thường xuyên', ''],
    ]),
  ])

  // The table's refs clash with the plan's own "II.1", so the extractor marks them as the table's.
  it('yields the table’s tasks with leads, supports and deadlines, and the plan’s own duty', async () => {
    const { text } = await readUpload('ke-hoach.docx', plan)
    const r = extractDirective(text)
    expect(r.directive).toMatchObject({ type: 'ke_hoach', number: '45/KH-UBND', issuer: 'Ủy ban nhân dân tỉnh Nghệ An', issuedOn: '2024-01-10', signer: 'Nguyễn Đức Trung' })
    expect(r.tasks.map(taskRow)).toEqual([
      'bảng.I.1 | NA-STP | G-NA-SO-NGANH | quarter 2024-06-30',
      'bảng.I.2 | NA-STP | G-NA-HUYEN | date 2024-09-30',
      'bảng.II.1 | NA-VP | NA-STP,NA-SNV | month 2024-06-30',
      'bảng.II.2 | NA-VP |  | recurring quarterly',
      'bảng.II.3 | G-NA-HUYEN |  | standing',
      'II.1 | NA-SNV |  | date 2024-12-15',
    ])
    expect(r.tasks[1].content).toBe('Kiểm tra công tác xây dựng văn bản tại các huyện')
    expect(r.tasks[0].output).toBe('Báo cáo kết quả rà soát')
    expect(r.unassigned).toEqual([])
  })
})

describe('the real directives saved as .docx', () => {
  it.each(['000_506597647e220cc6.txt', '002_1ca8dc2ac5247edc.txt'])('%s reads exactly as its .txt', async (name) => {
    const txt = fs.readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'directives', name), 'utf8')
    const word = docx(txt.split('\n').filter((l) => l.trim() !== '').map((l) => p(l)))
    const { text } = await readUpload(name.replace('.txt', '.docx'), word)
    const fromWord = extractDirective(text)
    expect(fromWord.tasks.length).toBeGreaterThan(25)
    expect(fromWord).toEqual(extractDirective(txt))
  })
})
