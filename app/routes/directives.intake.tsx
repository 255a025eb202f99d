// Registering a directive from its text: paste or upload → review the proposed tasks → confirm in one transaction.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { indexOptions } from '../components/intake-agency-picker'
import { IntakeReview } from '../components/intake-review'
import { CsrfInput } from '../components/ui'
import { useRootData } from '../root'
import { parseVnDate } from '../domain/dates'
import { MAX_UPLOAD_BYTES, readUpload, UploadError } from '../intake/read-upload.server'
import { getDb, readForm, requireUser } from '../lib/http.server'
import type { Draft, DraftErrors } from '../lib/intake-draft'
import { assertCsrf, type CurrentUser } from '../services/auth.server'
import { confirmIntake, intakeAgencyOptions, IntakeInputError, IntakeValidationError, parseDraftJson, proposeDraft } from '../services/intake.server'

export const meta: MetaFunction = () => [{ title: 'Nhập văn bản từ toàn văn — Đôn đốc' }]

/** One draft per signed-in user in this tab: another account signing in here does not see it. */
const storageKey = (userId: number | undefined) => `dondoc.intake.draft.v1.${userId ?? 0}`
const TOO_LARGE = 'Tệp quá lớn: giới hạn là 10 MB.'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'directive.edit')
  return json({ options: intakeAgencyOptions(getDb()) })
}

type ActionData =
  | { intent: 'extract'; draft: Draft; error?: undefined; text?: undefined }
  | { intent: 'extract'; error: string; text: string; issuedOn?: string; draft?: undefined }
  | { intent: 'confirm'; draft: Draft; errors: DraftErrors }
  | { intent: 'confirm'; error: string; draft?: undefined; errors?: undefined }

/** The posted form: multipart (with a file, each part capped at 10 MB) or urlencoded; the CSRF token is checked. */
async function readIntakeForm(request: Request, user: CurrentUser): Promise<FormData> {
  const type = request.headers.get('Content-Type') ?? ''
  const length = Number(request.headers.get('Content-Length') ?? 0)
  if (!type.startsWith('multipart/form-data')) {
    // A confirmed draft carries the full text and every row, URL-encoded: generous, but bounded.
    if (length > 24 * 1024 * 1024) throw new UploadError('Bản nháp quá lớn để lưu trong một lần.')
    return readForm(request, user)
  }
  if (length > MAX_UPLOAD_BYTES + 1024 * 1024) throw new UploadError(TOO_LARGE)
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES, filter: ({ name }) => ['csrf', 'intent', 'text', 'file', 'issuedOn'].includes(name) }),
    )
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) throw new UploadError(TOO_LARGE)
    throw new Response('Dữ liệu gửi lên không đọc được.', { status: 400 })
  }
  assertCsrf(user, form, request)
  return form
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'directive.edit')
  const db = getDb()
  let form: FormData
  try {
    form = await readIntakeForm(request, user)
  } catch (e) {
    // An oversized upload is refused before its CSRF token could be read: it changes nothing either way.
    if (e instanceof UploadError) {
      const upload = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')
      return json<ActionData>(upload ? { intent: 'extract', error: e.message, text: '' } : { intent: 'confirm', error: e.message }, { status: 413 })
    }
    throw e
  }
  const intent = form.get('intent')
  if (intent === 'extract') {
    const file = form.get('file')
    const pasted = typeof form.get('text') === 'string' ? String(form.get('text')) : ''
    const issuedOnText = typeof form.get('issuedOn') === 'string' ? String(form.get('issuedOn')).trim().slice(0, 40) : ''
    try {
      const issuedOn = issuedOnText ? parseVnDate(issuedOnText) : null
      if (issuedOnText && !issuedOn) throw new IntakeInputError('Ngày ban hành không hợp lệ: nhập theo dạng dd/mm/yyyy và là ngày có thật.')
      if (file instanceof Blob && file.size > 0) {
        const name = 'name' in file && typeof file.name === 'string' ? file.name : 'tệp'
        const { text } = await readUpload(name, new Uint8Array(await file.arrayBuffer()))
        return json<ActionData>({ intent, draft: proposeDraft(db, text, `tệp ${name}`, issuedOn) })
      }
      return json<ActionData>({ intent, draft: proposeDraft(db, pasted, 'văn bản dán vào', issuedOn) })
    } catch (e) {
      if (e instanceof UploadError || e instanceof IntakeInputError) {
        return json<ActionData>({ intent, error: e.message, text: pasted.slice(0, 500_000), issuedOn: issuedOnText }, { status: 400 })
      }
      throw e
    }
  }
  if (intent === 'confirm') {
    let draft: Draft
    try {
      draft = parseDraftJson(form.get('draft'))
    } catch (e) {
      if (e instanceof IntakeInputError) return json<ActionData>({ intent, error: e.message }, { status: 400 })
      throw e
    }
    try {
      const { directiveId, taskCount } = confirmIntake(db, user, draft)
      return redirect(`/directives/${directiveId}?imported=${taskCount}`)
    } catch (e) {
      if (e instanceof IntakeValidationError) return json<ActionData>({ intent, draft, errors: e.errors }, { status: 400 })
      throw e
    }
  }
  return json<ActionData>({ intent: 'confirm', error: 'Thao tác không hợp lệ.' }, { status: 400 })
}

