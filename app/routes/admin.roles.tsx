// Admin: the roles and what each may do, read from the same matrix the server enforces.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ROLES } from '../../db/schema'
import { PERMISSION_LABELS, PERMISSIONS, ROLE_LABELS, can, type Permission } from '../domain/permissions'
import { requireUser } from '../lib/http.server'

export const meta: MetaFunction = () => [{ title: 'Vai trò — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).map((p) => ({ key: p, label: PERMISSION_LABELS[p], roles: ROLES.map((r) => can(r, p)) }))
  return json({ roles: ROLES.map((r) => ROLE_LABELS[r]), permissions })
}

export default function Roles() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Vai trò và quyền hạn</h1>
      <p className="muted">
        Cán bộ cơ quan chỉ thấy và thao tác trên nhiệm vụ mà cơ quan mình chủ trì hoặc phối hợp; chỉ cơ quan chủ trì được đề nghị hoàn thành và gia hạn. Vai trò của từng người dùng đặt ở trang Người dùng.
      </p>
      <table>
        <thead>
          <tr>
            <th>Quyền</th>
            {d.roles.map((r) => (
              <th key={r}>{r}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.permissions.map((p) => (
            <tr key={p.key}>
              <td>{p.label}</td>
              {p.roles.map((ok, i) => (
                <td key={i}>{ok ? '✔' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
