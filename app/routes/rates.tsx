// Leaders' view: completion and on-time rates per agency, with sub-agencies rolled up, computed as of today.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Field, FormError } from '../components/ui'
import { ExportLinks } from '../components/export-links'
import { formatNumber, formatRate } from '../domain/categories'
import { formatVnDate } from '../domain/dates'
import { getDb, requireUser } from '../lib/http.server'
import { ratesView, RANKING_SIZE } from '../lib/rates-view.server'
import { AGENCY_KIND_LABELS } from '../lib/agency-labels'

export const meta: MetaFunction = () => [{ title: 'Tỷ lệ theo cơ quan — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'rates.view')
  const db = getDb()
  const url = new URL(request.url)
  const { rows, today, snapshotDay, useSnapshot, kind, sort, parent, errors } = ratesView(db, user, url)
  // Only what the table shows: with hundreds of agencies the page's size is most of its cost.
  const table = rows.map((r) => ({
    id: r.agencyId,
    code: r.code,
    name: r.name,
    depth: r.depth,
    hasChildren: r.hasChildren,
    isParent: r.agencyId === parent?.agencyId,
    n: [r.total.assigned, r.total.doneOnTime, r.total.doneLate, r.total.inProgress, r.total.overdue, r.total.standing],
    rates: [r.rates.completionRate, r.rates.dueCompletionRate, r.rates.onTimeRate, r.onTimeOriginalRate],
  }))
  return json({ rows: table, today, snapshotDay, source: useSnapshot ? 'snapshot' : 'live', kind, sort, errors, parent: parent ? { code: parent.code, name: parent.name } : null, directive: url.searchParams.get('directive') ?? '', kinds: AGENCY_KIND_LABELS, rankingSize: RANKING_SIZE })
}

export default function Rates() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>
        Tỷ lệ hoàn thành theo cơ quan{' '}
        <span className="muted small">{d.source === 'snapshot' ? `số liệu chốt ngày ${formatVnDate(d.snapshotDay)}` : `tính đến ngày ${formatVnDate(d.today)}`}</span>
      </h1>
      <p className="small">
        {d.source === 'snapshot' ? (
          <Link to="/rates">Xem số liệu trực tiếp</Link>
        ) : d.snapshotDay ? (
          <Link to="/rates?source=snapshot">Xem số liệu chốt gần nhất (ngày {formatVnDate(d.snapshotDay)})</Link>
        ) : (
          <span className="muted">Chưa có số liệu chốt: việc chốt số liệu chạy lúc 00:15 hằng ngày.</span>
        )}
      </p>
      <p className="muted small">
        Tỷ lệ hoàn thành = đã hoàn thành ÷ được giao (có thời hạn); trên số đến hạn = đã hoàn thành ÷ (đã hoàn thành + quá hạn); đúng hạn = hoàn thành đúng hạn ÷ đã hoàn thành, theo hạn đã gia hạn và theo hạn gốc.
        Số liệu của cơ quan cấp trên gồm cả các đơn vị trực thuộc; nhiệm vụ của cơ quan đã sáp nhập tính cho cơ quan kế thừa.
      </p>
      {d.parent ? (
        <p>
          <Link to="/rates">← Tất cả</Link> · Đơn vị trực thuộc {d.parent.name}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <Field label="Loại cơ quan" name="kind">
          <select id="f-kind" name="kind" defaultValue={d.kind}>
            <option value="">Tất cả</option>
            {Object.entries(d.kinds).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sắp xếp" name="sort">
          <select id="f-sort" name="sort" defaultValue={d.sort}>
            <option value="tree">Theo cây cơ quan</option>
            <option value="overdue">Xếp hạng: nhiều quá hạn nhất trước ({d.rankingSize} cơ quan)</option>
          </select>
        </Field>
        {d.directive ? <input type="hidden" name="directive" value={d.directive} /> : null}
        {d.source === 'snapshot' ? <input type="hidden" name="source" value="snapshot" /> : null}
        <div>
          <button type="submit">Xem</button>
        </div>
      </Form>
      {d.errors.map((e) => (
        <FormError key={e} message={e} />
      ))}
      <ExportLinks lists="rates" />
      <table>
        <thead>
          <tr>
            <th>Cơ quan</th>
            <th className="num">Được giao</th>
            <th className="num">Đúng hạn</th>
            <th className="num">Quá hạn (đã xong)</th>
            <th className="num">Trong hạn</th>
            <th className="num">Quá hạn</th>
            <th className="num">Thường xuyên</th>
            <th className="num">Tỷ lệ hoàn thành</th>
            <th className="num">Trên số đến hạn</th>
            <th className="num">Đúng hạn</th>
            <th className="num">Đúng hạn gốc</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r.id}>
              <td style={{ paddingLeft: `${0.55 + (d.sort === 'tree' && !d.kind && !r.isParent && r.depth > 0 ? 1.2 : 0)}rem` }}>
                <Link to={`/tasks?agency=${r.code}`}>{r.isParent ? <strong>{r.name}</strong> : r.name}</Link>
                {r.isParent ? <span className="muted small"> (tổng, gồm đơn vị trực thuộc)</span> : null}
                {r.hasChildren && !r.isParent ? (
                  <>
                    {' '}
                    <Link className="small" to={`/rates?parent=${r.code}${d.directive ? `&directive=${d.directive}` : ''}${d.source === 'snapshot' ? '&source=snapshot' : ''}`}>
                      đơn vị trực thuộc →
                    </Link>
                  </>
                ) : null}
              </td>
              {r.n.map((value, i) => (
                <td key={i} className="num">
                  {i === 4 && value > 0 ? <Link to={`/tasks?agency=${r.code}&category=overdue`}>{formatNumber(value)}</Link> : formatNumber(value)}
                </td>
              ))}
              {r.rates.map((rate, i) => (
                <td key={i} className="num">
                  {formatRate(rate)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
