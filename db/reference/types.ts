// Shapes of the reference and demo seed data; the loaders in db/ write them into the schema.

/** A calendar date in Asia/Ho_Chi_Minh, written YYYY-MM-DD. */
export type IsoDate = string

export const AGENCY_KINDS = [
  'government', // Chính phủ, Thủ tướng: the root of the central tree
  'ministry', // Bộ
  'ministerial_agency', // Cơ quan ngang bộ
  'government_agency', // Cơ quan thuộc Chính phủ
  'province', // UBND tỉnh, thành phố trực thuộc Trung ương
  'provincial_department', // Sở, ban, ngành cấp tỉnh (and provincial bodies such as Công an tỉnh, Đài PT-TH)
  'district', // UBND cấp huyện (abolished 1/7/2025)
  'commune', // UBND cấp xã
  'other',
] as const
export type AgencyKind = (typeof AGENCY_KINDS)[number]

export interface AgencySeed {
  /** Stable code, uppercase ASCII letters, digits and '-', e.g. 'BNV', 'HANOI', 'NA-SNV'. */
  code: string
  /** Full official name, e.g. 'Bộ Nội vụ', 'Ủy ban nhân dân tỉnh Nghệ An'. */
  name: string
  /** Name used in lists, e.g. 'UBND tỉnh Nghệ An'. */
  shortName: string
  /** Other names and abbreviations used in documents to refer to this agency (the name and shortName are implied). */
  aliases: string[]
  kind: AgencyKind
  parentCode?: string
  /** First day the agency exists (omit when it existed before any directive we track). */
  validFrom?: IsoDate
  /** Last day the agency exists; an agency with validTo in the past is inactive. */
  validTo?: IsoDate
  /** The agency that took over its tasks after validTo. */
  successorCode?: string
  /** Contact e-mail addresses (demo addresses use the reserved domain example.gov.vn). */
  emails: string[]
}

/**
 * A group addressee such as "các bộ, cơ quan ngang bộ" or "UBND các huyện, thành phố, thị xã": assigning a task
 * to it creates one task per member agency that is active on the assignment date.
 */
export interface AgencyGroupSeed {
  code: string
  name: string
  aliases: string[]
  /** Members are the agencies of these kinds ... */
  memberKinds: AgencyKind[]
  /** ... and, when set, only those whose parent is this agency. */
  parentCode?: string
}

export const DIRECTIVE_TYPES = [
  'thong_bao_ket_luan',
  'chi_thi',
  'nghi_quyet',
  'quyet_dinh',
  'ke_hoach',
  'cong_van',
  'cong_dien',
  'other',
] as const
export type DirectiveType = (typeof DIRECTIVE_TYPES)[number]

export const RECURRENCES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const
export type Recurrence = (typeof RECURRENCES)[number]

export const DEADLINE_KINDS = ['date', 'month', 'quarter', 'year', 'standing', 'recurring'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export interface DeadlineSeed {
  kind: DeadlineKind
  /** The due date for date/month/quarter/year (month → last day of the month, and so on). */
  dueOn?: IsoDate
  recurrence?: Recurrence
  /** For recurring duties: first and last day of the periods to track. */
  recurringFrom?: IsoDate
  recurringUntil?: IsoDate
  /** The words of the document the deadline came from, e.g. 'hoàn thành trong tháng 6 năm 2023'. */
  phrase?: string
}

export interface DirectiveItemSeed {
  /** Section reference, e.g. '6.b.3' or '1.d(2)' for the second item lettered d). */
  ref: string
  content: string
  /** Agency or group codes: one lead, two for co-leads, or one group code. */
  leads: string[]
  supports: string[]
  deadline: DeadlineSeed
  output?: string
  target?: string
  isKey?: boolean
  /** Several named leads are co-leads of one task unless this is true: then each named agency gets its own task. */
  perAgency?: boolean
}

export interface DirectiveSeed {
  type: DirectiveType
  number: string
  title: string
  issuer: string
  signer: string
  issuedOn: IsoDate
  monitoringAgencyCode: string
  /** File name under db/demo/texts/ with the full text. */
  textFile: string
  items: DirectiveItemSeed[]
}
