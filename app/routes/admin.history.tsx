// Admin: verifies the hash chain of the whole history and names the first broken entry.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { sql } from 'drizzle-orm'
import { historyEntries } from '../../db/schema'
import { CsrfInput } from '../components/ui'
import { formatNumber } from '../domain/categories'
import { formatVnDateTime } from '../domain/dates'
import { getDb, readForm, requireUser } from '../lib/http.server'
import { verifyHistoryChain } from '../services/history.server'

export const meta: MetaFunction = () => [{ title: 'Toàn vẹn lịch sử — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const count = getDb().select({ n: sql<number>`count(*)` }).from(historyEntries).get()?.n ?? 0
  return json({ count })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  await readForm(request, user)
  const started = Date.now()
  const report = verifyHistoryChain(getDb())
  return json({ ...report, ms: Date.now() - started, at: new Date().toISOString() })
}

export default function HistoryIntegrity() {
  const d = useLoaderData<typeof loader>()
  const r = useActionData<typeof action>()
  return (
    <>
      <h1>Toàn vẹn lịch sử thay đổi</h1>
      <p>
        Lịch sử gồm {formatNumber(d.count)} bản ghi. Mỗi bản ghi mang mã băm của bản ghi trước: sửa hoặc xóa bất kỳ bản ghi nào đều làm đứt chuỗi.
      </p>
      <Form method="post">
        <CsrfInput />
        <button type="submit">Kiểm tra toàn bộ chuỗi</button>
      </Form>
      {r ? (
        r.ok ? (
          <p className="notice" role="status">
            Chuỗi nguyên vẹn: đã kiểm tra {formatNumber(r.checked)} bản ghi lúc {formatVnDateTime(r.at)} ({formatNumber(r.ms)} ms).
          </p>
        ) : (
          <div className="form-error" role="alert">
            Chuỗi bị đứt tại bản ghi số {r.firstBroken?.id}: {r.firstBroken?.reason} (đã kiểm tra {formatNumber(r.checked)} bản ghi).
          </div>
        )
      ) : null}
    </>
  )
}
