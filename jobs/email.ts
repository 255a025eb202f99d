// Vietnamese e-mails (HTML with a plain-text part) that list tasks with their directive, deadline and days left or overdue.
import { formatVnDate } from '../app/domain/dates'

export interface EmailTask {
  id: number
  content: string
  ref: string
  periodLabel: string | null
  directiveNumber: string
  directiveIssuedOn: string
  dueOn: string
  /** Working days left (≥ 0) or calendar days overdue (< 0 means overdue by that many days). */
  daysLeft: number
}

export interface EmailSection {
  title: string
  tasks: EmailTask[]
}

export interface ComposedEmail {
  subject: string
  html: string
  text: string
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function taskLink(baseUrl: string, id: number): string {
  return `${baseUrl.replace(/\/$/, '')}/tasks/${id}`
}

function when(t: EmailTask): string {
  if (t.daysLeft < 0) return `quá hạn ${-t.daysLeft} ngày`
  if (t.daysLeft === 0) return 'đến hạn hôm nay'
  return `còn ${t.daysLeft} ngày làm việc`
}

function shorten(s: string, n = 300): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}

/** One message with sections of tasks; empty sections are left out. */
export function composeTaskEmail(options: { subject: string; greeting: string; intro: string; sections: EmailSection[]; baseUrl: string; footer: string }): ComposedEmail {
  const sections = options.sections.filter((s) => s.tasks.length > 0)
  const textParts = [options.greeting, '', options.intro, '']
  const htmlParts = [`<p>${escapeHtml(options.greeting)}</p>`, `<p>${escapeHtml(options.intro).replace(/\n/g, '<br>')}</p>`]
  for (const section of sections) {
    textParts.push(`${section.title} (${section.tasks.length}):`)
    htmlParts.push(`<h3 style="margin:16px 0 6px">${escapeHtml(section.title)} (${section.tasks.length})</h3>`, '<table cellpadding="6" style="border-collapse:collapse;border:1px solid #ccc">')
    htmlParts.push('<tr style="background:#eee"><th align="left">Văn bản</th><th align="left">Nhiệm vụ</th><th align="left">Thời hạn</th><th align="left">Tình trạng</th></tr>')
    for (const t of section.tasks) {
      const directive = `${t.directiveNumber} ngày ${formatVnDate(t.directiveIssuedOn)}`
      const label = `${t.ref ? `Mục ${t.ref}: ` : ''}${shorten(t.content)}${t.periodLabel ? ` (kỳ ${t.periodLabel})` : ''}`
      const link = taskLink(options.baseUrl, t.id)
      textParts.push(`- ${directive} — ${label}`, `  Thời hạn ${formatVnDate(t.dueOn)}, ${when(t)}. ${link}`)
      htmlParts.push(
        `<tr style="border-top:1px solid #ccc"><td>${escapeHtml(directive)}</td><td><a href="${escapeHtml(link)}">${escapeHtml(label)}</a></td><td>${formatVnDate(t.dueOn)}</td><td${t.daysLeft < 0 ? ' style="color:#991b1b"' : ''}>${escapeHtml(when(t))}</td></tr>`,
      )
    }
    textParts.push('')
    htmlParts.push('</table>')
  }
  textParts.push(options.footer)
  htmlParts.push(`<p style="color:#555;font-size:13px">${escapeHtml(options.footer)}</p>`)
  return {
    subject: options.subject,
    text: textParts.join('\n'),
    html: `<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif;font-size:14px">${htmlParts.join('\n')}</body></html>`,
  }
}
