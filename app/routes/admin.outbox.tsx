// Admin: the e-mail sent and waiting — when, to whom, what failed and why — with "send again now" for failures.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { and, desc, eq, sql } from 'drizzle-orm'
import { outbox, OUTBOX_STATUSES, type OutboxStatus } from '../../db/schema'
import { CsrfInput } from '../components/ui'
import { formatNumber } from '../domain/categories'
import { formatVnDateTime } from '../domain/dates'
import { getDb, parseId, readForm, requireUser } from '../lib/http.server'

export const meta: MetaFunction = () => [{ title: 'Thư đã gửi — Đôn đốc' }]

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'Chờ gửi', sent: 'Đã gửi', failed: 'Gửi thất bại' }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  const url = new URL(request.url)
  const statusParam = url.searchParams.get('status') ?? ''
  const status = (OUTBOX_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as OutboxStatus) : undefined
  const counts = Object.fromEntries(db.select({ status: outbox.status, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status).all().map((r) => [r.status, r.n]))
  const rows = db
    .select({ id: outbox.id, kind: outbox.kind, recipient: outbox.recipient, subject: outbox.subject, status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError, createdAt: outbox.createdAt, sentAt: outbox.sentAt, nextAttemptAt: outbox.nextAttemptAt })
    .from(outbox)
    .where(status ? eq(outbox.status, status) : undefined)
    .orderBy(desc(outbox.id))
    .limit(200)
    .all()
  return json({ rows, counts, status: status ?? '' })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  const form = await readForm(request, user)
  const id = parseId(String(form.get('id') ?? ''))
  const changed = getDb()
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: new Date().toISOString(), attempts: 0 })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .run().changes
  return json({ message: changed ? 'Đã đưa thư vào hàng chờ gửi lại.' : 'Thư không ở trạng thái thất bại.' })
}

export default function AdminOutbox() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <h1>Thư điện tử</h1>
      {result ? <p className="notice">{result.message}</p> : null}
      <p>
        <Link to="/admin/outbox">Tất cả</Link>
        {OUTBOX_STATUSES.map((s) => (
          <span key={s}>
            {' · '}
            <Link to={`/admin/outbox?status=${s}`}>
              {STATUS_LABELS[s]} ({formatNumber(d.counts[s] ?? 0)})
            </Link>
          </span>
        ))}
      </p>
      {d.rows.length === 0 ? <p className="muted">Chưa có thư nào.</p> : null}
      <table>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r.id}>
              <td className="small nowrap">{formatVnDateTime(r.createdAt)}</td>
              <td className="small">
                <code>{r.kind}</code>
              </td>
              <td className="small">{r.recipient}</td>
              <td>{r.subject}</td>
              <td className="small">
                {STATUS_LABELS[r.status]}
                {r.sentAt ? ` lúc ${formatVnDateTime(r.sentAt)}` : ''}
                {r.lastError ? <div className="delay">Lỗi (lần {r.attempts}): {r.lastError}</div> : null}
                {r.status === 'pending' && r.attempts > 0 ? <div className="muted">thử lại lúc {formatVnDateTime(r.nextAttemptAt)}</div> : null}
              </td>
              <td>
                {r.status === 'failed' ? (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="secondary">
                      Gửi lại
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
