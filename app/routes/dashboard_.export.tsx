// Download of the dashboard figures (.xlsx or .docx) for the same scope and as-of date as the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { formatVnDate, todayInVietnam } from '../domain/dates'
import { toDocx } from '../exports/docx.server'
import { fileResponse } from '../exports/respond.server'
import { toXlsx } from '../exports/xlsx.server'
import { dashboardDocument } from '../lib/figure-documents.server'
import { issuerFor } from '../exports/lists.server'
import { parseScopeParams, scopeLabel } from '../lib/figure-params.server'
import { getDb, requireUser } from '../lib/http.server'
import { dashboardFor } from '../models/figures.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'dashboard.view')
  const db = getDb()
  const url = new URL(request.url)
  const format = url.searchParams.get('format')
  const today = todayInVietnam()
  const parsed = parseScopeParams(db, url, today)
  const errors = [...parsed.errors, ...(format === 'xlsx' || format === 'docx' ? [] : ['Định dạng tải về phải là xlsx hoặc docx.'])]
  if (!parsed.scope || errors.length) return new Response(errors.join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const dash = dashboardFor(db, parsed.scope, parsed.asOf, today)
  const doc = dashboardDocument(dash, scopeLabel(parsed.scope), issuerFor(db, user))
  const name = `Số liệu điều hành ngày ${formatVnDate(parsed.asOf).replace(/\//g, '-')}`
  return format === 'xlsx' ? fileResponse(await toXlsx(doc), name, 'xlsx') : fileResponse(await toDocx(doc, { landscape: true }), name, 'docx')
}
