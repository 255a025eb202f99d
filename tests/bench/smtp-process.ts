// The benchmark's SMTP server in a process of its own, as a real mail server would be: prints its URL, answers
// "count" on IPC with the number of messages it accepted.
import { startSmtp } from '../support/smtp'

const smtp = await startSmtp()
process.send!({ url: smtp.url })
process.on('message', (m) => {
  if (m === 'count') process.send!({ count: smtp.received.length })
  if (m === 'close') void smtp.close().then(() => process.exit(0))
})
