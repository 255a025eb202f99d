// The extractor's output contract: the JSON shape that the command line prints and the import step reads.
import type { DeadlineKind, DirectiveType, IsoDate, Recurrence } from '../../db/reference/types'

export interface AgencyRef {
  /** The words of the document, e.g. 'Bộ TTTT', 'UBND các tỉnh, thành phố trực thuộc Trung ương'. */
  name: string
  /** Agency or group code from the dictionary; null when the name did not resolve. */
  code: string | null
}

export interface ExtractedDeadline {
  kind: DeadlineKind
  /** The due day for date/month/quarter/year; null for standing and recurring, or when a year-less date could not be placed. */
  dueOn: IsoDate | null
  recurrence: Recurrence | null
  /** The words the deadline came from, e.g. 'hoàn thành trong tháng 6 năm 2023'; null for an implicit standing task. */
  phrase: string | null
}

export interface ExtractedTask {
  /** Section reference, e.g. '6.b.3', '1.d(2)' for the second item lettered d), 'cuối.1' for a closing duty. */
  ref: string
  content: string
  leads: AgencyRef[]
  supports: AgencyRef[]
  deadline: ExtractedDeadline
  output: string | null
  target: string | null
}

export interface ExtractedDirective {
  type: DirectiveType
  number: string | null
  title: string | null
  issuer: string | null
  signer: string | null
  issuedOn: IsoDate | null
}

export interface ExtractionResult {
  directive: ExtractedDirective
  tasks: ExtractedTask[]
  /** Paragraphs of the task sections that produced no task, so that nothing is dropped silently. */
  unassigned: string[]
}
