// Turns the paragraphs of task sections into tasks: one per item, split where an item holds several duties
// (another addressee, another deadline, "Trước mắt …"), with leads, supports and deadlines inherited from the
// headings above when the item does not name its own.
import type { IsoDate } from '../../db/reference/types'
import { agenciesInCell, agencyKey, askAt, assignedIn, dedupe, namedOpening, openingAddressee, supportsIn, tokenized, type Resolver, type TokenizedText } from './addressees'
import { chooseDeadline, findDeadlines, pickDeadline, sameDeadline, type DeadlineMatch } from './deadlines'
import { findMilestones, findOutput, findTarget } from './details'
import { foldAligned, tokensAt } from './fold'
import { dutyWordAt } from './lexicon'
import type { OutlineNode } from './outline'
import { isAllCaps } from './normalize'
import { clauseSpans, sentenceSpans } from './sentences'
import type { AgencyRef, ExtractedDeadline, ExtractedTask } from './types'

export interface Inherited {
  leads: AgencyRef[]
  supports: AgencyRef[]
  /** A period from a heading ("NHIỆM VỤ QUÝ II/2020") for items that name none. */
  deadline: ExtractedDeadline | null
}

/** A task before its section reference is known. */
export type Draft = Omit<ExtractedTask, 'ref'>

export interface Assembly {
  resolver: Resolver
  issuedOn: IsoDate | null
  tasks: ExtractedTask[]
  unassigned: string[]
}

interface Addressee {
  leads: AgencyRef[]
  supports: AgencyRef[]
}

// Sentences that only execute or file the document itself: "Quyết định này có hiệu lực …".
const BOILERPLATE = /(co hieu luc(?: thi hanh)?(?: ke)? tu ngay|ban hanh kem theo (?:quyet dinh|nghi quyet|chi thi) nay|chiu trach nhiem thi hanh|biet,? (?:va )?thuc hien|tren day la|de (?:b\/c|bao cao)\)|xem xet,? chi dao\s*\.?\/?\.?$)/

function sameAgencies(a: AgencyRef[], b: AgencyRef[]): boolean {
  if (a.length !== b.length) return false
  const keys = new Set(a.map(agencyKey))
  return b.every((x) => keys.has(agencyKey(x)))
}

export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(foldAligned(text))
}

function cleanContent(s: string): string {
  return s
    .trim()
    .replace(/\s*\.\/\.?\s*$/, '.')
    .replace(/[;,]+$/, '')
    .trim()
}

/** True when the text holds a word that starts a duty ("triển khai", "báo cáo", "khẩn trương" …). */
export function hasDuty(text: string): boolean {
  const t = tokenized(text)
  for (let i = 0; i < t.tokens.length; i++) if (dutyWordAt(t.tokens, i) > 0) return true
  return false
}

/**
 * Opens with a duty ("Khẩn trương …") or with an addressee and its duty ("Bộ TTTT khẩn trương …"), not with a
 * report ("Thủ tướng ghi nhận …", "Các bộ đã …"): how a paragraph outside the numbered items shows it assigns.
 */
export function opensWithDuty(p: string, resolver: Resolver): boolean {
  // With diacritics: folded, "tối đa" would read as the past-tense "đã".
  if (/(?:^|\s)(?:đã|đang)(?=\s|$)/.test(p.toLowerCase().split(/\s+/).slice(0, 10).join(' '))) return false
  const t = tokenized(p)
  if (dutyWordAt(t.tokens, 0) > 0) return true
  const opening = namedOpening(t, resolver)
  if (opening === null) return false
  let k = opening.end
  while (t.tokens[k]?.text === ':' || t.tokens[k]?.text === ',') k++
  return dutyWordAt(t.tokens, k) > 0 || tokensAt(t.tokens, k, ['chu', 'tri'])
}

// Who a sentence assigns to: its opening addressee, unless that one only hands the duty on ("Thủ tướng Chính phủ
// giao Bộ Tài chính chủ trì …"); else an assignment inside it ("Về kiến nghị …: Giao Bộ …").
function addresseeOf(t: TokenizedText, r: Resolver) {
  const named = namedOpening(t, r)
  if (named !== null && askAt(t.tokens, named.end + (t.tokens[named.end]?.text === ',' ? 1 : 0)) > 0) return assignedIn(t, r) ?? named
  return named ?? assignedIn(t, r)
}

