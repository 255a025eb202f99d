// The calendar feed (iCal) behind a secret per-user link: /calendar/<token>.ics, for calendar programs to subscribe to.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { feedEvents } from '../lib/calendar-feed.server'
import { getDb } from '../lib/http.server'

function notFound(): Response {
  return new Response('Không tìm thấy lịch: liên kết không đúng hoặc đã bị thu hồi. Tạo liên kết mới ở trang "Lịch nhiệm vụ" của Đôn đốc.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const raw = params.token ?? ''
  if (!raw.endsWith('.ics')) return notFound()
  const feed = feedEvents(getDb(), raw.slice(0, -'.ics'.length), process.env.APP_URL ?? new URL(request.url).origin, request.headers.get('If-None-Match'))
  if (!feed) return notFound()
  const headers = { ETag: feed.etag, 'Cache-Control': 'private, max-age=300', 'X-Robots-Tag': 'noindex' }
  if (feed.notModified) return new Response(null, { status: 304, headers })
  return new Response(feed.body, {
    headers: { ...headers, 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="don-doc-lich-nhiem-vu.ics"' },
  })
}
