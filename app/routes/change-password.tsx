// Changing one's password; required at first login when the password was generated or set by an admin.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CsrfInput, Field, FormError } from '../components/ui'
import { getDb, readForm, requireUser } from '../lib/http.server'
import { PASSWORD_MIN_LENGTH } from '../lib/forms'
import { changePassword } from '../services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Đổi mật khẩu — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({ required: user.mustChangePassword })
}

const Schema = z
  .object({
    current: z.string().min(1, 'Nhập mật khẩu hiện tại.').max(200),
    next: z.string().min(PASSWORD_MIN_LENGTH, `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`).max(200, 'Mật khẩu quá dài.'),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { message: 'Nhập lại mật khẩu mới chưa khớp.', path: ['confirm'] })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await readForm(request, user)
  const parsed = Schema.safeParse(Object.fromEntries(form))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return json({ field: String(issue.path[0] ?? 'next'), error: issue.message }, { status: 400 })
  }
  const error = await changePassword(getDb(), user.id, parsed.data.current, parsed.data.next, user.sessionId)
  if (error) return json({ field: error.includes('hiện tại') ? 'current' : 'next', error }, { status: 400 })
  return redirect('/?notice=password')
}

export default function ChangePassword() {
  const { required } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const err = (f: string) => (data?.field === f ? data.error : undefined)
  return (
    <div className="login card">
      <h1>Đổi mật khẩu</h1>
      {required ? <p className="notice">Đây là lần đăng nhập đầu hoặc mật khẩu vừa được cấp lại: vui lòng đặt mật khẩu mới.</p> : null}
      <FormError message={data && !['current', 'next', 'confirm'].includes(data.field) ? data.error : undefined} />
      <Form method="post" className="stack">
        <CsrfInput />
        <Field label="Mật khẩu hiện tại" name="current" type="password" error={err('current')} autoComplete="current-password" />
        <Field label="Mật khẩu mới" name="next" type="password" error={err('next')} hint={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`} autoComplete="new-password" />
        <Field label="Nhập lại mật khẩu mới" name="confirm" type="password" error={err('confirm')} autoComplete="new-password" />
        <div>
          <button type="submit">Lưu mật khẩu mới</button>
        </div>
      </Form>
    </div>
  )
}
