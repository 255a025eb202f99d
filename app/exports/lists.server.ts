// The lists that can be exported, each built as an ExportDocument from the same filters and scope as its page.
import type { Db } from '../../db/client'
import { CATEGORY_LABELS, computeRates, formatNumber, type TaskCategory } from '../domain/categories'
import { formatVnDate } from '../domain/dates'
import type { Permission } from '../domain/permissions'
import { AGENCY_KIND_LABELS } from '../lib/agency-labels'
import { ratesView } from '../lib/rates-view.server'
import { parseTaskFilters } from '../lib/task-filters.server'
import { getAgency, getAgencyByCode } from '../models/agency.server'
import { canViewDirective, getDirective } from '../models/directive.server'
import type { AgencyRateRow } from '../models/rates.server'
import { EXPORT_MAX_ROWS, listAllTasks, overdueByAgency } from '../models/task-export.server'
import type { TaskFilters, TaskRow, Viewer } from '../models/task.server'
import type { CurrentUser } from '../services/auth.server'
import { issuingOfficeLines, readSettings } from '../services/settings.server'
import type { CellValue, ExportColumn, ExportDocument } from './types'
import { COUNT_COLUMNS } from './columns'

export interface ExportContext {
  db: Db
  user: CurrentUser
  url: URL
  asOf: string
  /** A page in Word holds fewer columns than a sheet: lists may show a shorter set in .docx. */
  format: 'xlsx' | 'docx'
  /** The most task rows the file holds (EXPORT_MAX_ROWS unless a benchmark asks for fewer). */
  limit?: number
}

export interface ExportBuild {
  doc: ExportDocument
  /** Without extension; Vietnamese is fine (fileResponse adds an ASCII fallback). */
  fileName: string
}

export interface ExportList {
  /** What the link on the page says. */
  label: string
  permission?: Permission
  landscape: boolean
  build(ctx: ExportContext): ExportBuild
}

/** Bad filters: the same Vietnamese messages as the page, as a 400 that changes nothing. */
export class ExportInputError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join(' '))
  }
}

