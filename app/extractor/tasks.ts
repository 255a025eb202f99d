// Turns the paragraphs of task sections into tasks: one per item, split where an item holds several duties
// (another addressee, another deadline, "Trước mắt …"), with leads, supports and deadlines inherited from the
// headings above when the item does not name its own.
import type { IsoDate } from '../../db/reference/types'
import { openingAddressee, supportsIn, tokenized, dedupe, type Resolver } from './addressees'
import { findDeadlines, pickDeadline, sameDeadline } from './deadlines'
import { findMilestones, findOutput, findTarget } from './details'
import { foldAligned } from './fold'
import { dutyWordAt } from './lexicon'
import type { OutlineNode } from './outline'
import { sentenceSpans } from './sentences'
import type { AgencyRef, ExtractedDeadline, ExtractedTask } from './types'

export interface Inherited {
  leads: AgencyRef[]
  supports: AgencyRef[]
  /** A period from a heading ("NHIỆM VỤ QUÝ II/2020") for items that name none. */
  deadline: ExtractedDeadline | null
}

export interface Draft {
  content: string
  leads: AgencyRef[]
  supports: AgencyRef[]
  deadline: ExtractedDeadline
  output: string | null
  target: string | null
}

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

function keyOf(a: AgencyRef): string {
  return a.code ?? `?${foldAligned(a.name)}`
}

