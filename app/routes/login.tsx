// Sign-in with e-mail and password.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Field, FormError } from '../components/ui'
import { getDb, optionalUser } from '../lib/http.server'
import { login, serializeSessionCookie } from '../services/auth.server'

export const meta: MetaFunction = () => [{ title: 'Đăng nhập — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await optionalUser(request)
  if (user) throw redirect('/')
  return json({})
}

const LoginSchema = z.object({
  email: z.string().trim().min(1, 'Nhập e-mail.').max(254),
  password: z.string().min(1, 'Nhập mật khẩu.').max(200),
  redirectTo: z.string().optional(),
})

/** Only same-site paths, so the login page cannot be used to send people elsewhere. */
function safeRedirect(to: string | undefined): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return '/'
  return to
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LoginSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return json({ error: parsed.error.issues[0].message }, { status: 400 })
  const result = await login(getDb(), parsed.data.email, parsed.data.password)
  if (!result.ok) return json({ error: result.error }, { status: 401 })
  const to = result.mustChangePassword ? '/change-password' : safeRedirect(parsed.data.redirectTo)
  return redirect(to, { headers: { 'Set-Cookie': await serializeSessionCookie(request, result.sessionId) } })
}

export default function LoginPage() {
  const data = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="login card">
      <h1>Đăng nhập</h1>
      <FormError message={data?.error} />
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <Field label="E-mail" name="email" type="email" autoComplete="username" />
        <Field label="Mật khẩu" name="password" type="password" autoComplete="current-password" />
        <div>
          <button type="submit">Đăng nhập</button>
        </div>
      </Form>
    </div>
  )
}
