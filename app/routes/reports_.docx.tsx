// Download of the period report as an editable Word draft.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayInVietnam } from '../domain/dates'
import { toDocx } from '../exports/docx.server'
import { fileResponse } from '../exports/respond.server'
import { periodReportDocument } from '../lib/figure-documents.server'
import { issuerFor } from '../exports/lists.server'
import { getDb, requireUser } from '../lib/http.server'
import { parsePeriodParams } from '../lib/period-params.server'
import { periodReport } from '../models/period-report.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'dashboard.view')
  const db = getDb()
  const today = todayInVietnam()
  const parsed = parsePeriodParams(new URL(request.url), today)
  if (!parsed.period) return new Response(parsed.errors.join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const report = periodReport(db, parsed.period, today)
  const bytes = await toDocx(periodReportDocument(report, issuerFor(db, user)), { landscape: false })
  return fileResponse(bytes, `Dự thảo báo cáo ${parsed.period.label.replace(/\//g, '-')}`, 'docx')
}
