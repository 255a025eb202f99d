// The thin layer between Remix and the services: who is asking, what they may do, and how errors become responses.
import { json, redirect } from '@remix-run/node'
import { ZodError, type z } from 'zod'
import { getDb } from '../../db/client'
import { can, type Permission } from '../domain/permissions'
import { getCurrentUser, redirectToLogin, assertCsrf, type CurrentUser } from '../services/auth.server'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors'
import { securityLog } from './security-log.server'

export { getDb }

export async function optionalUser(request: Request): Promise<CurrentUser | null> {
  return getCurrentUser(getDb(), request)
}

/** The signed-in user with the permission, or a redirect to the login page, or 403. */
export async function requireUser(request: Request, permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser(getDb(), request)
  if (!user) redirectToLogin(request)
  if (user.mustChangePassword && new URL(request.url).pathname !== '/change-password') throw redirect('/change-password')
  if (permission && !can(user.role, permission)) {
    securityLog('forbidden', { userId: user.id, role: user.role, permission, path: new URL(request.url).pathname, method: request.method })
    throw forbidden()
  }
  return user
}

export function forbidden(message = 'Bạn không có quyền truy cập trang hoặc thao tác này.'): Response {
  return new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

export function notFound(message = 'Không tìm thấy trang hoặc dữ liệu yêu cầu.'): Response {
  return new Response(message, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** Reads a POST's form data and checks its CSRF token before anything else. */
export async function readForm(request: Request, user: CurrentUser): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw new Response('Dữ liệu gửi lên không đọc được.', { status: 400 })
  }
  assertCsrf(user, form, request)
  return form
}

export type FieldErrors = Record<string, string>

export interface ActionFailure {
  ok: false
  formError?: string
  fieldErrors: FieldErrors
  intent?: string
  /** The existing directive a new one duplicates. */
  duplicateOf?: number
}

export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form'
    if (!out[key]) out[key] = issue.message
  }
  return out
}

export function parseWith<S extends z.ZodTypeAny>(schema: S, form: FormData | Record<string, unknown>): z.infer<S> {
  const data = form instanceof FormData ? formToObject(form) : form
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new ValidationError(fieldErrorsFromZod(parsed.error))
  return parsed.data
}

/** Form data as an object; repeated keys become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue
    if (key in out) {
      const prev = out[key]
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value]
    } else out[key] = value
  }
  return out
}

/**
 * Turns a service error into the response the page shows: field errors with 400, a conflict with 409, forbidden
 * (with a security log line) with 403, not found with 404. Anything else is a bug and propagates.
 */
export function failure(error: unknown, context: { user?: CurrentUser; request: Request; intent?: string }) {
  if (error instanceof ValidationError) {
    const duplicateOf = error.message.startsWith('duplicate:') ? Number(error.message.slice('duplicate:'.length)) : undefined
    return json<ActionFailure>({ ok: false, fieldErrors: error.fieldErrors, duplicateOf, intent: context.intent }, { status: 400 })
  }
  if (error instanceof ConflictError) return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: error.message, intent: context.intent }, { status: 409 })
  if (error instanceof ForbiddenError) {
    securityLog('forbidden', { userId: context.user?.id, role: context.user?.role, path: new URL(context.request.url).pathname, intent: context.intent, reason: error.message })
    throw forbidden(error.message)
  }
  if (error instanceof NotFoundError) throw notFound(error.message)
  throw error
}

export function parseId(value: string | undefined): number {
  const n = Number(value)
  if (!value || !/^\d{1,12}$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw notFound()
  return n
}