function sameAgencies(a: AgencyRef[], b: AgencyRef[]): boolean {
  if (a.length !== b.length) return false
  const keys = new Set(a.map(keyOf))
  return b.every((x) => keys.has(keyOf(x)))
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

function hasDuty(text: string): boolean {
  const t = tokenized(text)
  for (let i = 0; i < t.tokens.length; i++) if (dutyWordAt(t.tokens, i) > 0) return true
  return false
}

interface Segment {
  start: number
  end: number
  own: Addressee | null
  deadline: ExtractedDeadline | null
}

/**
 * The tasks of one paragraph. Sentences stay together unless a sentence opens with another addressee ("…
 * Bộ Tư pháp chỉnh lý …"), starts the immediate step ("Trước mắt …"), or carries a second, different deadline.
 */
export function draftsOfUnit(text: string, inherited: Inherited, a: Assembly): { drafts: Draft[]; addressee: Addressee | null } {
  const segments: Segment[] = []
  for (const [start, end] of sentenceSpans(text)) {
    const sentence = text.slice(start, end)
    const opening = openingAddressee(tokenized(sentence), a.resolver)
    const own = opening && !opening.vague && opening.refs.length > 0 ? { leads: opening.refs, supports: opening.supports } : null
    const dated = findDeadlines(sentence, a.issuedOn)[0] ?? null
    const cur = segments[segments.length - 1]
    const split =
      cur === undefined ||
      (own !== null && !sameAgencies(own.leads, (cur.own ?? inherited).leads)) ||
      /^\s*truoc mat\b/.test(foldAligned(sentence)) ||
      (dated !== null && cur.deadline !== null && !sameDeadline(dated, cur.deadline))
    if (split) segments.push({ start, end, own: own ?? cur?.own ?? null, deadline: dated })
    else {
      cur.end = end
      cur.deadline ??= dated
    }
  }
  const drafts: Draft[] = []
  for (const seg of segments) {
    const content = cleanContent(text.slice(seg.start, seg.end))
    if (content === '') continue
    if (isBoilerplate(content)) continue
    const folded = foldAligned(content)
    const leads = seg.own?.leads ?? inherited.leads
    const named = supportsIn(tokenized(content), a.resolver)
    const leadKeys = new Set(leads.map(keyOf))
    const supports = dedupe([...(seg.own ? seg.own.supports : inherited.supports), ...named]).filter((s) => !leadKeys.has(keyOf(s)))
    const deadline = pickDeadline(content, a.issuedOn, inherited.deadline)
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

function headingDeadline(text: string, a: Assembly): ExtractedDeadline | null {
  const found = findDeadlines(text, a.issuedOn, 'heading')
  const d = found.find((x) => x.kind === 'recurring') ?? found[0]
  return d === undefined ? null : { kind: d.kind, dueOn: d.dueOn, recurrence: d.recurrence, phrase: d.phrase }
}

function emit(a: Assembly, ref: string, drafts: Draft[]): void {
  drafts.forEach((d, k) => a.tasks.push({ ref: k === 0 ? ref : `${ref}(${k + 1})`, ...d }))
}

/** Tasks of a node of a task section and of everything under it. */
export function tasksOfNode(node: OutlineNode, inherited: Inherited, a: Assembly): void {
  const hasMore = node.children.length > 0 || node.body.length > 0
  const opening = openingAddressee(tokenized(node.text), a.resolver)
  const named = opening && !opening.vague && opening.refs.length > 0 ? opening : null
  const drafts: Draft[] = []
  let context: Inherited
  if (hasMore && (opening?.headingOnly || isTopicHeading(node.text))) {
    context = {
      leads: named?.refs ?? inherited.leads,
      supports: named ? named.supports : inherited.supports,
      deadline: headingDeadline(node.text, a) ?? inherited.deadline,
    }
    for (const p of node.body) drafts.push(...draftsOfUnit(p, context, a).drafts)
  } else {
    const unit = draftsOfUnit(node.text, inherited, a)
    drafts.push(...unit.drafts)
    context = unit.addressee ? { leads: unit.addressee.leads, supports: unit.addressee.supports, deadline: inherited.deadline } : inherited
    for (const p of node.body) drafts.push(...draftsOfUnit(p, context, a).drafts)
  }
  emit(a, node.ref, drafts)
  for (const child of node.children) tasksOfNode(child, context, a)
}

const POSITIVE = /\b(nhiem vu|giai phap|phuong huong|to chuc thuc hien|phan cong|de nghi|kien nghi|trach nhiem|giao|noi dung|hoat dong|ket luan|chi dao)\b/
const NEGATIVE = /\b(ket qua|ton tai|han che|nguyen nhan|bai hoc|danh gia|quan diem|tinh hinh|muc dich|muc tieu|can cu|pham vi|doi tuong|uu diem|nhuoc diem|kinh phi|boi canh|su can thiet|thuc trang|hieu luc)\b/
const TRIGGER = /\b(yeu cau|chi thi|de nghi|giao|chi dao|quyet nghi|quyet dinh|ket luan(?: nhu sau)?)\s*:\s*$/

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
    const words = headingWords(node.text)
    if (NEGATIVE.test(words)) return
    const opening = directiveLike ? openingAddressee(tokenized(node.text), a.resolver) : null
    if (POSITIVE.test(words) || (depth === 0 && triggered) || (opening !== null && !opening.vague && opening.refs.length > 0)) {
      chosen.push(node)
      return
    }
    if (depth < 2) for (const c of node.children) visit(c, depth + 1)
  }
  for (const c of root.children) visit(c, 0)
  if (directiveLike && chosen.length === 0) {
    for (const c of root.children) if (!NEGATIVE.test(headingWords(c.text))) chosen.push(c)
  }
  return chosen
}

/** What the ancestors of a chosen section say about addressees and period. */
export function inheritedFor(node: OutlineNode, base: Inherited, a: Assembly): Inherited {
  const chain: OutlineNode[] = []
  for (let p = node.parent; p !== null && p.kind !== 'root'; p = p.parent) chain.unshift(p)
  let context = base
  for (const p of chain) {
    const opening = openingAddressee(tokenized(p.text), a.resolver)
    const named = opening && !opening.vague && opening.refs.length > 0 ? opening : null
    context = {
      leads: named?.refs ?? context.leads,
      supports: named ? named.supports : context.supports,
      deadline: headingDeadline(p.text, a) ?? context.deadline,
    }
  }
  return context
}

export { hasDuty }
