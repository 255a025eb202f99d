// Admin: user accounts, and creating one with a generated password that must be changed at first login.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { agencies, ROLES, users } from '../../db/schema'
import { AgencyDatalist } from '../components/directive-form'
import { CsrfInput, Field, FormError } from '../components/ui'
import { ROLE_LABELS } from '../domain/permissions'
import { foldVietnamese } from '../domain/text'
import { agencyPickerOptions } from '../lib/agency-options.server'
import { failure, getDb, parseWith, readForm, requireUser } from '../lib/http.server'
import { generatePassword } from '../services/auth.server'
import { createUser } from '../services/users.server'

export const meta: MetaFunction = () => [{ title: 'Người dùng — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  const q = foldVietnamese(new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const rows = db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, agency: agencies.shortName, lockedUntil: users.lockedUntil })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.role), asc(users.email))
    .all()
    .filter((u) => !q || foldVietnamese(`${u.email} ${u.name} ${u.agency ?? ''}`).includes(q))
  const shown = rows.slice(0, 300)
  return json({ rows: shown, total: rows.length, q, agencyOptions: agencyPickerOptions(db), roles: ROLE_LABELS })
}

const CreateSchema = z.object({
  email: z.string().max(254),
  name: z.string().max(200),
  role: z.enum(ROLES, { errorMap: () => ({ message: 'Chọn vai trò.' }) }),
  agencyCode: z.string().trim().max(40).optional(),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  const form = await readForm(request, user)
  try {
    const input = parseWith(CreateSchema, form)
    const password = generatePassword()
    await createUser(getDb(), user.id, { ...input, agencyCode: input.agencyCode || null, password, mustChangePassword: true })
    return json({ ok: true as const, email: input.email.trim().toLowerCase(), password, fieldErrors: {} as Record<string, string>, formError: undefined })
  } catch (error) {
    return failure(error, { user, request })
  }
}

export default function AdminUsers() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const e = result && !result.ok ? result.fieldErrors : {}
  return (
    <>
      <h1>Người dùng</h1>
      <p>
        <Link to="/admin/roles">Xem vai trò và quyền hạn</Link>
      </p>
      {result?.ok ? (
        <p className="notice">
          Đã tạo tài khoản {result.email}. Mật khẩu tạm: <strong>{result.password}</strong> — chỉ hiển thị lần này; người dùng phải đổi ở lần đăng nhập đầu.
        </p>
      ) : null}
      <details className="card" open={Boolean(result && !result.ok)}>
        <summary>Tạo tài khoản</summary>
        <FormError message={result && !result.ok ? result.formError : undefined} />
        <Form method="post" className="stack">
          <CsrfInput />
          <div className="row">
            <Field label="E-mail" name="email" type="email" error={e.email} required />
            <Field label="Họ tên" name="name" error={e.name} required />
          </div>
          <div className="row">
            <Field label="Vai trò" name="role" error={e.role}>
              <select id="f-role" name="role" defaultValue="agency">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {d.roles[r]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Mã cơ quan (bắt buộc với cán bộ cơ quan)" name="agencyCode" list="agency-list" error={e.agencyCode} />
          </div>
          <AgencyDatalist id="agency-list" options={d.agencyOptions} />
          <div>
            <button type="submit">Tạo tài khoản</button>
          </div>
        </Form>
      </details>
      <Form method="get" className="filters">
        <Field label="Tìm theo e-mail, tên, cơ quan" name="q" defaultValue={d.q} />
        <div>
          <button type="submit">Tìm</button>
        </div>
      </Form>
      <p className="muted small">
        {d.total.toLocaleString('vi-VN')} tài khoản{d.total > d.rows.length ? `, hiển thị ${d.rows.length} đầu tiên` : ''}.
      </p>
      <table>
        <thead>
          <tr>
            <th>E-mail</th>
            <th>Họ tên</th>
            <th>Vai trò</th>
            <th>Cơ quan</th>
            <th>Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((u) => (
            <tr key={u.id}>
              <td>
                <Link to={`/admin/users/${u.id}`}>{u.email}</Link>
              </td>
              <td>{u.name}</td>
              <td>{d.roles[u.role]}</td>
              <td className="small">{u.agency ?? '—'}</td>
              <td className="small">{u.active ? 'Hoạt động' : 'Đã khóa'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
