// The leaders' dashboard: a scope's figures as of a date, the 12-month trend, and the agencies ranked worst first.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { desc } from 'drizzle-orm'
import { directives } from '../../db/schema'
import { AgencyInput } from '../components/agency-input'
import { CategoryBar, TrendChart } from '../components/charts'
import { Field, FormError } from '../components/ui'
import { formatNumber, formatRate } from '../domain/categories'
import { formatVnDate, todayInVietnam } from '../domain/dates'
import { parseScopeParams, scopeLabel } from '../lib/figure-params.server'
import { getDb, requireUser } from '../lib/http.server'
import { dashboardFor, type AgencyFigures, type Figures } from '../models/figures.server'

export const meta: MetaFunction = () => [{ title: 'Bảng điều hành — Đôn đốc' }]

const SOURCE_LABELS = {
  live: 'số liệu trực tiếp',
  snapshot: 'số liệu chốt trong ngày',
  reconstructed: 'dựng lại từ dữ liệu nhiệm vụ',
} as const

function monthLabel(day: string, isLast: boolean): string {
  const [y, m, d] = day.split('-')
  return isLast ? `${d}/${m}` : `T${Number(m)}/${y.slice(2)}`
}

function figureRow(f: Figures, isLast: boolean) {
  return {
    day: f.day,
    label: monthLabel(f.day, isLast),
    source: f.source,
    n: f.counts,
    completed: f.rates.completed,
    completionRate: f.rates.completionRate,
    dueCompletionRate: f.rates.dueCompletionRate,
    onTimeRate: f.rates.onTimeRate,
    onTimeOriginalRate: f.onTimeOriginalRate,
  }
}

function rankRow(r: AgencyFigures) {
  return { code: r.code, name: r.name, assigned: r.counts.assigned, completed: r.rates.completed, doneLate: r.counts.doneLate, overdue: r.counts.overdue, onTimeRate: r.rates.onTimeRate, completionRate: r.rates.completionRate }
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'dashboard.view')
  const db = getDb()
  const url = new URL(request.url)
  const today = todayInVietnam()
  const parsed = parseScopeParams(db, url, today)
  const recentDirectives = db.select({ id: directives.id, number: directives.number, title: directives.title }).from(directives).orderBy(desc(directives.issuedOn), desc(directives.id)).limit(40).all()
  const base = { today, values: parsed.values, errors: parsed.errors, recentDirectives }
  if (!parsed.scope) return json({ ...base, result: null }, { status: 400 })
  const dash = dashboardFor(db, parsed.scope, parsed.asOf, today)
  const scope = parsed.scope
  // Filters the linked lists understand: the agency subtree or the directive.
  const listQuery = scope.kind === 'agency' ? `agency=${encodeURIComponent(scope.agency.code)}` : scope.kind === 'directive' ? `directive=${scope.directive.id}` : ''
  return json({
    ...base,
    result: {
      asOf: parsed.asOf,
      isToday: parsed.asOf === today,
      scopeLabel: scopeLabel(scope),
      scopeKind: scope.kind,
      listQuery,
      exportQuery: new URLSearchParams({ scope: scope.kind, ...(scope.kind === 'agency' ? { agency: scope.agency.code } : {}), ...(scope.kind === 'directive' ? { directive: String(scope.directive.id) } : {}), asOf: formatVnDate(parsed.asOf) }).toString(),
      directiveId: scope.kind === 'directive' ? scope.directive.id : null,
      current: figureRow(dash.figures, true),
      trend: dash.trend.map((f, i) => figureRow(f, i === dash.trend.length - 1)),
      byOnTime: dash.byOnTime.map(rankRow),
      byOverdue: dash.byOverdue.map(rankRow),
      rankedAgencies: dash.rankedAgencies,
    },
  })
}

function withQuery(path: string, ...parts: string[]): string {
  const q = parts.filter(Boolean).join('&')
  return q ? `${path}?${q}` : path
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>()
  const r = d.result
  return (
    <>
      <h1>
        Bảng điều hành{' '}
        {r ? (
          <span className="muted small">
            {r.scopeLabel} · tính đến ngày {formatVnDate(r.asOf)}
          </span>
        ) : null}
      </h1>
      <Form method="get" className="filters dash-filters">
        <Field label="Phạm vi" name="scope">
          <select id="f-scope" name="scope" defaultValue={['system', 'agency', 'directive'].includes(d.values.scope) ? d.values.scope : 'system'}>
            <option value="system">Toàn hệ thống</option>
            <option value="agency">Một cơ quan (gồm đơn vị trực thuộc)</option>
            <option value="directive">Một văn bản chỉ đạo</option>
          </select>
        </Field>
        <Field label="Cơ quan" name="agency">
          <AgencyInput name="agency" defaultValue={d.values.agency} />
        </Field>
        <Field label="Văn bản (số, ký hiệu)" name="directive">
          <input id="f-directive" name="directive" defaultValue={d.values.directive} list="recent-directives" placeholder="Ví dụ 44/TB-VPCP" autoComplete="off" />
        </Field>
        <datalist id="recent-directives">
          {d.recentDirectives.map((x) => (
            <option key={x.id} value={x.number}>
              {x.title}
            </option>
          ))}
        </datalist>
        <Field label="Tính đến ngày" name="asOf">
          <input id="f-asOf" name="asOf" defaultValue={d.values.asOf || formatVnDate(d.today)} placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Field>
        <div>
          <button type="submit">Xem</button>
        </div>
      </Form>
      {d.errors.map((e) => (
        <FormError key={e} message={e} />
      ))}
      {r ? <DashboardBody r={r} /> : null}
    </>
  )
}

