// Per-directive progress: each accountable agency's tasks by category, with a stacked bar, totals and rates.
import { Link } from '@remix-run/react'
import type { CategoryCounts, Rates } from '../domain/categories'
import { formatNumber, formatPercent, formatRate } from '../domain/categories'

export interface ProgressRow {
  code: string
  name: string
  counts: CategoryCounts
  rates: Rates
}

/** A bar split by category, as long as the tasks with a deadline: solid done on time, hatched late, dotted running, dark overdue. */
export function StackBar({ counts }: { counts: CategoryCounts }) {
  const withDeadline = counts.assigned - counts.standing
  const parts: Array<[string, number, string]> = [
    ['s-ok', counts.doneOnTime, 'Hoàn thành đúng hạn'],
    ['s-late', counts.doneLate, 'Hoàn thành quá hạn'],
    ['s-run', counts.inProgress, 'Đang thực hiện trong hạn'],
    ['s-bad', counts.overdue, 'Quá hạn'],
  ]
  return (
    <span className="stackbar" role="img" aria-label={parts.map(([, n, l]) => `${l}: ${n}`).join('; ')}>
      {withDeadline === 0 ? null : parts.map(([cls, n, label]) => (n > 0 ? <span key={cls} className={cls} style={{ width: `${(n * 100) / withDeadline}%` }} title={`${label}: ${formatNumber(n)}`} /> : null))}
    </span>
  )
}

export function DirectiveProgress({ directiveId, rows, total, rates }: { directiveId: number; rows: ProgressRow[]; total: CategoryCounts; rates: Rates }) {
  if (rows.length === 0) return null
  const cells = (c: CategoryCounts) => [c.assigned, c.doneOnTime, c.doneLate, c.inProgress, c.overdue, c.standing]
  return (
    <section className="dir-progress" data-testid="directive-progress">
      <h2>Tiến độ theo cơ quan chủ trì</h2>
      <p className="muted small">
        Đã hoàn thành {formatNumber(rates.completed)}/{formatNumber(total.assigned - total.standing)} nhiệm vụ có thời hạn, đạt tỷ lệ {formatRate(rates.completionRate)}; đúng hạn {formatRate(rates.onTimeRate)} số đã hoàn thành; còn {formatNumber(total.overdue)} nhiệm vụ quá hạn. Thanh tiến độ: đặc = đúng hạn, gạch chéo = quá hạn (đã xong), chấm = trong hạn, sẫm = quá hạn.
      </p>
      <table className="compact">
        <thead>
          <tr>
            <th>Cơ quan chủ trì</th>
            <th className="num">Được giao</th>
            <th className="num">Đúng hạn</th>
            <th className="num">Quá hạn (đã xong)</th>
            <th className="num">Trong hạn</th>
            <th className="num">Quá hạn</th>
            <th className="num">Thường xuyên</th>
            <th>Tiến độ</th>
            <th className="num">Hoàn thành</th>
            <th className="num">Đúng hạn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>
                <Link to={`/tasks?directive=${directiveId}&agency=${encodeURIComponent(r.code)}`}>{r.name}</Link>
              </td>
              {cells(r.counts).map((n, i) => (
                <td key={i} className="num">
                  {i === 4 && n > 0 ? <Link to={`/tasks?directive=${directiveId}&agency=${encodeURIComponent(r.code)}&category=overdue`}>{formatNumber(n)}</Link> : formatNumber(n)}
                </td>
              ))}
              <td>
                <StackBar counts={r.counts} />
              </td>
              <td className="num">{formatPercent(r.rates.completed, r.counts.assigned - r.counts.standing)}</td>
              <td className="num">{formatRate(r.rates.onTimeRate)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>Tổng cộng</th>
            {cells(total).map((n, i) => (
              <th key={i} className="num">
                {formatNumber(n)}
              </th>
            ))}
            <th>
              <StackBar counts={total} />
            </th>
            <th className="num">{formatRate(rates.completionRate)}</th>
            <th className="num">{formatRate(rates.onTimeRate)}</th>
          </tr>
        </tfoot>
      </table>
    </section>
  )
}