const date = (iso: string | null | undefined): CellValue => (iso ? { date: iso } : null)
const fileDate = (iso: string) => formatVnDate(iso).replace(/\//g, '-')

/**
 * The office heading: the one an admin set for printed lists (Cài đặt, one or two lines), else the user's own
 * agency, else the Government Office (for leaders and admins outside any agency).
 */
export function issuerFor(db: Db, user: Pick<CurrentUser, 'agencyId'>): string {
  const configured = issuingOfficeLines(readSettings(db).issuingOffice)
  if (configured.length) return configured.join('\n')
  const agency = (user.agencyId != null ? getAgency(db, user.agencyId) : undefined) ?? getAgencyByCode(db, 'VPCP')
  return (agency?.name ?? 'Đôn đốc').toLocaleUpperCase('vi')
}

/** The filters in words, so that a printed list says what it lists. */
function describeFilters(db: Db, viewer: Viewer & { agencyName?: string | null }, values: Record<string, string>, filters: TaskFilters): string[] {
  const parts: string[] = []
  if (viewer.role === 'agency') parts.push(`nhiệm vụ của ${viewer.agencyName ?? 'cơ quan mình'} (chủ trì hoặc phối hợp)`)
  if (filters.agencyIds && values.agency) parts.push(`cơ quan: ${values.agency} (gồm đơn vị trực thuộc)`)
  if (filters.directiveId) {
    const d = canViewDirective(db, viewer, filters.directiveId) ? getDirective(db, filters.directiveId) : undefined
    parts.push(`văn bản: ${d ? `${d.number} ngày ${formatVnDate(d.issuedOn)}` : `mã ${filters.directiveId}`}`)
  }
  if (filters.category) parts.push(`tình trạng: ${CATEGORY_LABELS[filters.category]}`)
  if (filters.dueFrom) parts.push(`hạn từ ngày ${formatVnDate(filters.dueFrom)}`)
  if (filters.dueTo) parts.push(`hạn đến ngày ${formatVnDate(filters.dueTo)}`)
  if (filters.q) parts.push(`tìm: "${filters.q}"`)
  if (filters.status) parts.push(`trạng thái: ${{ open: 'đang mở', pending: 'chờ xác nhận hoàn thành', completed: 'đã hoàn thành', cancelled: 'đã hủy' }[filters.status]}`)
  if (filters.extensionPending) parts.push('có đề nghị gia hạn chờ duyệt')
  if (filters.keyOnly) parts.push('chỉ nhiệm vụ trọng tâm')
  return parts.length ? [`Phạm vi: ${parts.join('; ')}.`] : []
}

function readFilters(ctx: ExportContext) {
  const parsed = parseTaskFilters(ctx.db, ctx.url)
  if (parsed.errors.length) throw new ExportInputError(parsed.errors)
  return parsed
}

function truncationNote(total: number, shown: number): string[] {
  return total > shown
    ? [`Danh sách có ${formatNumber(total)} nhiệm vụ; tệp này chỉ gồm ${formatNumber(shown)} nhiệm vụ đầu tiên (mỗi tệp tối đa ${formatNumber(EXPORT_MAX_ROWS)} nhiệm vụ). Hãy thu hẹp bộ lọc để xuất đủ.`]
    : []
}

function leadText(t: TaskRow): string {
  const former = t.leadName !== t.actingLeadName ? ` (tiếp nhận từ ${t.leadName})` : ''
  return [t.actingLeadName + former, ...t.coLeadNames].join('; ')
}

const contentText = (t: TaskRow) => (t.periodLabel ? `${t.content} (${t.periodLabel})` : t.content)

const TASK_COLUMNS: ExportColumn[] = [
  { key: 'stt', header: 'STT', kind: 'integer' },
  { key: 'directive', header: 'Số, ký hiệu văn bản', kind: 'text' },
  { key: 'issuedOn', header: 'Ngày văn bản', kind: 'date' },
  { key: 'ref', header: 'Mục', kind: 'text' },
  { key: 'content', header: 'Nội dung nhiệm vụ', kind: 'text' },
  { key: 'lead', header: 'Cơ quan chủ trì', kind: 'text' },
  { key: 'dueOn', header: 'Thời hạn', kind: 'date' },
  { key: 'originalDueOn', header: 'Thời hạn ban đầu', kind: 'date' },
  { key: 'category', header: 'Tình trạng', kind: 'text' },
  { key: 'completedOn', header: 'Ngày hoàn thành', kind: 'date' },
  { key: 'daysOverdue', header: 'Số ngày quá hạn', kind: 'integer' },
  { key: 'progress', header: 'Tiến độ', kind: 'percent' },
  { key: 'lastNote', header: 'Tiến độ mới nhất', kind: 'text' },
  { key: 'extension', header: 'Gia hạn', kind: 'text' },
  { key: 'key', header: 'Trọng tâm', kind: 'text' },
]

/** The task list on an A4 page: the same facts in eight columns (deadline details and flags folded into the text). */
const TASK_COLUMNS_PRINT: ExportColumn[] = [
  { key: 'stt', header: 'STT', kind: 'integer' },
  { key: 'directivePrint', header: 'Văn bản', kind: 'text' },
  { key: 'contentPrint', header: 'Nội dung nhiệm vụ', kind: 'text' },
  { key: 'lead', header: 'Cơ quan chủ trì', kind: 'text' },
  { key: 'dueOn', header: 'Thời hạn', kind: 'date' },
  { key: 'categoryPrint', header: 'Tình trạng', kind: 'text' },
  { key: 'completedOn', header: 'Ngày hoàn thành', kind: 'date' },
  { key: 'lastNote', header: 'Tiến độ mới nhất', kind: 'text' },
]

function taskRow(t: TaskRow, i: number): Record<string, CellValue> {
  return {
    stt: i + 1,
    directive: t.directiveNumber,
    issuedOn: date(t.directiveIssuedOn),
    ref: t.ref,
    content: contentText(t),
    lead: leadText(t),
    dueOn: date(t.dueOn),
    originalDueOn: date(t.originalDueOn),
    category: CATEGORY_LABELS[t.category as TaskCategory],
    completedOn: t.status === 'completed' ? date(t.completedOn) : null,
    daysOverdue: t.category === 'overdue' ? t.daysOverdue : null,
    progress: t.progressPercent / 100,
    lastNote: t.lastNote,
    extension: t.extensionPending ? 'Đang chờ duyệt' : null,
    key: t.isKey ? 'Có' : null,
    directivePrint: `${t.directiveNumber}\nngày ${formatVnDate(t.directiveIssuedOn)}`,
    contentPrint: `${t.ref ? `Mục ${t.ref}. ` : ''}${contentText(t)}${t.isKey ? ' (nhiệm vụ trọng tâm)' : ''}`,
    categoryPrint: [
      CATEGORY_LABELS[t.category as TaskCategory] + (t.category === 'overdue' ? ` ${formatNumber(t.daysOverdue)} ngày` : ''),
      t.originalDueOn && t.originalDueOn !== t.dueOn ? `hạn ban đầu ${formatVnDate(t.originalDueOn)}` : '',
      t.extensionPending ? 'đang đề nghị gia hạn' : '',
    ]
      .filter(Boolean)
      .join('; '),
  }
}

const OVERDUE_COLUMNS: ExportColumn[] = [
  { key: 'agency', header: 'Cơ quan chủ trì', kind: 'text' },
  { key: 'stt', header: 'STT', kind: 'integer' },
  { key: 'directive', header: 'Số, ký hiệu văn bản', kind: 'text' },
  { key: 'issuedOn', header: 'Ngày văn bản', kind: 'date' },
  { key: 'content', header: 'Nội dung nhiệm vụ', kind: 'text' },
  { key: 'assignedTo', header: 'Giao cho (theo văn bản)', kind: 'text' },
  { key: 'coLeads', header: 'Cơ quan cùng chủ trì', kind: 'text' },
  { key: 'dueOn', header: 'Thời hạn', kind: 'date' },
  { key: 'daysOverdue', header: 'Số ngày quá hạn', kind: 'integer' },
  { key: 'lastNote', header: 'Tiến độ mới nhất', kind: 'text' },
  { key: 'extension', header: 'Đang đề nghị gia hạn', kind: 'text' },
]

function overdueRows(groups: ReturnType<typeof overdueByAgency>['agencies']): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = []
  for (const g of groups) {
    for (const t of g.tasks) {
      rows.push({
        agency: g.name,
        stt: rows.length + 1,
        directive: t.directiveNumber,
        issuedOn: date(t.directiveIssuedOn),
        content: contentText(t),
        // The agency the directive named, when another one carries the task today (a merged or abolished agency's successor).
        assignedTo: t.leadName !== t.actingLeadName ? t.leadName : null,
        coLeads: t.coLeadNames.join('; ') || null,
        dueOn: date(t.dueOn),
        daysOverdue: t.daysOverdue,
        lastNote: t.lastNote,
        extension: t.extensionPending ? 'Có' : null,
      })
    }
  }
  return rows
}

