// Form schemas (zod) shared by the pages and their actions, with the Vietnamese messages shown next to each field.
import { z } from 'zod'
import { DIRECTIVE_TYPES, RECURRENCES, type DirectiveType, type Recurrence } from '../../db/reference/types'
import { endOfMonth, endOfQuarter, endOfYear, parseVnDate } from '../domain/dates'

export const DIRECTIVE_TYPE_LABELS: Record<DirectiveType, string> = {
  thong_bao_ket_luan: 'Thông báo kết luận',
  chi_thi: 'Chỉ thị',
  nghi_quyet: 'Nghị quyết',
  quyet_dinh: 'Quyết định',
  ke_hoach: 'Kế hoạch',
  cong_van: 'Công văn',
  cong_dien: 'Công điện',
  other: 'Văn bản khác',
}

export const DIRECTIVE_STATUS_LABELS = {
  open: 'Đang theo dõi',
  closed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
  replaced: 'Đã được thay thế',
} as const

export const TASK_STATUS_LABELS = {
  open: 'Đang thực hiện',
  pending: 'Chờ xác nhận hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
} as const

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  'half-yearly': '06 tháng',
  yearly: 'Hằng năm',
}

export const DEADLINE_KIND_LABELS = {
  date: 'Ngày cụ thể',
  month: 'Trong tháng',
  quarter: 'Trong quý',
  year: 'Trong năm',
  standing: 'Thường xuyên (không có thời hạn)',
  recurring: 'Định kỳ',
} as const

// Every message a user can see is Vietnamese, including zod's defaults for the cases the schemas do not name.
z.setErrorMap((issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? 'Trường này là bắt buộc.' : 'Giá trị không đúng kiểu.' }
    case z.ZodIssueCode.invalid_enum_value:
      return { message: 'Giá trị không nằm trong danh sách cho phép.' }
    case z.ZodIssueCode.too_small:
      return { message: issue.type === 'string' ? `Cần ít nhất ${issue.minimum} ký tự.` : `Giá trị phải từ ${issue.minimum} trở lên.` }
    case z.ZodIssueCode.too_big:
      return { message: issue.type === 'string' ? `Không được dài quá ${issue.maximum} ký tự.` : `Giá trị không được vượt quá ${issue.maximum}.` }
    case z.ZodIssueCode.invalid_string:
      return { message: 'Giá trị không hợp lệ.' }
    default:
      return { message: ctx.defaultError === 'Required' ? 'Trường này là bắt buộc.' : 'Giá trị không hợp lệ.' }
  }
})

/** An empty select or text box means "not given". */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)

const text = (max: number, label: string, min = 0) =>
  z
    .string({ required_error: `Nhập ${label}.`, invalid_type_error: `${label} không hợp lệ.` })
    .trim()
    .min(min, min <= 1 ? `Nhập ${label}.` : `${label} phải có ít nhất ${min} ký tự.`)
    .max(max, `${label} không được dài quá ${max.toLocaleString('vi-VN')} ký tự.`)

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} không được dài quá ${max.toLocaleString('vi-VN')} ký tự.`)
    .optional()
    .transform((v) => (v ? v : null))

export const vnDate = (label: string) =>
  z
    .string({ required_error: `Nhập ${label}.` })
    .trim()
    .min(1, `Nhập ${label}.`)
    .transform((v, ctx) => {
      const iso = parseVnDate(v)
      if (!iso) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label[0].toUpperCase()}${label.slice(1)} không hợp lệ: nhập theo dạng dd/mm/yyyy và là ngày có thật.` })
        return z.NEVER
      }
      return iso
    })

const optionalVnDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const iso = parseVnDate(v)
      if (!iso) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label[0].toUpperCase()}${label.slice(1)} không hợp lệ: nhập theo dạng dd/mm/yyyy và là ngày có thật.` })
        return z.NEVER
      }
      return iso
    })

export const PASSWORD_MIN_LENGTH = 10

/** 500 000 characters: far more than any directive, small enough to keep a page and a row sane. */
export const MAX_FULL_TEXT = 500_000

export const DirectiveFormSchema = z.object({
  type: z.enum(DIRECTIVE_TYPES, { errorMap: () => ({ message: 'Chọn loại văn bản.' }) }),
  number: text(60, 'số, ký hiệu', 1),
  title: text(2000, 'trích yếu', 1),
  issuer: text(300, 'cơ quan ban hành', 1),
  signer: z.string().trim().max(200, 'Người ký không được dài quá 200 ký tự.').default(''),
  issuedOn: vnDate('ngày ban hành'),
  fullText: z.string().max(MAX_FULL_TEXT, `Toàn văn không được dài quá ${MAX_FULL_TEXT.toLocaleString('vi-VN')} ký tự.`).default(''),
  monitoringAgency: optionalText(200, 'Cơ quan theo dõi'),
})

/** A list of agencies typed into one field, separated by ';' or new lines. */
const agencyList = (label: string, min: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .default('')
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((x) => x.split(/[;\n]/))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(200)).min(min, `Chọn ${label}.`).max(80, `Tối đa 80 cơ quan.`))

const monthYear = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const m = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(v)
    const month = m ? Number(m[1]) : 0
    if (!m || month < 1 || month > 12) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Tháng không hợp lệ: nhập theo dạng mm/yyyy, ví dụ 06/2023.' })
      return z.NEVER
    }
    return endOfMonth(Number(m[2]), month)
  })

const yearField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    if (!/^\d{4}$/.test(v) || Number(v) < 1990 || Number(v) > 2200) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Năm không hợp lệ.' })
      return z.NEVER
    }
    return Number(v)
  })

export const ItemFormSchema = z
  .object({
    ref: z.string().trim().max(30, 'Mục không được dài quá 30 ký tự.').default(''),
    content: text(5000, 'nội dung nhiệm vụ', 3),
    leads: agencyList('cơ quan chủ trì', 1),
    supports: agencyList('cơ quan phối hợp', 0),
    perAgency: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    deadlineKind: z.enum(['date', 'month', 'quarter', 'year', 'standing', 'recurring'], { errorMap: () => ({ message: 'Chọn loại thời hạn.' }) }),
    dueDate: optionalVnDate('thời hạn'),
    dueMonth: monthYear,
    dueQuarter: z.preprocess(emptyToUndefined, z.enum(['1', '2', '3', '4'], { errorMap: () => ({ message: 'Chọn quý.' }) }).optional()),
    dueYear: yearField,
    recurrence: z.preprocess(emptyToUndefined, z.enum(RECURRENCES, { errorMap: () => ({ message: 'Chọn chu kỳ.' }) }).optional()),
    recurringFrom: optionalVnDate('ngày bắt đầu'),
    recurringUntil: optionalVnDate('ngày kết thúc'),
    deadlinePhrase: optionalText(300, 'Cụm từ về thời hạn'),
    output: optionalText(1000, 'Sản phẩm'),
    target: optionalText(1000, 'Chỉ tiêu'),
    isKey: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message })
    if (v.deadlineKind === 'date' && !v.dueDate) need('dueDate', 'Nhập thời hạn (dd/mm/yyyy).')
    if (v.deadlineKind === 'month' && !v.dueMonth) need('dueMonth', 'Nhập tháng (mm/yyyy).')
    if (v.deadlineKind === 'quarter' && (!v.dueQuarter || !v.dueYear)) need('dueQuarter', 'Chọn quý và nhập năm.')
    if (v.deadlineKind === 'year' && !v.dueYear) need('dueYear', 'Nhập năm.')
    if (v.deadlineKind === 'recurring') {
      if (!v.recurrence) need('recurrence', 'Chọn chu kỳ.')
      if (!v.recurringFrom) need('recurringFrom', 'Nhập ngày bắt đầu theo dõi.')
      if (!v.recurringUntil) need('recurringUntil', 'Nhập ngày kết thúc theo dõi.')
    }
  })
  .transform((v) => {
    const dueOn =
      v.deadlineKind === 'date'
        ? v.dueDate
        : v.deadlineKind === 'month'
          ? v.dueMonth
          : v.deadlineKind === 'quarter'
            ? endOfQuarter(v.dueYear!, Number(v.dueQuarter))
            : v.deadlineKind === 'year'
              ? endOfYear(v.dueYear!)
              : null
    return {
      ref: v.ref,
      content: v.content,
      leads: v.leads,
      supports: v.supports,
      perAgency: v.perAgency,
      deadline: {
        kind: v.deadlineKind,
        dueOn,
        recurrence: v.recurrence ?? null,
        recurringFrom: v.recurringFrom,
        recurringUntil: v.recurringUntil,
        phrase: v.deadlinePhrase,
      },
      output: v.output,
      target: v.target,
      isKey: v.isKey,
    }
  })

export const ProgressFormSchema = z.object({
  percent: z.coerce
    .number({ invalid_type_error: 'Tiến độ phải là một số từ 0 đến 100.' })
    .int('Tiến độ phải là số nguyên.')
    .min(0, 'Tiến độ phải từ 0 đến 100.')
    .max(100, 'Tiến độ phải từ 0 đến 100.'),
  note: text(4000, 'nội dung báo cáo', 3),
  delayReason: optionalText(2000, 'Lý do chậm'),
})

export const CompletionFormSchema = z.object({
  note: text(4000, 'nội dung kết quả', 3),
  evidenceNumber: optionalText(100, 'Số, ký hiệu văn bản kết quả'),
  evidenceDate: optionalVnDate('ngày văn bản kết quả'),
  delayReason: optionalText(2000, 'Lý do chậm'),
})

export const ExtensionFormSchema = z.object({
  proposedDueOn: vnDate('thời hạn đề nghị'),
  reason: text(2000, 'lý do', 5),
})

export const ReasonFormSchema = z.object({ reason: text(2000, 'lý do', 5) })
export const NoteFormSchema = z.object({ note: z.string().trim().max(2000, 'Ghi chú không được dài quá 2.000 ký tự.').default('') })
