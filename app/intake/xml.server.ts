// A small XML reader for OOXML parts (word/document.xml, numbering.xml, styles.xml): elements, attributes and
// text into a tree. It does not resolve DTDs or external entities, which OOXML never needs.

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[e] ?? m
  })
}

const ATTR = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g

// Limits against a crafted document: the walk over the tree recurses, and every element costs memory.
const MAX_DEPTH = 256
const MAX_ELEMENTS = 2_000_000

// The '>' that closes a tag, skipping any inside quoted attribute values.
function tagEnd(xml: string, from: number): number {
  let quote = ''
  for (let k = from; k < xml.length; k++) {
    const c = xml[k]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return k
  }
  return -1
}

/** Parses XML into a tree; throws Error on a malformed, too deep or too large document. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  let i = 0
  let count = 0
  const n = xml.length
  while (i < n) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) break
    if (lt > i) {
      const text = xml.slice(i, lt)
      if (stack.length > 1) stack[stack.length - 1].children.push(decodeEntities(text))
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4)
      if (end < 0) throw new Error('unterminated comment')
      i = end + 3
      continue
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9)
      if (end < 0) throw new Error('unterminated CDATA')
      stack[stack.length - 1].children.push(xml.slice(lt + 9, end))
      i = end + 3
      continue
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt)
      if (end < 0) throw new Error('unterminated declaration')
      i = end + 1
      continue
    }
    const gt = tagEnd(xml, lt + 1)
    if (gt < 0) throw new Error('unterminated tag')
    const body = xml.slice(lt + 1, gt)
    i = gt + 1
    if (body[0] === '/') {
      const name = body.slice(1).trim()
      const top = stack.pop()
      if (top === undefined || top.name !== name || stack.length === 0) throw new Error(`mismatched </${name}>`)
      continue
    }
    const selfClosing = body.endsWith('/')
    const inner = selfClosing ? body.slice(0, -1) : body
    const space = inner.search(/\s/)
    const name = space < 0 ? inner : inner.slice(0, space)
    const attrs: Record<string, string> = {}
    if (space >= 0) {
      ATTR.lastIndex = 0
      const rest = inner.slice(space)
      for (let m = ATTR.exec(rest); m !== null; m = ATTR.exec(rest)) attrs[m[1]] = decodeEntities(m[3] ?? m[4] ?? '')
    }
    const el: XmlElement = { name, attrs, children: [] }
    stack[stack.length - 1].children.push(el)
    if (++count > MAX_ELEMENTS) throw new Error('too many elements')
    if (!selfClosing) {
      stack.push(el)
      if (stack.length > MAX_DEPTH) throw new Error('too deep')
    }
  }
  if (stack.length !== 1) throw new Error('unclosed element')
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string')
  if (top === undefined) throw new Error('no root element')
  return top
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name))
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el === undefined ? undefined : el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name)
}

/** Every descendant with this name, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (c.name === name) out.push(c)
    descendants(c, name, out)
  }
  return out
}
