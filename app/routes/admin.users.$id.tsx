// Admin: edit one account (role, agency, e-mails, active) or issue a new temporary password.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { ROLES, users } from '../../db/schema'
import { CsrfInput, Field, FormError } from '../components/ui'
import { ROLE_LABELS } from '../domain/permissions'
import { failure, getDb, notFound, parseId, parseWith, readForm, requireUser, type ActionFailure } from '../lib/http.server'
import { getAgency } from '../models/agency.server'
import { generatePassword } from '../services/auth.server'
import { resetPassword, updateUser } from '../services/users.server'

export const meta: MetaFunction = () => [{ title: 'Tài khoản — Đôn đốc' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  const u = db.select().from(users).where(eq(users.id, parseId(params.id))).get()
  if (!u) throw notFound('Không tìm thấy tài khoản.')
  return json({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    agencyCode: u.agencyId ? getAgency(db, u.agencyId)?.code ?? '' : '',
    extraEmails: u.extraEmails.join('\n'),
    active: u.active,
    roles: ROLE_LABELS,
  })
}

const EditSchema = z.object({
  email: z.string().max(254),
  name: z.string().max(200),
  role: z.enum(ROLES, { errorMap: () => ({ message: 'Chọn vai trò.' }) }),
  agencyCode: z.string().trim().max(40).default(''),
  extraEmails: z
    .string()
    .max(3000)
    .default('')
    .transform((v) =>
      v
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  active: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  const id = parseId(params.id)
  const form = await readForm(request, user)
  const intent = String(form.get('intent') ?? 'save')
  try {
    if (intent === 'reset') {
      const password = generatePassword()
      await resetPassword(getDb(), user.id, id, password)
      return json({ ok: true as const, message: `Mật khẩu tạm mới: ${password} — chỉ hiển thị lần này.`, fieldErrors: {} as Record<string, string>, formError: undefined })
    }
    const input = parseWith(EditSchema, form)
    if (id === user.id && (!input.active || input.role !== 'admin')) {
      return json<ActionFailure>({ ok: false, fieldErrors: { role: 'Không thể tự bỏ quyền quản trị hoặc tự khóa tài khoản của mình.' } }, { status: 400 })
    }
    updateUser(getDb(), user.id, id, { ...input, agencyCode: input.agencyCode || null })
    return json({ ok: true as const, message: 'Đã lưu.', fieldErrors: {} as Record<string, string>, formError: undefined })
  } catch (error) {
    return failure(error, { user, request, intent })
  }
}

export default function UserPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const e = result && !result.ok ? result.fieldErrors : {}
  return (
    <>
      <p className="small">
        <Link to="/admin/users">← Người dùng</Link>
      </p>
      <h1>{d.name}</h1>
      {result?.ok ? <p className="notice">{result.message}</p> : null}
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" className="stack card">
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        <div className="row">
          <Field label="E-mail đăng nhập" name="email" type="email" defaultValue={d.email} error={e.email} />
          <Field label="Họ tên" name="name" defaultValue={d.name} error={e.name} />
        </div>
        <div className="row">
          <Field label="Vai trò" name="role" error={e.role}>
            <select id="f-role" name="role" defaultValue={d.role}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {d.roles[r]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Mã cơ quan" name="agencyCode" defaultValue={d.agencyCode} error={e.agencyCode} />
        </div>
        <Field label="E-mail nhận thông báo khác (mỗi dòng một địa chỉ)" name="extraEmails" defaultValue={d.extraEmails} error={e.extraEmails} multiline />
        <label>
          <input type="checkbox" name="active" defaultChecked={d.active} /> Đang hoạt động
        </label>
        <div>
          <button type="submit">Lưu</button>
        </div>
      </Form>
      <Form method="post" className="card">
        <CsrfInput />
        <input type="hidden" name="intent" value="reset" />
        <p>Cấp mật khẩu tạm mới: các phiên đăng nhập hiện có bị chấm dứt, người dùng phải đổi mật khẩu ở lần đăng nhập sau.</p>
        <button type="submit" className="secondary">
          Cấp lại mật khẩu
        </button>
      </Form>
    </>
  )
}
