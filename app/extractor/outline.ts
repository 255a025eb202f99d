// Enumeration in Vietnamese legal style: 'I.' parts, '1.' sections, '1.1.' sub-sections, 'Điều 1.', 'a)' … 'đ)' …
// letters, '(1)' items, '-' and '+' bullets, read into a tree whose nodes carry refs such as '6.b.3' or '1.d(2)'.

export type MarkerKind = 'roman' | 'article' | 'number' | 'sub' | 'letter' | 'paren' | 'dash' | 'plus'

export interface Marker {
  kind: MarkerKind
  label: string
  /** The paragraph without its marker. */
  rest: string
}

const ROMAN_VALUE = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/
const MARKERS: Array<[MarkerKind, RegExp]> = [
  ['article', /^Điều\s+(\d{1,3})\s*[.:]\s*(.*)$/u],
  ['roman', /^([IVX]{1,5})\s*[.)]\s+(\S.*)$/u],
  // "I/ MỤC ĐÍCH", "II- NHIỆM VỤ", "1/ Sở Tư pháp", "2- Sở Y tế", "b. Rà soát": the looser styles of some offices,
  // taken only before a capital so that "1/2024" or "2 - 3 ngày" stay text.
  ['roman', /^([IVX]{1,5})\s*[/-]\s+(\p{Lu}.*)$/u],
  ['sub', /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u],
  ['number', /^(\d{1,2})\.(?!\d)\s*(\S.*)$/u],
  ['number', /^(\d{1,2})\s*[/-]\s+(\p{Lu}.*)$/u],
  ['letter', /^([a-zđ])\s*[)/]\s*(\S.*)$/u],
  ['letter', /^([a-zđ])\.\s+(\p{Lu}.*)$/u],
  ['paren', /^\((\d{1,2}|[a-zđ])\)\s*(\S.*)$/u],
  ['paren', /^(\d{1,2})\)\s*(\S.*)$/u],
  // "- + Nâng cao …": a plus bullet pasted with a stray dash in front.
  ['plus', /^(?:[-–]\s*)?\+\s*(\S.*)$/u],
  ['dash', /^[-–—•●▪◦*](?![-–—*])\s*(\S.*)$/u],
]

/** The enumeration marker a paragraph starts with, if any. */
export function markerOf(paragraph: string): Marker | null {
  const p = paragraph.trimStart()
  const first = p.charCodeAt(0)
  // Fast exit: markers start with a digit, a Roman numeral, a lower-case letter, '(', a bullet or 'Đ'.
  if (!(first < 0x80 || p[0] === 'đ' || p[0] === 'Đ' || p[0] === '–' || p[0] === '—' || p[0] === '•' || p[0] === '●' || p[0] === '▪' || p[0] === '◦')) return null
  for (const [kind, re] of MARKERS) {
    const m = re.exec(p)
    if (m === null) continue
    if (kind === 'roman' && !ROMAN_VALUE.test(m[1])) continue
    if (kind === 'plus' || kind === 'dash') return { kind, label: '', rest: m[1].trim() }
    // "a) a) Bộ Tài chính …": the marker typed twice is one marker.
    let rest = m[2].trim()
    for (let again = re.exec(rest); again !== null && again[1] === m[1]; again = re.exec(rest)) rest = again[2].trim()
    return { kind, label: m[1], rest }
  }
  return null
}

export interface OutlineNode {
  kind: MarkerKind | 'root'
  ref: string
  /** The paragraph's words after the marker. */
  text: string
  /** Unmarked paragraphs that follow it before the next marker. */
  body: string[]
  children: OutlineNode[]
  parent: OutlineNode | null
}

export interface Outline {
  root: OutlineNode
  /** Closing paragraphs (the duties that apply to every addressee, the monitoring office, boilerplate). */
  closing: string[]
}

const STRUCTURAL = new Set<OutlineNode['kind']>(['number', 'sub', 'letter'])
const BULLETS = new Set<OutlineNode['kind']>(['dash', 'plus', 'paren'])

function refLabel(parent: OutlineNode, kind: MarkerKind, label: string): string {
  if (kind === 'dash' || kind === 'plus') return String(parent.children.filter((c) => c.kind === kind).length + 1)
  if (kind === 'sub') {
    const parts = label.split('.')
    return parent.kind === 'number' && parent.ref.endsWith(parts[0]) ? parts[parts.length - 1] : label
  }
  // The same letter twice in a row of siblings is a typing slip in the source; the second is 'd(2)'.
  const same = parent.children.filter((c) => c.kind === kind && c.ref.split('.').pop()?.replace(/\(\d+\)$/, '') === label).length
  return same > 0 ? `${label}(${same + 1})` : label
}

/**
 * Builds the tree. Levels are not fixed: the first time a kind of marker appears it opens a level below the
 * current one, and when it appears again the list returns to that level. So '- … (1) … (2) … - …' nests the
 * numbers under the dash, and a dash list may sit under letters or directly under numbers.
 */
export function buildOutline(paragraphs: string[], isClosing: (p: string) => boolean): Outline {
  const root: OutlineNode = { kind: 'root', ref: '', text: '', body: [], children: [], parent: null }
  const closing: string[] = []
  let stack: OutlineNode[] = [root]
  let inClosing = false
  for (const p of paragraphs) {
    // An attached document (see Frame.body) starts its numbering afresh.
    if (p === '') {
      stack = [root]
      inClosing = false
      continue
    }
    const m = markerOf(p)
    if (m === null) {
      if (inClosing || isClosing(p)) {
        inClosing = true
        closing.push(p)
      } else stack[stack.length - 1].body.push(p)
      continue
    }
    // A closing paragraph ends the list it follows; a new numbered part (an attached plan) starts afresh.
    if (inClosing && (m.kind === 'dash' || m.kind === 'plus')) {
      closing.push(p)
      continue
    }
    inClosing = false
    if (m.kind === 'roman' || m.kind === 'article') stack = [root]
    else {
      const at = stack.findIndex((n) => n.kind === m.kind)
      if (at > 0) stack = stack.slice(0, at)
      // Numbers and letters are the skeleton of a document: they never nest under a bullet (a dash list of
      // recipients or of findings ends where the numbered items resume).
      else if (STRUCTURAL.has(m.kind)) while (stack.length > 1 && BULLETS.has(stack[stack.length - 1].kind)) stack.pop()
    }
    const parent = stack[stack.length - 1]
    const label = refLabel(parent, m.kind, m.label)
    const node: OutlineNode = { kind: m.kind, ref: parent.ref ? `${parent.ref}.${label}` : label, text: m.rest, body: [], children: [], parent }
    parent.children.push(node)
    stack.push(node)
  }
  return { root, closing }
}