function readStored(key: string): Draft | null {
  try {
    const raw = window.sessionStorage.getItem(key)
    return raw ? (JSON.parse(raw) as Draft) : null
  } catch {
    return null
  }
}

function clearStored(key: string) {
  try {
    window.sessionStorage.removeItem(key)
  } catch {
    // storage unavailable: nothing to clear
  }
}

export default function Intake() {
  const { options } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionData | undefined
  const navigation = useNavigation()
  const key = storageKey(useRootData()?.user?.id)
  const indexed = useMemo(() => indexOptions(options), [options])
  const [draft, setDraftState] = useState<Draft | null>(result?.draft ?? null)
  const [restored, setRestored] = useState(false)
  const draftField = useRef<HTMLInputElement>(null)
  // Set once the confirmation redirects away: a save still pending from the last edit must not bring the draft back.
  const confirmed = useRef(false)
  const busy = navigation.state !== 'idle'
  const submitting = navigation.formData?.get('intent')

  // A fresh extraction replaces the draft; a refused confirmation keeps the officer's edits (they are the draft).
  useEffect(() => {
    if (result?.intent === 'extract' && result.draft) setDraftState(result.draft)
  }, [result])

  // After a reload, the unsaved draft comes back from this tab's storage.
  useEffect(() => {
    if (draft) return
    const stored = readStored(key)
    if (stored && Array.isArray(stored.rows)) {
      setDraftState(stored)
      setRestored(true)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (!draft) return
    const timer = setTimeout(() => {
      if (confirmed.current) return
      try {
        window.sessionStorage.setItem(key, JSON.stringify(draft))
      } catch {
        // storage full or unavailable: the draft stays in the page
      }
    }, 300)
    return () => clearTimeout(timer)
  }, [draft, key])

  // Confirmed: the action redirects to the new directive; the draft must not come back.
  useEffect(() => {
    if (navigation.state === 'loading' && navigation.formData?.get('intent') === 'confirm' && navigation.location.pathname !== '/directives/intake') {
      confirmed.current = true
      clearStored(key)
    }
  }, [navigation, key])

  const initialJson = useMemo(() => (result?.draft ? JSON.stringify(result.draft) : ''), [result])
  const setDraft = (update: (d: Draft) => Draft) => setDraftState((d) => (d ? update(d) : d))
  const discard = () => {
    clearStored(key)
    setDraftState(null)
    setRestored(false)
  }

  return (
    <>
      <p className="small">
        <Link to="/directives">← Văn bản chỉ đạo</Link>
      </p>
      <h1>Nhập văn bản từ toàn văn</h1>
      {!draft ? (
        <>
          <p className="muted">
            Dán toàn văn văn bản chỉ đạo (thông báo kết luận, chỉ thị, kế hoạch, công văn…) hoặc chọn tệp. Đôn đốc đề xuất các nhiệm vụ, cơ quan chủ trì, phối hợp và thời hạn; bạn xem lại, sửa rồi mới lưu.
          </p>
          {result && 'error' in result && result.error ? (
            <div className="form-error" role="alert" data-testid="intake-input-error">
              {result.error}
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="card stack intake-input" reloadDocument={false}>
            <CsrfInput />
            <input type="hidden" name="intent" value="extract" />
            <div className="field">
              <label htmlFor="intake-text">Toàn văn văn bản</label>
              <textarea id="intake-text" name="text" rows={16} defaultValue={result && 'text' in result ? (result.text ?? '') : ''} placeholder="Dán nội dung văn bản vào đây…" />
            </div>
            <div className="field" style={{ maxWidth: '20rem' }}>
              <label htmlFor="intake-issuedOn">Ngày ban hành (nếu văn bản không ghi)</label>
              <input id="intake-issuedOn" name="issuedOn" type="text" placeholder="dd/mm/yyyy" defaultValue={result && 'issuedOn' in result ? (result.issuedOn ?? '') : ''} />
              <span className="hint">Dùng để xác định năm của các thời hạn chỉ ghi ngày, tháng.</span>
            </div>
            <div className="field">
              <label htmlFor="intake-file">Hoặc chọn tệp</label>
              <input id="intake-file" name="file" type="file" accept=".txt,.docx,.pdf,.xlsx,text/plain" />
              <span className="hint">Tệp .txt, .docx, .pdf (có lớp chữ) hoặc .xlsx; tối đa 10 MB. Nếu chọn tệp, nội dung trong ô trên được bỏ qua.</span>
              <span className="hint">
                Danh mục nhiệm vụ trong Excel: dùng <a href="/directives/intake/template.xlsx" download>mẫu tệp .xlsx</a> (tiêu đề cột theo thứ tự bất kỳ).
              </span>
            </div>
            <div>
              <button type="submit" disabled={busy}>
                {busy && submitting === 'extract' ? 'Đang đọc văn bản…' : 'Đọc văn bản và đề xuất nhiệm vụ'}
              </button>{' '}
              <Link to="/directives/new" className="button secondary">
                Nhập thủ công
              </Link>
            </div>
          </Form>
        </>
      ) : (
        <>
          {restored ? <p className="notice">Đã khôi phục bản nháp chưa lưu của bạn trong phiên làm việc này.</p> : null}
          {result?.intent === 'confirm' && 'error' in result && result.error ? (
            <div className="form-error" role="alert">
              {result.error}
            </div>
          ) : null}
          {result?.intent === 'confirm' && result.errors?.duplicateOf ? (
            <div className="form-error" role="alert">
              Văn bản này đã có trong hệ thống: <Link to={`/directives/${result.errors.duplicateOf}`}>xem văn bản đã nhập</Link>.
            </div>
          ) : null}
          <p className="muted">
            Xem lại và sửa từng ô trước khi lưu. Chưa có gì được lưu cho đến khi bạn bấm “Xác nhận và lưu”; các nhóm cơ quan (các Sở, các huyện…) được giao cho từng cơ quan trong nhóm.
          </p>
          <IntakeReview draft={draft} setDraft={setDraft} errors={result?.intent === 'confirm' && result.errors ? result.errors : null} options={indexed} />
          <Form
            method="post"
            className="intake-confirm"
            onSubmit={() => {
              if (draftField.current) draftField.current.value = JSON.stringify(draft)
            }}
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="draft" ref={draftField} defaultValue={initialJson} />
            <button type="submit" disabled={busy} data-testid="intake-confirm">
              {busy && submitting === 'confirm' ? 'Đang lưu…' : `Xác nhận và lưu ${draft.rows.length.toLocaleString('vi-VN')} nhiệm vụ`}
            </button>
            <Link to="/directives" className="button secondary" onClick={() => clearStored(key)}>
              Hủy
            </Link>
            <button type="button" className="linklike" onClick={() => (window.confirm('Bỏ bản nháp này và đọc văn bản khác?') ? discard() : undefined)}>
              Đọc văn bản khác
            </button>
          </Form>
        </>
      )}
    </>
  )
}
