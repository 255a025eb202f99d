// The task list: every filter in the query string, so a filtered list can be bookmarked and sent by e-mail.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AgencyInput } from '../components/agency-input'
import { ExportLinks } from '../components/export-links'
import { TaskTable } from '../components/task-table'
import { Field, FormError, Pager } from '../components/ui'
import { CATEGORY_LABELS, TASK_CATEGORIES } from '../domain/categories'
import { todayInVietnam } from '../domain/dates'
import { getDb, requireUser } from '../lib/http.server'
import { parseTaskFilters } from '../lib/task-filters.server'
import { BROAD_SEARCH_MATCHES, listTasks } from '../models/task.server'

export const meta: MetaFunction = () => [{ title: 'Nhiệm vụ — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const { filters, values, errors, page } = parseTaskFilters(db, new URL(request.url))
  const today = todayInVietnam()
  const result = errors.length ? { rows: [], total: 0, hasMore: false, page: 1, pageCount: 1 } : listTasks(db, user, filters, today, page)
  return json({ ...result, values, errors, isAgency: user.role === 'agency', uncounted: `Hơn ${BROAD_SEARCH_MATCHES.toLocaleString('vi-VN')} nhiệm vụ khớp — thêm từ hoặc bộ lọc để thu hẹp` })
}

export default function TaskList() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Nhiệm vụ</h1>
      <Form method="get" className="filters">
        <Field label="Tìm kiếm" name="q" defaultValue={d.values.q} placeholder="Nội dung, số văn bản, cơ quan… (không cần dấu)" />
        {d.isAgency ? null : (
          <Field label="Cơ quan (gồm đơn vị trực thuộc)" name="agency">
            <AgencyInput name="agency" defaultValue={d.values.agency} />
          </Field>
        )}
        <Field label="Tình trạng" name="category">
          <select id="f-category" name="category" defaultValue={d.values.category}>
            <option value="">Tất cả (trừ đã hủy)</option>
            {TASK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Hạn từ ngày" name="dueFrom" defaultValue={d.values.dueFrom} placeholder="dd/mm/yyyy" />
        <Field label="Hạn đến ngày" name="dueTo" defaultValue={d.values.dueTo} placeholder="dd/mm/yyyy" />
        {d.values.directive ? <input type="hidden" name="directive" value={d.values.directive} /> : null}
        {d.values.item ? <input type="hidden" name="item" value={d.values.item} /> : null}
        {d.values.status ? <input type="hidden" name="status" value={d.values.status} /> : null}
        {d.values.extension ? <input type="hidden" name="extension" value={d.values.extension} /> : null}
        <div className="field">
          <label>
            <input type="checkbox" name="key" value="1" defaultChecked={d.values.key === '1'} /> Chỉ nhiệm vụ trọng tâm
          </label>
        </div>
        <div>
          <button type="submit">Lọc</button> <Link to="/tasks">Xóa lọc</Link>
        </div>
      </Form>
      {d.errors.map((e) => (
        <FormError key={e} message={e} />
      ))}
      <ExportLinks lists="tasks" />
      <Pager page={d.page} pageCount={d.pageCount} total={d.total} unit="nhiệm vụ" hasMore={d.hasMore} uncountedLabel={d.uncounted} />
      <TaskTable rows={d.rows} />
      <Pager page={d.page} pageCount={d.pageCount} total={d.total} unit="nhiệm vụ" hasMore={d.hasMore} uncountedLabel={d.uncounted} />
    </>
  )
}