interface Segment {
  start: number
  end: number
  own: Addressee | null
  deadline: ExtractedDeadline | null
  /** Deadline phrases of its sentences, found once. */
  found: DeadlineMatch[]
}

/**
 * The tasks of one paragraph. Sentences stay together unless a sentence opens with another addressee ("…
 * Bộ Tư pháp chỉnh lý …"), starts the immediate step ("Trước mắt …"), or carries a second, different deadline.
 */
export function draftsOfUnit(text: string, inherited: Inherited, a: Assembly): { drafts: Draft[]; addressee: Addressee | null } {
  const segments: Segment[] = []
  // Clauses rather than sentences, so that "…, hoàn thành trước ngày 31/3; định kỳ hằng quý báo cáo …" is two
  // duties; only a sentence may open with a new addressee (a clause after ";" may continue a list of names).
  for (const { start, end, opensSentence, sentenceEnd } of clauseSpans(text)) {
    const sentence = tokenized(text.slice(start, end))
    const whole = opensSentence ? tokenized(text.slice(start, sentenceEnd)) : null
    const cur = segments[segments.length - 1]
    let opening = whole ? addresseeOf(whole, a.resolver) : null
    // A clause after ";" that opens with another addressee and a duty of its own, once the clause before holds a
    // duty: "Giao Bộ Tài chính chủ trì …; Văn phòng Chính phủ theo dõi, đôn đốc". Not a list of names ("Bộ Tài
    // chính; Bộ Xây dựng: …"), whose first clause holds no duty.
    if (!opensSentence && cur !== undefined && opensWithDuty(sentence.text.trim(), a.resolver) && hasDuty(text.slice(cur.start, cur.end))) {
      // An unknown name must look like one ("số 8545/UBND-KSTT ngày …" is a reference, not "Sở …").
      const named = namedOpening(tokenized(sentence.text.trim()), a.resolver)
      if (named !== null && named.refs.every((x) => x.code !== null || /^\p{Lu}/u.test(x.name))) opening = named
    }
    const own = opening ? { leads: opening.refs, supports: opening.supports } : null
    const found = findDeadlines(sentence.text, a.issuedOn, 'body', sentence.folded)
    const dated = found[0] ?? null
    const split =
      cur === undefined ||
      (own !== null && !sameAgencies(own.leads, (cur.own ?? inherited).leads)) ||
      /^\s*truoc mat\b/.test(sentence.folded) ||
      (dated !== null && cur.deadline !== null && !sameDeadline(dated, cur.deadline))
    if (split) segments.push({ start, end, own: own ?? cur?.own ?? null, deadline: dated, found })
    else {
      cur.end = end
      cur.deadline ??= dated
      cur.found.push(...found)
    }
  }
  const drafts: Draft[] = []
  for (const seg of segments) {
    const content = cleanContent(text.slice(seg.start, seg.end))
    if (content === '') continue
    const t = tokenized(content)
    const folded = t.folded
    if (BOILERPLATE.test(folded)) continue
    const leads = seg.own?.leads ?? inherited.leads
    const named = supportsIn(t, a.resolver)
    const leadKeys = new Set(leads.map(agencyKey))
    const supports = dedupe([...(seg.own ? seg.own.supports : inherited.supports), ...named]).filter((s) => !leadKeys.has(agencyKey(s)))
    const deadline = chooseDeadline(seg.found, content, folded, inherited.deadline)
    const target = findTarget(content, folded)
    if (seg.own === null && !hasDuty(content) && deadline.kind === 'standing' && target === null) {
      a.unassigned.push(content)
      continue
    }
    const output = findOutput(content, folded)
    const milestones = findMilestones(content, folded)
    if (milestones.length >= 2) {
      for (const m of milestones) drafts.push({ content, leads, supports, deadline: m.deadline, output, target: m.target })
    } else drafts.push({ content, leads, supports, deadline, output, target })
  }
  const first = segments[0]
  return { drafts, addressee: first?.own ?? null }
}

