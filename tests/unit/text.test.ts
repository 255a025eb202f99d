// Unit tests for Vietnamese text folding and SQL LIKE escaping.
import { describe, expect, it } from 'vitest'
import { escapeLike, foldVietnamese } from '~/domain/text'

describe('foldVietnamese', () => {
  it('lower-cases and strips diacritics', () => {
    expect(foldVietnamese('Bộ Nội vụ')).toBe('bo noi vu')
    expect(foldVietnamese('ĐẮK LẮK')).toBe('dak lak')
    expect(foldVietnamese('Ủy ban nhân dân tỉnh Nghệ An')).toBe('uy ban nhan dan tinh nghe an')
    expect(foldVietnamese('Bộ Kế hoạch và Đầu tư')).toBe('bo ke hoach va dau tu')
    expect(foldVietnamese('Thông tin và Truyền thông')).toBe('thong tin va truyen thong')
    expect(foldVietnamese('Thừa Thiên Huế')).toBe('thua thien hue')
  })

  it('folds every vowel with every tone', () => {
    expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ')).toBe('aaaaa aaaaaa aaaaaa')
    expect(foldVietnamese('èéẻẽẹ êềếểễệ')).toBe('eeeee eeeeee')
    expect(foldVietnamese('ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ')).toBe('iiiii ooooo oooooo oooooo')
    expect(foldVietnamese('ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe('uuuuu uuuuuu yyyyy')
    expect(foldVietnamese('ÀÁẢÃẠ ƯỪỨỬỮỰ ỲÝỶỸỴ')).toBe('aaaaa uuuuuu yyyyy')
  })

  it('maps đ and Đ to d', () => {
    expect(foldVietnamese('đ')).toBe('d')
    expect(foldVietnamese('Đ')).toBe('d')
    expect(foldVietnamese('Đài Phát thanh - Truyền hình')).toBe('dai phat thanh - truyen hinh')
  })

  it('maps the eth that old encodings put for Đ to d', () => {
    expect(foldVietnamese('Ðà Nẵng')).toBe('da nang')
  })

  it('gives the same result for composed and decomposed input', () => {
    const composed = 'Quảng Ngãi'.normalize('NFC')
    const decomposed = 'Quảng Ngãi'.normalize('NFD')
    expect(composed).not.toBe(decomposed)
    expect(foldVietnamese(composed)).toBe('quang ngai')
    expect(foldVietnamese(decomposed)).toBe('quang ngai')
  })

  it('collapses whitespace and trims', () => {
    expect(foldVietnamese('  Bộ   Công\tan\n')).toBe('bo cong an')
    expect(foldVietnamese('Bộ\u00A0Tư\u00A0pháp')).toBe('bo tu phap')
    expect(foldVietnamese('   ')).toBe('')
    expect(foldVietnamese('')).toBe('')
  })

  it('removes zero-width characters pasted from documents', () => {
    expect(foldVietnamese('\uFEFFVăn\u200B phòng')).toBe('van phong')
  })

  it('keeps digits and punctuation', () => {
    expect(foldVietnamese('44/TB-VPCP')).toBe('44/tb-vpcp')
    expect(foldVietnamese('KH&ĐT')).toBe('kh&dt')
    expect(foldVietnamese('TT&TT, 90%')).toBe('tt&tt, 90%')
  })

  it('is idempotent', () => {
    const once = foldVietnamese('  Sở Lao động - Thương binh và Xã hội ')
    expect(foldVietnamese(once)).toBe(once)
    expect(once).toBe('so lao dong - thuong binh va xa hoi')
  })
})

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('100%')).toBe('100\\%')
    expect(escapeLike('a_b')).toBe('a\\_b')
    expect(escapeLike('a\\b')).toBe('a\\\\b')
    expect(escapeLike('%_\\')).toBe('\\%\\_\\\\')
  })

  it('leaves other text alone', () => {
    expect(escapeLike('bo noi vu')).toBe('bo noi vu')
    expect(escapeLike("O'Brien [x] *")).toBe("O'Brien [x] *")
    expect(escapeLike('')).toBe('')
  })

  it('escapes every occurrence', () => {
    expect(escapeLike('50%_50%')).toBe('50\\%\\_50\\%')
  })
})
