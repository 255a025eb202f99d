// Admin: the agency tree, with codes, kinds, validity and successors.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Field } from '../components/ui'
import { formatVnDate } from '../domain/dates'
import { foldVietnamese } from '../domain/text'
import { getDb, requireUser } from '../lib/http.server'
import { aliasesOf, listAgencies } from '../models/agency.server'
import { AGENCY_KIND_LABELS } from '../lib/agency-labels'

export const meta: MetaFunction = () => [{ title: 'Quản lý cơ quan — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  const q = foldVietnamese(new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const all = listAgencies(db, { includeInactive: true })
  const byId = new Map(all.map((a) => [a.id, a]))
  const rows = all
    .map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      shortName: a.shortName,
      kind: AGENCY_KIND_LABELS[a.kind] ?? a.kind,
      depth: a.path.split('/').filter(Boolean).length - 1,
      active: a.active,
      validTo: a.validTo,
      successor: a.successorId ? byId.get(a.successorId)?.shortName ?? null : null,
      aliases: aliasesOf(db, a.id).filter((x) => x !== a.name && x !== a.shortName),
      emails: a.emails,
    }))
    .filter((a) => !q || foldVietnamese(`${a.code} ${a.name} ${a.shortName} ${a.aliases.join(' ')}`).includes(q))
  return json({ rows, q })
}

export default function AdminAgencies() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <div className="group-head">
        <h1>Cơ quan, đơn vị</h1>
        <Link to="/admin/agencies/new" className="button">
          + Thêm cơ quan
        </Link>
      </div>
      <Form method="get" className="filters">
        <Field label="Tìm theo mã, tên, tên viết tắt" name="q" defaultValue={d.q} />
        <div>
          <button type="submit">Tìm</button>
        </div>
      </Form>
      <table>
        <thead>
          <tr>
            <th>Tên</th>
            <th>Mã</th>
            <th>Loại</th>
            <th>Tên gọi khác, viết tắt</th>
            <th>E-mail liên hệ</th>
            <th>Hiệu lực</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((a) => (
            <tr key={a.id}>
              <td style={{ paddingLeft: `${0.55 + a.depth * 1.2}rem` }}>
                <Link to={`/admin/agencies/${a.id}`}>{a.shortName}</Link>
              </td>
              <td className="nowrap">{a.code}</td>
              <td className="small">{a.kind}</td>
              <td className="small">{a.aliases.join('; ')}</td>
              <td className="small">{a.emails.join(', ')}</td>
              <td className="small">
                {a.active ? 'Đang hoạt động' : <span className="muted">Ngừng {a.validTo ? `từ ${formatVnDate(a.validTo)}` : ''}</span>}
                {a.successor ? <div className="muted">→ {a.successor}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