// A heading for what follows rather than a duty: ends with a colon, or is short and unpunctuated ("6. Về
// nhiệm vụ, giải pháp trọng tâm thời gian tới", "b) Các bộ, ngành, địa phương").
function isTopicHeading(text: string): boolean {
  if (/:\s*$/.test(text)) return true
  const words = text.split(/\s+/).filter(Boolean).length
  return words <= 14 && !/[.;]\s*$/.test(text)
}

// What a heading passes down: the addressee it names and the period it gives ("NHIỆM VỤ QUÝ II/2020").
function headingContext(text: string, inherited: Inherited, a: Assembly): Inherited {
  const t = tokenized(text)
  const named = namedOpening(t, a.resolver)
  const found = findDeadlines(text, a.issuedOn, 'heading', t.folded)
  return {
    leads: named?.refs ?? inherited.leads,
    supports: named ? named.supports : inherited.supports,
    deadline: found.length > 0 ? chooseDeadline(found, text, t.folded, null) : inherited.deadline,
  }
}

function emit(a: Assembly, ref: string, drafts: Draft[]): void {
  drafts.forEach((d, k) => a.tasks.push({ ref: k === 0 ? ref : `${ref}(${k + 1})`, ...d }))
}

// The labelled lines under an item of a plan: "- Cơ quan chủ trì: Sở Tư pháp.", "- Thời gian hoàn thành: Quý
// II/2025.", "- Đơn vị chủ trì: …; đơn vị phối hợp: …", "- Sản phẩm: Báo cáo".
type FieldRole = 'lead' | 'support' | 'deadline' | 'output' | 'target'
const FIELDS: Array<[FieldRole, RegExp]> = [
  ['support', /^(?:(?:co quan|don vi|cac co quan)\s+)?phoi hop(?: thuc hien)?\s*:/],
  ['lead', /^(?:(?:co quan|don vi)\s+)?(?:chu tri|thuc hien|dau moi|chiu trach nhiem|tham muu)(?: thuc hien)?\s*:/],
  ['deadline', /^(?:thoi gian|thoi han|tien do|han)(?: hoan thanh| thuc hien| trinh| ban hanh)?\s*:/],
  ['output', /^(?:san pham|ket qua dau ra|hinh thuc(?: van ban)?)\s*:/],
  ['target', /^chi tieu\s*:/],
]

interface Fields {
  leads: AgencyRef[] | null
  supports: AgencyRef[] | null
  deadline: ExtractedDeadline | null
  output: string | null
  target: string | null
}

function fieldParts(text: string): Array<[FieldRole, string]> | null {
  const parts: Array<[FieldRole, string]> = []
  for (const part of text.split(';')) {
    const trimmed = part.trim()
    if (trimmed === '') continue
    const folded = foldAligned(trimmed)
    const hit = FIELDS.find(([, re]) => re.test(folded))
    if (hit === undefined) return null
    const colon = trimmed.indexOf(':')
    parts.push([hit[0], trimmed.slice(colon + 1).trim().replace(/[.;,]+$/, '').trim()])
  }
  return parts.length > 0 ? parts : null
}

