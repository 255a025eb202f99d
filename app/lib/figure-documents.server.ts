// The dashboard figures and the period report as export documents (rendered to .xlsx / .docx by app/exports).
import { COUNT_COLUMNS } from '../exports/columns'
import type { ExportColumn, ExportDocument } from '../exports/types'
import type { Dashboard } from '../models/figures.server'
import type { PeriodReport } from '../models/period-report.server'
import { formatVnDate } from '../domain/dates'

const SOURCE_NOTES = {
  live: 'Số liệu trực tiếp từ dữ liệu nhiệm vụ.',
  snapshot: 'Số liệu chốt trong ngày (không thay đổi khi nhiệm vụ được sửa sau này).',
  reconstructed:
    'Ngày này chưa có số liệu chốt: số liệu được dựng lại từ dữ liệu nhiệm vụ (tính từ ngày ban hành văn bản, theo thời hạn có hiệu lực ngày đó, hoàn thành theo ngày hoàn thành); nhiệm vụ hủy hoặc chuyển cơ quan sau ngày đó được tính theo hiện trạng.',
} as const


export function dashboardDocument(dash: Dashboard, scopeLabel: string, issuer: string): ExportDocument {
  const f = dash.figures
  const c = f.counts
  const rankRow = (r: Dashboard['byOverdue'][number], i: number) => ({
    rank: i + 1,
    agency: r.name,
    assigned: r.counts.assigned,
    completed: r.rates.completed,
    doneLate: r.counts.doneLate,
    overdue: r.counts.overdue,
    completionRate: r.rates.completionRate,
    onTimeRate: r.rates.onTimeRate,
  })
  const rankColumns: ExportColumn[] = [
    { key: 'rank', header: 'TT', kind: 'integer', width: 5 },
    { key: 'agency', header: 'Cơ quan', kind: 'text', width: 36 },
    { key: 'assigned', header: 'Được giao', kind: 'integer' },
    { key: 'completed', header: 'Đã hoàn thành', kind: 'integer' },
    { key: 'doneLate', header: 'Hoàn thành quá hạn', kind: 'integer' },
    { key: 'overdue', header: 'Quá hạn', kind: 'integer' },
    { key: 'completionRate', header: 'Tỷ lệ hoàn thành', kind: 'percent' },
    { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn', kind: 'percent' },
  ]
  return {
    issuer,
    title: `Số liệu theo dõi thực hiện nhiệm vụ — ${scopeLabel}`,
    asOf: f.day,
    intro: [
      `Tổng số nhiệm vụ được giao: ${c.assigned}; hoàn thành đúng hạn ${c.doneOnTime}, hoàn thành quá hạn ${c.doneLate}; đang thực hiện trong hạn ${c.inProgress}; quá hạn ${c.overdue}; thường xuyên ${c.standing}.`,
    ],
    tables: [
      {
        title: 'Số liệu và tỷ lệ',
        columns: [
          { key: 'figure', header: 'Chỉ tiêu', kind: 'text', width: 48 },
          { key: 'value', header: 'Số nhiệm vụ', kind: 'integer' },
          { key: 'rate', header: 'Tỷ lệ', kind: 'percent' },
        ],
        rows: [
          ...COUNT_COLUMNS.map((col) => ({ figure: col.header, value: c[col.key as keyof typeof c], rate: null })),
          { figure: 'Tỷ lệ hoàn thành (đã hoàn thành ÷ được giao có thời hạn)', value: f.rates.completed, rate: f.rates.completionRate },
          { figure: 'Tỷ lệ hoàn thành trên số đã đến hạn', value: f.rates.completed, rate: f.rates.dueCompletionRate },
          { figure: 'Tỷ lệ đúng hạn (đúng hạn ÷ đã hoàn thành)', value: c.doneOnTime, rate: f.rates.onTimeRate },
          { figure: 'Tỷ lệ đúng hạn theo hạn gốc (chưa tính gia hạn)', value: c.doneOnTimeOriginal, rate: f.onTimeOriginalRate },
        ],
      },
      {
        title: 'Diễn biến 12 tháng (cuối mỗi tháng)',
        columns: [
          { key: 'day', header: 'Ngày', kind: 'date', width: 12 },
          ...COUNT_COLUMNS,
          { key: 'completionRate', header: 'Tỷ lệ hoàn thành', kind: 'percent' },
          { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn', kind: 'percent' },
        ],
        rows: dash.trend.map((t) => ({ day: { date: t.day }, ...t.counts, completionRate: t.rates.completionRate, onTimeRate: t.rates.onTimeRate })),
      },
      { title: 'Cơ quan có tỷ lệ đúng hạn thấp nhất', columns: rankColumns, rows: dash.byOnTime.map(rankRow) },
      { title: 'Cơ quan có nhiều nhiệm vụ quá hạn nhất', columns: rankColumns, rows: dash.byOverdue.map(rankRow) },
    ],
    notes: [SOURCE_NOTES[f.source], 'Số liệu của cơ quan gồm cả các đơn vị trực thuộc; nhiệm vụ của cơ quan đã sáp nhập tính cho cơ quan kế thừa.'],
  }
}

export function periodReportDocument(r: PeriodReport, issuer: string): ExportDocument {
  const performers = (list: PeriodReport['groups'][number]['best']) => list.map((p) => `${p.name} (${p.rates.completed}/${p.counts.assigned})`).join('; ')
  return {
    issuer,
    title: `Báo cáo kết quả thực hiện nhiệm vụ ${r.period.label}`,
    asOf: r.asOf,
    intro: r.summary,
    tables: [
      {
        title: 'Số liệu theo nhóm cơ quan',
        columns: [
          { key: 'group', header: 'Nhóm cơ quan', kind: 'text', width: 34 },
          { key: 'assigned', header: 'Được giao trong kỳ', kind: 'integer' },
          { key: 'completed', header: 'Đã hoàn thành', kind: 'integer' },
          { key: 'doneOnTime', header: 'Trong đó đúng hạn', kind: 'integer' },
          { key: 'completionRate', header: 'Tỷ lệ hoàn thành', kind: 'percent' },
          { key: 'owed', header: 'Còn nợ', kind: 'integer' },
          { key: 'overdue', header: 'Trong đó quá hạn', kind: 'integer' },
        ],
        rows: r.groups.map((g) => ({ group: g.label, assigned: g.counts.assigned, completed: g.rates.completed, doneOnTime: g.counts.doneOnTime, completionRate: g.rates.completionRate, owed: g.owed, overdue: g.counts.overdue })),
        totals: { assigned: r.total.counts.assigned, completed: r.total.rates.completed, doneOnTime: r.total.counts.doneOnTime, completionRate: r.total.rates.completionRate, owed: r.total.owed, overdue: r.total.counts.overdue },
      },
      {
        title: 'Cơ quan hoàn thành tốt và còn chậm',
        columns: [
          { key: 'group', header: 'Nhóm cơ quan', kind: 'text', width: 28 },
          { key: 'best', header: 'Hoàn thành tốt (đã hoàn thành/được giao)', kind: 'text', width: 50 },
          { key: 'worst', header: 'Còn chậm (đã hoàn thành/được giao)', kind: 'text', width: 50 },
        ],
        rows: r.groups.map((g) => ({ group: g.label, best: performers(g.best) || '—', worst: performers(g.worst) || '—' })),
      },
    ],
    notes: [
      `Nhiệm vụ được giao trong kỳ: nhiệm vụ có thời hạn (đã tính gia hạn được duyệt) từ ngày ${formatVnDate(r.period.from)} đến ngày ${formatVnDate(r.period.to)}, không kể nhiệm vụ thường xuyên và nhiệm vụ đã hủy; tỷ lệ hoàn thành = đã hoàn thành ÷ được giao trong kỳ.`,
      'Dự thảo do hệ thống Đôn đốc lập từ số liệu theo dõi; văn phòng rà soát, chỉnh sửa trước khi trình ký.',
    ],
  }
}
