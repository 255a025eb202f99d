// Admin: the background jobs — their schedules, last runs and outcomes — with "run now" and retry of failed jobs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { desc, eq } from 'drizzle-orm'
import { jobRuns } from '../../db/schema'
import { CsrfInput, FormError } from '../components/ui'
import { formatVnDateTime } from '../domain/dates'
import { getEnv } from '../lib/env.server'
import { getDb, readForm, requireUser } from '../lib/http.server'
import { createQueue, JOBS, nextRun, runJobNow, SCHEDULES } from '../lib/jobs.server'

export const meta: MetaFunction = () => [{ title: 'Việc định kỳ — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  const env = getEnv()
  const now = new Date()
  const schedules = SCHEDULES.map((s) => {
    const last = db.select().from(jobRuns).where(eq(jobRuns.job, s.job)).orderBy(desc(jobRuns.id)).limit(1).get()
    return { ...s, next: nextRun(s.cron, now).toISOString(), last: last ? { startedAt: last.startedAt, status: last.status, summary: last.summary, error: last.error } : null }
  })
  const recent = db.select().from(jobRuns).orderBy(desc(jobRuns.id)).limit(50).all()
  let failed: Array<{ id: string; name: string; reason: string; attempts: number; at: string }> = []
  let queueError: string | null = null
  if (env.REDIS_URL) {
    const queue = createQueue(env.REDIS_URL)
    try {
      failed = (await queue.getFailed(0, 49)).map((j) => ({ id: String(j.id), name: j.name, reason: j.failedReason, attempts: j.attemptsMade, at: new Date(j.finishedOn ?? j.timestamp).toISOString() }))
    } catch (error) {
      queueError = `Không kết nối được Redis: ${error instanceof Error ? error.message : String(error)}`
    } finally {
      await queue.close()
    }
  }
  const mode: keyof typeof MODE_LABELS = env.JOBS === 'off' ? 'off' : env.REDIS_URL ? 'bullmq' : 'inline'
  return json({ mode, schedules, recent, failed, queueError })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  const form = await readForm(request, user)
  const env = getEnv()
  const job = String(form.get('job') ?? '')
  const intent = String(form.get('intent') ?? '')
  if (intent === 'retry' && env.REDIS_URL) {
    const queue = createQueue(env.REDIS_URL)
    try {
      const found = await queue.getJob(String(form.get('id') ?? ''))
      if (!found) return json({ ok: false, message: 'Không tìm thấy việc cần chạy lại.' }, { status: 404 })
      await found.retry()
      return json({ ok: true, message: `Đã đưa việc "${found.name}" vào hàng đợi để chạy lại.` })
    } finally {
      await queue.close()
    }
  }
  if (!JOBS[job]) return json({ ok: false, message: 'Việc không hợp lệ.' }, { status: 400 })
  if (env.REDIS_URL) {
    const queue = createQueue(env.REDIS_URL)
    try {
      await queue.add(job, { requestedBy: user.id })
      return json({ ok: true, message: `Đã đưa việc "${job}" vào hàng đợi.` })
    } finally {
      await queue.close()
    }
  }
  try {
    const summary = await runJobNow(getDb(), job, new Date())
    return json({ ok: true, message: `Đã chạy "${job}": ${JSON.stringify(summary)}` })
  } catch (error) {
    return json({ ok: false, message: `Việc "${job}" thất bại: ${error instanceof Error ? error.message : String(error)}` }, { status: 500 })
  }
}

const MODE_LABELS = {
  off: 'Tắt (JOBS=off): không tiến trình nào của máy này chạy việc định kỳ.',
  bullmq: 'Qua BullMQ/Redis: tiến trình `npm run worker` xử lý các việc.',
  inline: 'Chạy trong tiến trình web, trên một luồng riêng (không có REDIS_URL): trang web vẫn phản hồi khi việc đang chạy.',
}

export default function AdminJobs() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <h1>Việc định kỳ</h1>
      <p className="muted">{MODE_LABELS[d.mode]}</p>
      {result ? result.ok ? <p className="notice">{result.message}</p> : <FormError message={result.message} /> : null}
      <FormError message={d.queueError} />
      <table>
        <thead>
          <tr>
            <th>Việc</th>
            <th>Lịch</th>
            <th>Lần chạy tới</th>
            <th>Lần chạy gần nhất</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {d.schedules.map((s) => (
            <tr key={s.job}>
              <td>
                <code>{s.job}</code>
              </td>
              <td className="small">{s.label}</td>
              <td className="small">{formatVnDateTime(s.next)}</td>
              <td className="small">
                {s.last ? (
                  <>
                    {formatVnDateTime(s.last.startedAt)} · {s.last.status === 'succeeded' ? 'thành công' : s.last.status === 'failed' ? <span className="delay">thất bại: {s.last.error}</span> : 'đang chạy'}
                    {s.last.summary ? <div className="muted">{JSON.stringify(s.last.summary)}</div> : null}
                  </>
                ) : (
                  <span className="muted">chưa chạy</span>
                )}
              </td>
              <td>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="job" value={s.job} />
                  <button type="submit" className="secondary">
                    Chạy ngay
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.failed.length ? (
        <>
          <h2>Việc thất bại trong hàng đợi</h2>
          <table>
            <tbody>
              {d.failed.map((f) => (
                <tr key={f.id}>
                  <td>
                    <code>{f.name}</code>
                  </td>
                  <td className="small">{formatVnDateTime(f.at)}</td>
                  <td className="small delay">
                    {f.reason} (đã thử {f.attempts} lần)
                  </td>
                  <td>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="id" value={f.id} />
                      <button type="submit">Chạy lại</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>Các lần chạy gần đây</h2>
      <table>
        <thead>
          <tr>
            <th>Việc</th>
            <th>Ngày số liệu</th>
            <th>Bắt đầu</th>
            <th>Kết quả</th>
          </tr>
        </thead>
        <tbody>
          {d.recent.map((r) => (
            <tr key={r.id}>
              <td>
                <code>{r.job}</code>
              </td>
              <td className="small">{r.asOf.split('-').reverse().join('/')}</td>
              <td className="small">{formatVnDateTime(r.startedAt)}</td>
              <td className="small">{r.status === 'failed' ? <span className="delay">{r.error}</span> : JSON.stringify(r.summary ?? {})}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
