// A real SMTP server in the test process (smtp-server), recording what it accepts and how many sessions it held at
// once, optionally refusing messages or single recipients.
import { SMTPServer } from 'smtp-server'
import { freePort } from './ports'

export interface ReceivedMail {
  to: string[]
  raw: string
}

export async function startSmtp(options: { refuse?: () => boolean; refuseRecipient?: (address: string) => boolean; delayMs?: number } = {}) {
  const received: ReceivedMail[] = []
  const sessions = { open: 0, max: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      sessions.open++
      sessions.max = Math.max(sessions.max, sessions.open)
      callback()
    },
    onClose() {
      sessions.open--
    },
    onRcptTo(address, _session, callback) {
      if (options.refuseRecipient?.(address.address)) return callback(Object.assign(new Error('Không có hộp thư này'), { responseCode: 550 }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const answer = () => {
          if (options.refuse?.()) return callback(Object.assign(new Error('Hộp thư tạm thời không nhận thư'), { responseCode: 451 }))
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
          callback()
        }
        // A slow server: the answer to each message comes after a pause.
        if (options.delayMs) setTimeout(answer, options.delayMs)
        else answer()
      })
    },
  })
  // A client that dies mid-conversation (the kill test) resets its connection: expected, not a test failure.
  server.on('error', () => {})
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Sessions open now and the most ever open at once. */
    sessions,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