type Result = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['result']>

function DashboardBody({ r }: { r: Result }) {
  const c = r.current
  const tiles: Array<{ key: string; label: string; value: number; category?: string; tone?: string }> = [
    { key: 'assigned', label: 'Nhiệm vụ được giao', value: c.n.assigned },
    { key: 'doneOnTime', label: 'Hoàn thành đúng hạn', value: c.n.doneOnTime, category: 'done_on_time', tone: 'ok' },
    { key: 'doneLate', label: 'Hoàn thành quá hạn', value: c.n.doneLate, category: 'done_late' },
    { key: 'inProgress', label: 'Đang thực hiện trong hạn', value: c.n.inProgress, category: 'in_progress' },
    { key: 'overdue', label: 'Quá hạn', value: c.n.overdue, category: 'overdue', tone: 'bad' },
    { key: 'standing', label: 'Thường xuyên (không thời hạn)', value: c.n.standing, category: 'standing' },
  ]
  return (
    <>
      <p className="muted small source-note">
        Nguồn: {SOURCE_LABELS[c.source]}
        {c.source === 'reconstructed'
          ? '. Ngày này chưa có số liệu chốt, nên số liệu được dựng lại: nhiệm vụ tính từ ngày ban hành văn bản; thời hạn là thời hạn có hiệu lực ngày đó (gia hạn duyệt sau ngày đó không tính); hoàn thành tính theo ngày hoàn thành. Không dựng lại được: nhiệm vụ bị hủy sau ngày đó (không tính), kết quả được xác nhận sau ngày đó nhưng ghi ngày hoàn thành trước đó (tính là đã hoàn thành), nhiệm vụ đã chuyển cơ quan (tính cho cơ quan hiện tại).'
          : c.source === 'snapshot'
            ? ': số liệu được chốt lúc 00:15 ngày đó, không thay đổi khi nhiệm vụ được sửa sau này.'
            : '.'}
      </p>
      <p className="small exports">
        Tải về: <a href={`/dashboard/export?format=xlsx&${r.exportQuery}`} download>Excel (.xlsx)</a> · <a href={`/dashboard/export?format=docx&${r.exportQuery}`} download>Word (.docx)</a>
      </p>
      <div className="cards dash-tiles" data-testid="tiles">
        {tiles.map((t) => {
          const body = (
            <>
              <span className="n" data-figure={t.key}>
                {formatNumber(t.value)}
              </span>
              <span className="l">{t.label}</span>
            </>
          )
          return r.isToday && t.key !== 'assigned' ? (
            <Link key={t.key} className={`stat ${t.tone ?? ''}`} to={withQuery('/tasks', r.listQuery, `category=${t.category}`)}>
              {body}
            </Link>
          ) : r.isToday ? (
            <Link key={t.key} className="stat" to={withQuery('/tasks', r.listQuery)}>
              {body}
            </Link>
          ) : (
            <div key={t.key} className={`stat ${t.tone ?? ''}`}>
              {body}
            </div>
          )
        })}
      </div>
      <div className="cards dash-rates" data-testid="rates">
        <div className="stat">
          <span className="n" data-figure="completionRate">
            {formatRate(c.completionRate)}
          </span>
          <span className="l">
            Tỷ lệ hoàn thành: {formatNumber(c.completed)}/{formatNumber(c.n.assigned - c.n.standing)} nhiệm vụ có thời hạn
          </span>
        </div>
        <div className="stat">
          <span className="n" data-figure="dueCompletionRate">
            {formatRate(c.dueCompletionRate)}
          </span>
          <span className="l">
            Trên số đã đến hạn: {formatNumber(c.completed)}/{formatNumber(c.completed + c.n.overdue)}
          </span>
        </div>
        <div className="stat">
          <span className="n" data-figure="onTimeRate">
            {formatRate(c.onTimeRate)}
          </span>
          <span className="l">
            Tỷ lệ đúng hạn: {formatNumber(c.n.doneOnTime)}/{formatNumber(c.completed)} đã hoàn thành
          </span>
        </div>
        <div className="stat">
          <span className="n" data-figure="onTimeOriginalRate">
            {formatRate(c.onTimeOriginalRate)}
          </span>
          <span className="l">Đúng hạn theo hạn gốc (chưa tính gia hạn)</span>
        </div>
      </div>

      <h2>Cơ cấu nhiệm vụ theo tình trạng</h2>
      <CategoryBar
        title={`Cơ cấu ${formatNumber(c.n.assigned)} nhiệm vụ theo tình trạng`}
        segments={[
          { key: 'doneOnTime', label: 'Hoàn thành đúng hạn', value: c.n.doneOnTime },
          { key: 'doneLate', label: 'Hoàn thành quá hạn', value: c.n.doneLate },
          { key: 'inProgress', label: 'Đang thực hiện trong hạn', value: c.n.inProgress },
          { key: 'overdue', label: 'Quá hạn', value: c.n.overdue },
          { key: 'standing', label: 'Thường xuyên', value: c.n.standing },
        ]}
      />

      <h2>Xu hướng 12 tháng</h2>
      <div className="trend">
        <TrendChart title="Tỷ lệ hoàn thành và tỷ lệ đúng hạn, cuối mỗi tháng" points={r.trend.map((p) => ({ label: p.label, completionRate: p.completionRate, onTimeRate: p.onTimeRate }))} />
        <table className="compact trend-table" data-testid="trend-table">
          <thead>
            <tr>
              <th>Ngày</th>
              <th className="num">Được giao</th>
              <th className="num">Đã hoàn thành</th>
              <th className="num">Quá hạn</th>
              <th className="num">Hoàn thành</th>
              <th className="num">Đúng hạn</th>
            </tr>
          </thead>
          <tbody>
            {r.trend.map((p) => (
              <tr key={p.day}>
                <td>
                  {formatVnDate(p.day)}
                  {p.source === 'snapshot' ? <span className="muted small"> (chốt)</span> : null}
                </td>
                <td className="num">{formatNumber(p.n.assigned)}</td>
                <td className="num">{formatNumber(p.completed)}</td>
                <td className="num">{formatNumber(p.n.overdue)}</td>
                <td className="num">{formatRate(p.completionRate)}</td>
                <td className="num">{formatRate(p.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="rankings">
        <section>
          <h2>Tỷ lệ đúng hạn thấp nhất</h2>
          <RankTable rows={r.byOnTime} r={r} mode="onTime" />
        </section>
        <section>
          <h2>Nhiều nhiệm vụ quá hạn nhất</h2>
          <RankTable rows={r.byOverdue} r={r} mode="overdue" />
        </section>
      </div>
      <p className="muted small">
        Xếp hạng {r.scopeKind === 'agency' ? 'các đơn vị trực thuộc' : 'các bộ, ngành, địa phương (cấp trên cùng, gồm đơn vị trực thuộc)'} trong số {formatNumber(r.rankedAgencies)} cơ quan có nhiệm vụ; tên cơ quan dẫn tới danh sách nhiệm vụ hiện tại của cơ quan đó.
      </p>
    </>
  )
}

function RankTable({ rows, r, mode }: { rows: Array<ReturnType<typeof rankRow>>; r: Result; mode: 'onTime' | 'overdue' }) {
  if (rows.length === 0) return <p className="muted">{mode === 'overdue' ? 'Không có cơ quan nào có nhiệm vụ quá hạn.' : 'Chưa có cơ quan nào có nhiệm vụ đã hoàn thành.'}</p>
  const directive = r.directiveId ? `directive=${r.directiveId}` : ''
  return (
    <table className="compact" data-testid={`rank-${mode}`}>
      <thead>
        <tr>
          <th>#</th>
          <th>Cơ quan</th>
          {mode === 'onTime' ? (
            <>
              <th className="num">Đã hoàn thành</th>
              <th className="num">Quá hạn (đã xong)</th>
              <th className="num">Đúng hạn</th>
            </>
          ) : (
            <>
              <th className="num">Được giao</th>
              <th className="num">Quá hạn</th>
              <th className="num">Hoàn thành</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((x, i) => (
          <tr key={x.code}>
            <td>{i + 1}</td>
            <td>
              <Link to={mode === 'overdue' ? withQuery('/overdue', `agency=${encodeURIComponent(x.code)}`, directive) : withQuery('/tasks', `agency=${encodeURIComponent(x.code)}`, directive, 'category=done_late')}>{x.name}</Link>
            </td>
            {mode === 'onTime' ? (
              <>
                <td className="num">{formatNumber(x.completed)}</td>
                <td className="num">{formatNumber(x.doneLate)}</td>
                <td className="num">{formatRate(x.onTimeRate)}</td>
              </>
            ) : (
              <>
                <td className="num">{formatNumber(x.assigned)}</td>
                <td className="num">{formatNumber(x.overdue)}</td>
                <td className="num">{formatRate(x.completionRate)}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
