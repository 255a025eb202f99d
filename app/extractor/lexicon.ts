// Word lists of directive language: the verbs that start a duty, the words that head an agency's name, and the
// set phrases of openings and closings. Folded, as the tokeniser yields them.
import type { Token } from './fold'

// Verbs and adverbs that open the duty after an addressee ("Bộ Tài chính khẩn trương trình …").
const DUTY_WORDS = [
  'tiep tuc', 'khan truong', 'chu tri', 'phoi hop', 'chu dong', 'tap trung', 'thuc hien', 'trien khai', 'tang cuong',
  'day manh', 'day nhanh', 'trinh', 'ban hanh', 'xay dung', 'ra soat', 'chi dao', 'huong dan', 'nghien cuu', 'to chuc',
  'bao dam', 'dam bao', 'bo tri', 'can', 'phai', 'co trach nhiem', 'chiu trach nhiem', 'theo doi', 'don doc', 'kiem tra',
  'bao cao', 'hoan thanh', 'hoan thien', 'som', 'quyet liet', 'nghiem tuc', 'kip thoi', 'thuong xuyen', 'can cu', 'giup',
  'tham muu', 'de xuat', 'nang cao', 'uu tien', 'dinh ky', 'hang thang', 'hang quy', 'hang nam', 'chu trong', 'quan tam',
  'phan dau', 'cung co', 'kien toan', 'sap xep', 'danh', 'tang', 'thuc thi', 'cap nhat', 'chuan hoa', 'cat giam', 'don gian hoa',
  'so hoa', 'ket noi', 'chia se', 'cong khai', 'cong bo', 'tham dinh', 'xu ly', 'giai quyet', 'tuyen truyen', 'khac phuc',
  'doi moi', 'sua doi', 'bo sung', 'nang cap', 'dau tu', 'phat huy', 'khong', 'dua', 'lam',
  'tiep nhan', 'chap hanh', 'quan ly', 'chuan bi', 'lap', 'de nghi', 'yeu cau', 'nhanh chong', 'kien quyet', 'cham dut',
  'tich cuc', 'linh hoat', 'danh gia', 'tong hop', 'giam sat', 'bao ve', 'ho tro', 'khai thac', 'mo rong', 'ung dung',
  'trang bi', 'phan cong', 'giao', 'thong bao',
]
// Tense words that follow a subject: they end an agency's name but are no duty ("Bộ Công an đã cấp …").
const AUXILIARIES = new Set(['da', 'dang', 'se', 'duoc', 'chua', 'van'])

const HEAD_WORDS = [
  'bo', 'so', 'ubnd', 'uy ban', 'ban', 'van phong', 'cac thanh vien', 'thanh vien', 'chu tich', 'giam doc', 'thu truong',
  'truong ban', 'trung tam', 'cuc', 'tong cuc', 'vu', 'dai', 'bao', 'cong thong tin', 'cong an', 'kho bac', 'thanh tra',
  'vien', 'truong', 'dai hoc', 'hoi', 'lien doan', 'tap doan', 'tong cong ty', 'ngan hang', 'bao hiem xa hoi', 'hdnd',
  'hoi dong', 'to cong tac', 'cac bo', 'cac so', 'cac co quan', 'cac don vi', 'cac tinh', 'cac huyen', 'cac dia phuong',
  'ubmttq', 'mat tran', 'doan', 'bo chi huy', 'bo tu lenh', 'phong', 'cac thanh pho', 'cac xa', 'ubnd cac',
]

// Words that begin like an agency's name but are not one: "Báo cáo", "Ban hành", "Trường hợp", "Bộ phận" …
const NOT_HEADS = [
  'bao cao', 'ban hanh', 'truong hop', 'hoi nghi', 'phong chong', 'phong ngua', 'vu viec', 'bo sung', 'bo tri', 'bo chi so',
  'bo phan', 'so hoa', 'so lieu', 'hoi dap', 'dai dien', 'vien chuc', 'bao dam', 'bao ve', 'doan ket', 'vu khi',
  'cuc bo', 'so luong',
]

