// Period reports: for a quarter, half-year or year, the tasks due by group of agencies, rates, what is owed, who leads and lags.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Field, FormError } from '../components/ui'
import { formatNumber, formatPercent, formatRate } from '../domain/categories'
import { formatVnDate, todayInVietnam } from '../domain/dates'
import { PERIOD_CODE_LABELS, PERIOD_CODES } from '../domain/report-periods'
import { getDb, requireUser } from '../lib/http.server'
import { parsePeriodParams } from '../lib/period-params.server'
import { periodReport, type PerformerRow } from '../models/period-report.server'

export const meta: MetaFunction = () => [{ title: 'Báo cáo định kỳ — Đôn đốc' }]

const slim = (p: PerformerRow) => ({ code: p.code, name: p.name, assigned: p.counts.assigned, completed: p.rates.completed, overdue: p.counts.overdue, owed: p.owed })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'dashboard.view')
  const today = todayInVietnam()
  const url = new URL(request.url)
  const parsed = parsePeriodParams(url, today)
  const thisYear = Number(today.slice(0, 4))
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i)
  const base = { today, values: parsed.values, errors: parsed.errors, years, periods: PERIOD_CODES.map((c) => ({ code: c, label: PERIOD_CODE_LABELS[c] })) }
  if (!parsed.period) return json({ ...base, report: null }, { status: 400 })
  const r = periodReport(getDb(), parsed.period, today)
  return json({
    ...base,
    report: {
      label: r.period.label,
      from: r.period.from,
      to: r.period.to,
      asOf: r.asOf,
      query: `year=${r.period.year}&period=${r.period.code}`,
      summary: r.summary,
      total: { n: r.total.counts, completed: r.total.rates.completed, owed: r.total.owed, onTimeRate: r.total.rates.onTimeRate },
      groups: r.groups.map((g) => ({ key: g.key, label: g.label, agencies: g.agencies, n: g.counts, completed: g.rates.completed, owed: g.owed, onTimeRate: g.rates.onTimeRate, best: g.best.map(slim), worst: g.worst.map(slim) })),
    },
  })
}

export default function Reports() {
  const d = useLoaderData<typeof loader>()
  const r = d.report
  return (
    <>
      <h1>
        Báo cáo định kỳ {r ? <span className="muted small">{r.label} · số liệu tính đến ngày {formatVnDate(r.asOf)}</span> : null}
      </h1>
      <Form method="get" className="filters">
        <Field label="Kỳ báo cáo" name="period">
          <select id="f-period" name="period" defaultValue={d.values.period}>
            {d.periods.map((p) => (
              <option key={p.code} value={p.code}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Năm" name="year">
          <select id="f-year" name="year" defaultValue={d.values.year}>
            {d.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </Field>
        <div>
          <button type="submit">Xem</button>
        </div>
      </Form>
      {d.errors.map((e) => (
        <FormError key={e} message={e} />
      ))}
      {r ? (
        <>
          <p className="muted small">
            Nhiệm vụ được giao trong kỳ = nhiệm vụ có thời hạn (đã tính gia hạn được duyệt) trong khoảng {formatVnDate(r.from)} – {formatVnDate(r.to)}, không kể nhiệm vụ thường xuyên và nhiệm vụ đã hủy. Hoàn thành tính theo ngày hoàn thành được xác nhận, đến ngày {formatVnDate(r.asOf)}
            {r.asOf < r.to ? ' (kỳ chưa kết thúc)' : ' (ngày cuối kỳ)'}. Mỗi nhiệm vụ tính cho cơ quan chủ trì (cơ quan đã sáp nhập tính cho cơ quan kế thừa), theo nhóm của cơ quan đó. Tỷ lệ = đã hoàn thành ÷ được giao trong kỳ.
          </p>
          <p>
            <a href={`/reports/docx?${r.query}`} download>
              Tải dự thảo báo cáo (.docx)
            </a>
          </p>
          <h2>Tóm tắt</h2>
          <div className="report-summary" data-testid="report-summary">
            {r.summary.map((s, i) => (
              <p key={i}>{s}</p>
            ))}
          </div>
          <h2>Số liệu theo nhóm cơ quan</h2>
          <table data-testid="report-groups">
            <thead>
              <tr>
                <th>Nhóm cơ quan</th>
                <th className="num">Số cơ quan</th>
                <th className="num">Được giao trong kỳ</th>
                <th className="num">Đã hoàn thành</th>
                <th className="num">Trong đó đúng hạn</th>
                <th className="num">Tỷ lệ hoàn thành</th>
                <th className="num">Còn nợ</th>
                <th className="num">Trong đó quá hạn</th>
                <th className="num">Tỷ lệ đúng hạn</th>
              </tr>
            </thead>
            <tbody>
              {r.groups.map((g) => (
                <tr key={g.key}>
                  <td>{g.label}</td>
                  <td className="num">{formatNumber(g.agencies)}</td>
                  <td className="num">{formatNumber(g.n.assigned)}</td>
                  <td className="num">{formatNumber(g.completed)}</td>
                  <td className="num">{formatNumber(g.n.doneOnTime)}</td>
                  <td className="num">{formatPercent(g.completed, g.n.assigned)}</td>
                  <td className="num">{formatNumber(g.owed)}</td>
                  <td className="num">{formatNumber(g.n.overdue)}</td>
                  <td className="num">{formatRate(g.onTimeRate)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>Tổng cộng</th>
                <th className="num">{formatNumber(r.groups.reduce((s, g) => s + g.agencies, 0))}</th>
                <th className="num">{formatNumber(r.total.n.assigned)}</th>
                <th className="num">{formatNumber(r.total.completed)}</th>
                <th className="num">{formatNumber(r.total.n.doneOnTime)}</th>
                <th className="num">{formatPercent(r.total.completed, r.total.n.assigned)}</th>
                <th className="num">{formatNumber(r.total.owed)}</th>
                <th className="num">{formatNumber(r.total.n.overdue)}</th>
                <th className="num">{formatRate(r.total.onTimeRate)}</th>
              </tr>
            </tfoot>
          </table>
          <h2>Cơ quan hoàn thành tốt và còn chậm</h2>
          <table className="compact">
            <thead>
              <tr>
                <th>Nhóm</th>
                <th>Hoàn thành tốt (tỷ lệ cao nhất)</th>
                <th>Còn chậm (tỷ lệ thấp nhất, còn nợ)</th>
              </tr>
            </thead>
            <tbody>
              {r.groups.map((g) => (
                <tr key={g.key}>
                  <td>{g.label}</td>
                  <td>
                    {g.best.length === 0
                      ? '—'
                      : g.best.map((b, i) => (
                          <span key={b.code}>
                            {i ? '; ' : ''}
                            <Link to={`/tasks?agency=${encodeURIComponent(b.code)}&dueFrom=${formatVnDate(r.from)}&dueTo=${formatVnDate(r.to)}`}>{b.name}</Link> {formatNumber(b.completed)}/{formatNumber(b.assigned)} ({formatPercent(b.completed, b.assigned)})
                          </span>
                        ))}
                  </td>
                  <td>
                    {g.worst.length === 0
                      ? '—'
                      : g.worst.map((w, i) => (
                          <span key={w.code}>
                            {i ? '; ' : ''}
                            <Link to={`/tasks?agency=${encodeURIComponent(w.code)}&dueFrom=${formatVnDate(r.from)}&dueTo=${formatVnDate(r.to)}`}>{w.name}</Link> {formatNumber(w.completed)}/{formatNumber(w.assigned)} ({formatPercent(w.completed, w.assigned)}), còn nợ {formatNumber(w.owed)}
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  )
}
