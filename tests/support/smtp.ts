// A real SMTP server in the test process (smtp-server), recording what it accepts, optionally refusing.
import { SMTPServer } from 'smtp-server'
import { freePort } from './ports'

export interface ReceivedMail {
  to: string[]
  raw: string
}

export async function startSmtp(options: { refuse?: () => boolean } = {}) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (options.refuse?.()) return callback(Object.assign(new Error('Hộp thư tạm thời không nhận thư'), { responseCode: 451 }))
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
