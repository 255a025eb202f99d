// Sign-out: revokes the session in the database and clears the cookie.
import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getDb, readForm } from '../lib/http.server'
import { getCurrentUser, logout, serializeSessionCookie } from '../services/auth.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getCurrentUser(getDb(), request)
  if (user) {
    await readForm(request, user)
    logout(getDb(), user.sessionId)
  }
  return redirect('/login', { headers: { 'Set-Cookie': await serializeSessionCookie(request, '', { maxAge: 0 }) } })
}