/** The overdue columns without the optional ones no row fills. */
function overdueColumns(rows: Record<string, CellValue>[]): ExportColumn[] {
  return OVERDUE_COLUMNS.filter((c) => (c.key !== 'coLeads' && c.key !== 'assignedTo') || rows.some((r) => r[c.key]))
}

const OVERDUE_NOTE =
  'Nhiệm vụ quá hạn: nhiệm vụ chưa hoàn thành khi đã hết thời hạn (thời hạn đã được gia hạn, nếu có). Nhiệm vụ được tính cho cơ quan chủ trì hiện nay (cơ quan kế thừa đối với cơ quan đã sáp nhập, chia tách).'

const tasksList: ExportList = {
  label: 'Danh sách nhiệm vụ',
  landscape: true,
  build(ctx) {
    const { filters, values } = readFilters(ctx)
    const { rows, total } = listAllTasks(ctx.db, ctx.user, filters, ctx.asOf, ctx.limit)
    const title = 'Danh sách nhiệm vụ'
    return {
      fileName: `Danh sách nhiệm vụ ${fileDate(ctx.asOf)}`,
      doc: {
        issuer: issuerFor(ctx.db, ctx.user),
        title,
        asOf: ctx.asOf,
        intro: [...describeFilters(ctx.db, ctx.user, values, filters), ...truncationNote(total, rows.length)],
        tables: [
          {
            title,
            columns: ctx.format === 'docx' ? TASK_COLUMNS_PRINT : TASK_COLUMNS,
            rows: rows.map(taskRow),
            totals: { content: `${formatNumber(total)} nhiệm vụ`, contentPrint: `${formatNumber(total)} nhiệm vụ` },
          },
        ],
        notes: ['Tình trạng tính đến ngày lập danh sách theo thời hạn đang có hiệu lực; "Thời hạn ban đầu" là thời hạn trước khi gia hạn.'],
      },
    }
  },
}

