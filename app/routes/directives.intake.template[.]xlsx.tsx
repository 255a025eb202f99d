// GET /directives/intake/template.xlsx: the Excel template for task lists, for the staff who register directives.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '../lib/http.server'
import { buildTemplate } from '../intake/template.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'directive.edit')
  const bytes = await buildTemplate()
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="mau-danh-muc-nhiem-vu.xlsx"; filename*=UTF-8''${encodeURIComponent('mẫu-danh-mục-nhiệm-vụ.xlsx')}`,
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, no-store',
    },
  })
}