function index(phrases: string[]): Map<string, string[][]> {
  const map = new Map<string, string[][]>()
  for (const p of phrases) {
    const w = p.split(' ')
    const list = map.get(w[0]) ?? []
    list.push(w)
    list.sort((a, b) => b.length - a.length)
    map.set(w[0], list)
  }
  return map
}

const DUTY = index(DUTY_WORDS)
const HEADS = index(HEAD_WORDS)
const NOT_HEAD = index(NOT_HEADS)

function lengthAt(map: Map<string, string[][]>, tokens: Token[], i: number): number {
  const list = i < tokens.length ? map.get(tokens[i].text) : undefined
  if (list === undefined) return 0
  for (const w of list) {
    let k = 0
    while (k < w.length && i + k < tokens.length && tokens[i + k].text === w[k]) k++
    if (k === w.length) return k
  }
  return 0
}

/** Number of words of the duty verb at i, 0 when none. */
export function dutyWordAt(tokens: Token[], i: number): number {
  // "Ban Chỉ đạo" is a body, not the verb "chỉ đạo".
  if (tokens[i - 1]?.text === 'ban' && tokens[i]?.text === 'chi') return 0
  return lengthAt(DUTY, tokens, i)
}

/** Number of words that end an agency's name at i: a duty verb or a tense word ("đã", "đang", "sẽ"). */
export function nameEndAt(tokens: Token[], i: number): number {
  return dutyWordAt(tokens, i) || (i < tokens.length && AUXILIARIES.has(tokens[i].text) ? 1 : 0)
}

/** True when an agency's name may start at i, by its first word: 'Bộ …', 'Cục …', 'Chủ tịch UBND …'. */
export function headWordAt(tokens: Token[], i: number): boolean {
  return lengthAt(HEADS, tokens, i) > 0 && lengthAt(NOT_HEAD, tokens, i) === 0
}

/** Words that a sentence may start with before its addressee: "Yêu cầu …", "Giao …", "Đề nghị …". */
export function addresseePrefixAt(tokens: Token[], i: number): number {
  for (const p of [['yeu', 'cau'], ['de', 'nghi'], ['giao', 'cho'], ['giao'], ['doi', 'voi']]) {
    let k = 0
    while (k < p.length && i + k < tokens.length && tokens[i + k].text === p[k]) k++
    if (k === p.length) return k
  }
  return 0
}

/** An addressee that names nobody in particular: "các cơ quan, đơn vị có liên quan". */
export function isVague(foldedName: string): boolean {
  if (/\blien quan\b/.test(foldedName)) return true
  const rest = foldedName.replace(/\b(cac|va|cap|co|quan|don|vi|to|chuc|dia|phuong|nganh|,)\b|,/g, '').trim()
  return rest === ''
}

// A leader's request that turns the words after it into tasks: "Thủ tướng yêu cầu, …", "Chủ tịch UBND tỉnh đề
// nghị các Sở …", "Thủ tướng Chính phủ chỉ đạo các bộ …". "Thủ tướng đã ban hành … chỉ đạo" reports, not asks.
const LEADER_ASK = /\b(thu tuong|pho thu tuong|chu tich|bo truong|uy ban nhan dan|ubnd|ban chi dao|giam doc)\b([^.;:]{0,30}?)\b(yeu cau|de nghi|ket luan|(?:chi dao|giao(?: cho)?)(?=\s*:|\s+(?:cac|bo|so|ubnd|uy ban|van phong|ngan hang|thanh tra|cong an)\b))\b\s*[,:]?\s*/

/** Where the request is (leader's name) and where the requested duty starts, in a folded paragraph. */
export function leaderAsk(folded: string): { start: number; dutyStart: number } | null {
  const m = LEADER_ASK.exec(folded)
  // "nhiệm vụ được Thủ tướng giao các bộ": a past request, reported.
  if (m === null || /\b(da|dang|duoc|luon)\b/.test(m[2]) || /\b(duoc|da|nhiem vu|theo)\s*$/.test(folded.slice(Math.max(0, m.index - 12), m.index))) return null
  return { start: m.index, dutyStart: m.index + m[0].length }
}
