// The directive register: every directive the user may see, with its task figures.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { DIRECTIVE_STATUSES, type DirectiveStatus } from '../../db/schema'
import { DIRECTIVE_TYPES } from '../../db/reference/types'
import { Field, Pager } from '../components/ui'
import { formatNumber } from '../domain/categories'
import { formatVnDate, todayInVietnam } from '../domain/dates'
import { can } from '../domain/permissions'
import { DIRECTIVE_STATUS_LABELS, DIRECTIVE_TYPE_LABELS } from '../lib/forms'
import { getDb, requireUser } from '../lib/http.server'
import { listDirectives } from '../models/directive.server'

export const meta: MetaFunction = () => [{ title: 'Văn bản chỉ đạo — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'directive.view')
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 200)
  const statusParam = url.searchParams.get('status') ?? ''
  const status = (DIRECTIVE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as DirectiveStatus) : undefined
  const typeParam = url.searchParams.get('type') ?? ''
  const type = (DIRECTIVE_TYPES as readonly string[]).includes(typeParam) ? typeParam : undefined
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1)
  const result = listDirectives(getDb(), user, { q: q.trim() || undefined, status, type }, todayInVietnam(), page)
  return json({ ...result, q, status: status ?? '', type: type ?? '', canCreate: can(user.role, 'directive.edit') })
}

export default function Directives() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <div className="group-head">
        <h1>Văn bản chỉ đạo</h1>
        {d.canCreate ? (
          <span>
            <Link to="/directives/intake" className="button">
              Nhập từ văn bản
            </Link>{' '}
            <Link to="/directives/new" className="button secondary">
              + Nhập văn bản mới
            </Link>
          </span>
        ) : null}
      </div>
      <Form method="get" className="filters">
        <Field label="Tìm theo số, trích yếu, cơ quan ban hành" name="q" defaultValue={d.q} />
        <Field label="Loại" name="type">
          <select id="f-type" name="type" defaultValue={d.type}>
            <option value="">Tất cả</option>
            {DIRECTIVE_TYPES.map((t) => (
              <option key={t} value={t}>
                {DIRECTIVE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Trạng thái" name="status">
          <select id="f-status" name="status" defaultValue={d.status}>
            <option value="">Tất cả</option>
            {DIRECTIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {DIRECTIVE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <div>
          <button type="submit">Lọc</button>
        </div>
      </Form>
      <Pager page={d.page} pageCount={d.pageCount} total={d.total} unit="văn bản" />
      {d.rows.length === 0 ? (
        <p className="muted">Chưa có văn bản nào.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Số, ký hiệu</th>
              <th>Ngày</th>
              <th>Trích yếu</th>
              <th>Cơ quan ban hành</th>
              <th className="num">Nhiệm vụ</th>
              <th className="num">Hoàn thành</th>
              <th className="num">Quá hạn</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  <Link to={`/directives/${r.id}`}>{r.number}</Link>
                  <div className="muted small">{DIRECTIVE_TYPE_LABELS[r.type]}</div>
                </td>
                <td className="nowrap">{formatVnDate(r.issuedOn)}</td>
                <td>{r.title}</td>
                <td className="small">{r.issuer}</td>
                <td className="num">{formatNumber(r.taskCount)}</td>
                <td className="num">{formatNumber(r.doneCount)}</td>
                <td className="num">{r.overdueCount > 0 ? <Link to={`/tasks?directive=${r.id}&category=overdue`}>{formatNumber(r.overdueCount)}</Link> : 0}</td>
                <td className="small">{DIRECTIVE_STATUS_LABELS[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