/** The labelled lines of an item (bullets without children, or unmarked paragraphs), read as its fields. */
function takeFields(node: OutlineNode, a: Assembly): { fields: Fields; text: string; children: OutlineNode[]; body: string[] } | null {
  const fields: Fields = { leads: null, supports: null, deadline: null, output: null, target: null }
  let found = false
  const read = (text: string): boolean => {
    const parts = fieldParts(text)
    if (parts === null) return false
    for (const [role, value] of parts) {
      if (role === 'lead') fields.leads = [...(fields.leads ?? []), ...agenciesInCell(value, a.resolver)]
      else if (role === 'support') fields.supports = [...(fields.supports ?? []), ...agenciesInCell(value, a.resolver)]
      else if (role === 'deadline') fields.deadline = pickDeadline(value, a.issuedOn, null, 'cell')
      else if (role === 'output') fields.output = value || null
      else fields.target = value || null
    }
    found = true
    return true
  }
  // In the item's own words: "… (cơ quan chủ trì: Bộ Nội vụ; thời gian hoàn thành: Quý III/2025).", or trailing
  // sentences "… Cơ quan chủ trì: Văn phòng Chính phủ. Thời hạn: năm 2025."
  let text = node.text
  const paren = /\s*\(([^()]*)\)\s*([.;]?)\s*$/.exec(text)
  if (paren !== null && read(paren[1])) text = `${text.slice(0, paren.index)}${paren[2] || '.'}`
  else if (paren !== null) {
    // "… (Bộ Tư pháp chủ trì, phối hợp với các bộ, ngành; hoàn thành trong tháng 9/2025)."
    const t = tokenized(paren[1])
    const o = namedOpening(t, a.resolver)
    if (o !== null && tokensAt(t.tokens, o.end, ['chu', 'tri'])) {
      fields.leads = o.refs
      if (o.supports.length > 0) fields.supports = o.supports
      const d = pickDeadline(paren[1], a.issuedOn, null)
      if (d.kind !== 'standing') fields.deadline = d
      found = true
      text = `${text.slice(0, paren.index)}${paren[2] || '.'}`
    }
  }
  const spans = sentenceSpans(text)
  let keep = text.length
  for (let k = spans.length - 1; k > 0; k--) {
    if (!read(text.slice(spans[k][0], spans[k][1]).trim().replace(/\.$/, ''))) break
    keep = spans[k][0]
  }
  text = text.slice(0, keep).trim()
  const children = node.children.filter((c) => !((c.kind === 'dash' || c.kind === 'plus') && c.children.length === 0 && c.body.length === 0 && read(c.text)))
  const body = node.body.filter((p) => !read(p))
  return found ? { fields, text, children, body } : null
}

/** Tasks of a node of a task section and of everything under it. */
export function tasksOfNode(node: OutlineNode, inherited: Inherited, a: Assembly): void {
  const taken = takeFields(node, a)
  if (taken !== null) {
    const { fields } = taken
    const context: Inherited = {
      leads: fields.leads ? dedupe(fields.leads) : inherited.leads,
      supports: fields.supports ? dedupe(fields.supports) : fields.leads ? [] : inherited.supports,
      deadline: fields.deadline ?? inherited.deadline,
    }
    const own = { ...node, children: taken.children, body: taken.body }
    const drafts = draftsOfUnit(taken.text, context, a).drafts.map((d) => ({
      ...d,
      leads: fields.leads ? context.leads : d.leads,
      supports: fields.supports ? dedupe([...context.supports, ...d.supports]) : d.supports,
      deadline: fields.deadline ?? d.deadline,
      output: fields.output ?? d.output,
      target: fields.target ?? d.target,
    }))
    for (const p of own.body) drafts.push(...draftsOfUnit(p, context, a).drafts)
    emit(a, node.ref, drafts)
    for (const child of own.children) tasksOfNode(child, context, a)
    return
  }
  const hasMore = node.children.length > 0 || node.body.length > 0
  const drafts: Draft[] = []
  let context: Inherited
  if (hasMore && (openingAddressee(tokenized(node.text), a.resolver)?.headingOnly || isTopicHeading(node.text))) {
    context = headingContext(node.text, inherited, a)
    const { body, intro } = introOf(node, context, a)
    for (const p of body) drafts.push(...draftsOfUnit(p, context, a).drafts)
    if (intro !== null) context = intro
  } else if (!hasMore && isTopicHeading(node.text) && (isAllCaps(node.text) || !hasDuty(node.text))) {
    // A heading left without items: they were a table, read separately ("II. NHIỆM VỤ CỤ THỂ" above the task
    // table), or a closing paragraph ("III. TỔ CHỨC THỰC HIỆN" above "Giao … theo dõi …./.").
    context = inherited
  } else {
    const unit = draftsOfUnit(node.text, inherited, a)
    drafts.push(...unit.drafts)
    context = unit.addressee ? { leads: unit.addressee.leads, supports: unit.addressee.supports, deadline: inherited.deadline } : inherited
    for (const p of node.body) drafts.push(...draftsOfUnit(p, context, a).drafts)
  }
  emit(a, node.ref, drafts)
  for (const child of node.children) tasksOfNode(child, context, a)
}