const overdueTasksList: ExportList = {
  label: 'Danh sách nhiệm vụ quá hạn',
  landscape: true,
  build(ctx) {
    const { filters, values } = readFilters(ctx)
    const { agencies, total } = overdueByAgency(ctx.db, ctx.user, filters, ctx.asOf, ctx.limit)
    const rows = overdueRows(agencies)
    const columns = overdueColumns(rows)
    const title = 'Danh sách nhiệm vụ quá hạn'
    return {
      fileName: `Nhiệm vụ quá hạn ${fileDate(ctx.asOf)}`,
      doc: {
        issuer: issuerFor(ctx.db, ctx.user),
        title,
        asOf: ctx.asOf,
        intro: [
          `Có ${formatNumber(total)} nhiệm vụ quá hạn của ${formatNumber(agencies.length)} cơ quan, đơn vị, sắp theo cơ quan có nhiệm vụ quá hạn lâu nhất.`,
          ...describeFilters(ctx.db, ctx.user, values, filters),
          ...truncationNote(total, rows.length),
        ],
        tables: [{ title, columns, rows, groupBy: 'agency', groupUnit: 'nhiệm vụ', totals: { agency: 'Tổng cộng', content: `${formatNumber(total)} nhiệm vụ của ${formatNumber(agencies.length)} cơ quan, đơn vị` } }],
        notes: [OVERDUE_NOTE],
      },
    }
  },
}

/** The monthly list of agencies responsible for overdue tasks (Chỉ thị of UBND tỉnh Nghệ An, 28/12/2023, item 8a). */
const overdueAgenciesList: ExportList = {
  label: 'Danh sách cơ quan, đơn vị có nhiệm vụ quá hạn',
  landscape: true,
  build(ctx) {
    const { filters, values } = readFilters(ctx)
    const { agencies, total } = overdueByAgency(ctx.db, ctx.user, filters, ctx.asOf, ctx.limit)
    const rows = overdueRows(agencies)
    const summary = agencies.map((a, i) => ({ stt: i + 1, agency: a.fullName || a.name, count: a.count, keyCount: a.keyCount, extension: a.extensionPendingCount, maxDays: a.maxDaysOverdue }))
    const title = 'Danh sách cơ quan, đơn vị có nhiệm vụ quá hạn'
    return {
      fileName: `Danh sách cơ quan có nhiệm vụ quá hạn ${fileDate(ctx.asOf)}`,
      doc: {
        issuer: issuerFor(ctx.db, ctx.user),
        title,
        asOf: ctx.asOf,
        intro: [
          `Tính đến ngày ${formatVnDate(ctx.asOf)}, có ${formatNumber(agencies.length)} cơ quan, đơn vị để xảy ra ${formatNumber(total)} nhiệm vụ quá hạn chưa hoàn thành.`,
          ...describeFilters(ctx.db, ctx.user, values, filters),
          ...truncationNote(total, rows.length),
        ],
        tables: [
          {
            title: 'I. Tổng hợp theo cơ quan',
            columns: [
              { key: 'stt', header: 'STT', kind: 'integer' },
              { key: 'agency', header: 'Cơ quan, đơn vị', kind: 'text' },
              { key: 'count', header: 'Số nhiệm vụ quá hạn', kind: 'integer' },
              { key: 'keyCount', header: 'Trong đó: nhiệm vụ trọng tâm', kind: 'integer' },
              { key: 'extension', header: 'Đang đề nghị gia hạn', kind: 'integer' },
              { key: 'maxDays', header: 'Quá hạn lâu nhất (ngày)', kind: 'integer' },
            ],
            rows: summary,
            totals: {
              count: total,
              keyCount: summary.reduce((s, r) => s + r.keyCount, 0),
              extension: summary.reduce((s, r) => s + r.extension, 0),
              maxDays: summary.reduce((m, r) => Math.max(m, r.maxDays), 0) || null,
            },
          },
          {
            title: 'II. Danh sách nhiệm vụ quá hạn',
            columns: overdueColumns(rows),
            rows,
            groupBy: 'agency',
            groupUnit: 'nhiệm vụ',
          },
        ],
        notes: [OVERDUE_NOTE],
      },
    }
  },
}

