// Text folding for accent- and case-insensitive search over Vietnamese names, and escaping for SQL LIKE.

// Đ is a letter of its own in Unicode, not D with a combining mark, so NFD leaves it alone. Ð (Icelandic eth)
// is folded too because old TCVN3/VNI conversions put it where Đ belongs.
const D_WITH_STROKE = /[đð]/g
const COMBINING_MARKS = /\p{M}/gu
// Text pasted from Word or web pages carries invisible characters that would split a word in two.
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
const WHITESPACE = /\s+/g

/** 'ĐẮK  LẮK' → 'dak lak': lower-case, no diacritics, single spaces, trimmed. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(COMBINING_MARKS, '')
    .replace(D_WITH_STROKE, 'd')
    .replace(ZERO_WIDTH, '')
    .replace(WHITESPACE, ' ')
    .trim()
}

/** Escapes %, _ and \ so user input matches literally in `LIKE ? ESCAPE '\'`. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, '\\$&')
}