/**
 * A paragraph that introduces the items below it ("Đề nghị tỉnh Thanh Hóa tập trung thực hiện các nhiệm vụ
 * sau:") is no task: the addressee it names heads the items. Returns the node with that paragraph taken out of its
 * body, and the context it gives the items.
 */
function introOf(node: OutlineNode, inherited: Inherited, a: Assembly): { body: string[]; intro: Inherited | null } {
  const last = node.body[node.body.length - 1]
  if (node.children.length === 0 || last === undefined || !/:\s*$/.test(last)) return { body: node.body, intro: null }
  const t = tokenized(last)
  const named = namedOpening(t, a.resolver) ?? assignedIn(t, a.resolver)
  if (named === null) return { body: node.body, intro: null }
  return { body: node.body.slice(0, -1), intro: { leads: named.refs, supports: named.supports, deadline: inherited.deadline } }
}

const POSITIVE = /\b(nhiem vu|giai phap|phuong huong|to chuc thuc hien|phan cong|de nghi|kien nghi|trach nhiem|giao|noi dung|hoat dong|ket luan|chi dao)\b/
const NEGATIVE = /\b(ket qua|ton tai|han che|nguyen nhan|bai hoc|danh gia|quan diem|tinh hinh|muc dich|muc tieu|can cu|pham vi|doi tuong|uu diem|nhuoc diem|kinh phi|boi canh|su can thiet|thuc trang|hieu luc)\b/
const TRIGGER = /\b(yeu cau|chi thi|de nghi|giao|chi dao|quyet nghi|quyet dinh|ket luan(?: nhu sau)?)\s*:\s*$/

// A report's part says what it is in its first words ("Kết quả đạt được", "Về quan điểm chỉ đạo"); further in,
// the same words belong to a duty ("… tổng hợp tình hình giải ngân …").
function isNegative(text: string): boolean {
  return NEGATIVE.test(foldAligned(text).replace(/^\s*ve\s+/, '').split(/\s+/).slice(0, 3).join(' '))
}

function headingWords(text: string): string {
  return foldAligned(text).split(/\s+/).slice(0, 14).join(' ')
}

/**
 * The parts of a document that assign tasks: headed as such ("Về nhiệm vụ, giải pháp …", "PHƯƠNG HƯỚNG,
 * NHIỆM VỤ …", "TỔ CHỨC THỰC HIỆN"), introduced by "… yêu cầu:", or headed by an addressee; not the parts that
 * report results, shortcomings, causes or lessons.
 */
export function taskSections(root: OutlineNode, directiveLike: boolean, a: Assembly): OutlineNode[] {
  const chosen: OutlineNode[] = []
  const lastPreamble = root.body[root.body.length - 1]
  const triggered = lastPreamble !== undefined && TRIGGER.test(foldAligned(lastPreamble))
  const visit = (node: OutlineNode, depth: number) => {
    // "… kết luận như sau:" introduces the assessments as well as the tasks: a part that reports stays out.
    if (isNegative(node.text)) return
    const words = headingWords(node.text)
    if ((depth === 0 && triggered) || POSITIVE.test(words) || (directiveLike && namedOpening(tokenized(node.text), a.resolver) !== null)) {
      chosen.push(node)
      return
    }
    if (depth < 2) for (const c of node.children) visit(c, depth + 1)
  }
  for (const c of root.children) visit(c, 0)
  if (directiveLike && chosen.length === 0) {
    for (const c of root.children) if (!isNegative(c.text)) chosen.push(c)
  }
  return chosen
}

/** What the ancestors of a chosen section say about addressees and period. */
export function inheritedFor(node: OutlineNode, base: Inherited, a: Assembly): Inherited {
  const chain: OutlineNode[] = []
  for (let p = node.parent; p !== null && p.kind !== 'root'; p = p.parent) chain.unshift(p)
  return chain.reduce((context, p) => headingContext(p.text, context, a), base)
}