const RATE_COLUMNS: ExportColumn[] = [
  { key: 'stt', header: 'STT', kind: 'integer' },
  { key: 'agency', header: 'Cơ quan', kind: 'text' },
  ...COUNT_COLUMNS,
  { key: 'completionRate', header: 'Tỷ lệ hoàn thành', kind: 'percent' },
  { key: 'dueCompletionRate', header: 'Hoàn thành trên số đến hạn', kind: 'percent' },
  { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn', kind: 'percent' },
  { key: 'onTimeOriginalRate', header: 'Đúng hạn theo hạn gốc', kind: 'percent' },
]

/** The shown rows that no other shown row contains (a ministry and its departments would otherwise count twice). */
function disjointRows(shown: AgencyRateRow[], all: AgencyRateRow[]): AgencyRateRow[] {
  const parentOf = new Map(all.map((r) => [r.agencyId, r.parentId]))
  const shownIds = new Set(shown.map((r) => r.agencyId))
  return shown.filter((r) => {
    for (let p = r.parentId, guard = 0; p != null && guard < 50; p = parentOf.get(p) ?? null, guard++) if (shownIds.has(p)) return false
    return true
  })
}

const ratesList: ExportList = {
  label: 'Tỷ lệ hoàn thành theo cơ quan',
  permission: 'rates.view',
  landscape: true,
  build(ctx) {
    const view = ratesView(ctx.db, ctx.user, ctx.url)
    if (view.errors.length) throw new ExportInputError(view.errors)
    const asOf = view.useSnapshot ? view.snapshotDay! : view.today
    const rows = view.rows.map((r, i) => ({
      stt: i + 1,
      agency: r.agencyId === view.parent?.agencyId ? `${r.name} (tổng, gồm đơn vị trực thuộc)` : r.name,
      assigned: r.total.assigned,
      doneOnTime: r.total.doneOnTime,
      doneLate: r.total.doneLate,
      inProgress: r.total.inProgress,
      overdue: r.total.overdue,
      standing: r.total.standing,
      completionRate: r.rates.completionRate,
      dueCompletionRate: r.rates.dueCompletionRate,
      onTimeRate: r.rates.onTimeRate,
      onTimeOriginalRate: r.onTimeOriginalRate,
    }))
    const counted = view.parent ? [view.parent] : disjointRows(view.rows, view.all)
    const sum = (f: (r: AgencyRateRow) => number) => counted.reduce((s, r) => s + f(r), 0)
    const totalCounts = {
      assigned: sum((r) => r.total.assigned),
      doneOnTime: sum((r) => r.total.doneOnTime),
      doneLate: sum((r) => r.total.doneLate),
      inProgress: sum((r) => r.total.inProgress),
      overdue: sum((r) => r.total.overdue),
      standing: sum((r) => r.total.standing),
    }
    const rates = computeRates(totalCounts)
    const completed = totalCounts.doneOnTime + totalCounts.doneLate
    const scope = AGENCY_KIND_LABELS[view.kind as keyof typeof AGENCY_KIND_LABELS]
      ? `Loại cơ quan: ${AGENCY_KIND_LABELS[view.kind as keyof typeof AGENCY_KIND_LABELS]}.`
      : view.parent
        ? `${view.parent.name} và các đơn vị trực thuộc.`
        : null
    const title = 'Tỷ lệ hoàn thành nhiệm vụ theo cơ quan'
    return {
      fileName: `Tỷ lệ hoàn thành theo cơ quan ${fileDate(asOf)}`,
      doc: {
        issuer: issuerFor(ctx.db, ctx.user),
        title,
        asOf,
        intro: [
          view.useSnapshot ? `Số liệu chốt ngày ${formatVnDate(asOf)}: không thay đổi khi nhiệm vụ được cập nhật sau đó.` : 'Số liệu trực tiếp, tính lại mỗi lần tải về.',
          ...(scope ? [scope] : []),
          ...(view.sort === 'overdue' ? [`Xếp hạng theo số nhiệm vụ quá hạn, nhiều nhất trước (${formatNumber(rows.length)} cơ quan).`] : []),
        ],
        tables: [
          {
            title,
            columns: RATE_COLUMNS,
            rows,
            totals: { ...totalCounts, completionRate: rates.completionRate, dueCompletionRate: rates.dueCompletionRate, onTimeRate: rates.onTimeRate, onTimeOriginalRate: completed ? sum((r) => r.total.doneOnTimeOriginal) / completed : null },
          },
        ],
        notes: [
          'Tỷ lệ hoàn thành = đã hoàn thành ÷ được giao (có thời hạn); hoàn thành trên số đến hạn = đã hoàn thành ÷ (đã hoàn thành + quá hạn); tỷ lệ đúng hạn = hoàn thành đúng hạn ÷ đã hoàn thành, theo hạn đã gia hạn và theo hạn gốc.',
          'Số liệu của cơ quan cấp trên gồm cả các đơn vị trực thuộc; nhiệm vụ của cơ quan đã sáp nhập tính cho cơ quan kế thừa. Dòng tổng cộng không tính trùng đơn vị trực thuộc đã có trong số liệu của cơ quan cấp trên.',
        ],
      },
    }
  },
}

/** The exportable lists by their name in the address (/export/NAME.xlsx). */
export const EXPORT_LISTS: Record<string, ExportList> = {
  tasks: tasksList,
  overdue: overdueTasksList,
  'overdue-agencies': overdueAgenciesList,
  rates: ratesList,
}
