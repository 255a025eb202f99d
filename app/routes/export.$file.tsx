// Downloads of the lists as .xlsx or .docx (/export/tasks.xlsx?…the page's filters): same filters and scope as the page.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayInVietnam } from '../domain/dates'
import { toDocx } from '../exports/docx.server'
import { EXPORT_LISTS, ExportInputError } from '../exports/lists.server'
import { fileResponse } from '../exports/respond.server'
import { toXlsx } from '../exports/xlsx.server'
import { getDb, notFound, requireUser } from '../lib/http.server'

const FILE_RE = /^([a-z-]{1,40})\.(xlsx|docx)$/

export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = FILE_RE.exec(params.file ?? '')
  const list = match && Object.hasOwn(EXPORT_LISTS, match[1]) ? EXPORT_LISTS[match[1]] : undefined
  if (!match || !list) throw notFound('Không có danh sách hoặc định dạng tệp này để tải về. Các định dạng hỗ trợ: .xlsx (Excel) và .docx (Word).')
  const format = match[2] as 'xlsx' | 'docx'
  const user = await requireUser(request, list.permission)
  try {
    const { doc, fileName } = list.build({ db: getDb(), user, url: new URL(request.url), asOf: todayInVietnam(), format })
    const bytes = format === 'xlsx' ? await toXlsx(doc) : await toDocx(doc, { landscape: list.landscape })
    return fileResponse(bytes, fileName, format)
  } catch (error) {
    if (error instanceof ExportInputError) {
      return new Response(`Không tải được danh sách: ${error.messages.join(' ')}`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
    }
    throw error
  }
}
