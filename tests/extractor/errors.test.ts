// Texts that are not directives are refused with an ExtractionError and a Vietnamese message.
import { extractDirective, ExtractionError } from '~/extractor'

function refusal(text: string): ExtractionError {
  try {
    extractDirective(text)
  } catch (e) {
    if (e instanceof ExtractionError) return e
    throw e
  }
  throw new Error('expected an ExtractionError')
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['blank', ' \n\t\n  '],
  ])('%s text', (_, text) => {
    const e = refusal(text)
    expect(e.code).toBe('empty')
    expect(e.message).toMatch(VIETNAMESE)
  })

  it('binary garbage', () => {
    let garbage = ''
    for (let i = 0; i < 4000; i++) garbage += String.fromCharCode((i * 7919) % 256)
    expect(refusal(garbage).code).toBe('binary')
    expect(refusal('PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml').code).toBe('binary')
    expect(refusal('Văn bản \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD hỏng').code).toBe('binary')
  })

  it('English text', () => {
    const e = refusal('1. The Ministry of Finance shall submit the draft decree by June 2024.\n2. The Government Office shall monitor the implementation and report monthly to the Prime Minister.')
    expect(e.code).toBe('not-vietnamese')
    expect(e.message).toMatch(VIETNAMESE)
  })

  it('Vietnamese that assigns nothing', () => {
    const e = refusal('Mùa thu năm ấy, lá vàng rơi đầy sân trường. Chúng tôi ngồi bên nhau kể chuyện ngày xưa, nghe tiếng ve cuối mùa và nhìn những cánh chim bay về phương nam.')
    expect(e.code).toBe('no-tasks')
    expect(e.message).toMatch(/Không tìm thấy nhiệm vụ/)
  })

  it('a report that only reports', () => {
    expect(refusal('BÁO CÁO\nKết quả công tác năm 2023\n\n1. Kết quả đạt được\n\nCác bộ, ngành đã ban hành 120 văn bản.\n\n2. Tồn tại, hạn chế\n\nMột số địa phương còn chậm.').code).toBe('no-tasks')
  })

  it('an issue date that is not a date is a programming error, not a bad document', () => {
    expect(() => extractDirective('Bộ Nội vụ khẩn trương hoàn thiện.', { issuedOn: '2024-02-30' })).toThrow(RangeError)
  })
})

describe('a Vietnamese text typed without diacritics still reads', () => {
  it('is not refused as a foreign language', () => {
    const r = extractDirective('Thu tuong Chinh phu yeu cau:\n\n1. Bo Noi vu khan truong hoan thien du thao Nghi dinh, hoan thanh trong thang 6 nam 2024.')
    expect(r.tasks[0]).toMatchObject({ ref: '1', leads: [{ code: 'BNV' }], deadline: { kind: 'month', dueOn: '2024-06-30' } })
  })
})
