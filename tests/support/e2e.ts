// The end-to-end harness: the real server (node --import tsx server.ts) on a fresh SQLite file, and Debian's
// Chromium driven by playwright-core. Each e2e file prepares its own data, then logs in as its users.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { openDatabase, type Db } from '../../db/client'
import { freePort } from './ports'

export const PASSWORD = 'mat-khau-e2e-123'
export const shotsDir = path.resolve('tests/screenshots')

export interface Viewport {
  width: number
  height: number
}

export interface E2eApp {
  base: string
  file: string
  browser: Browser
  /** A new page (in its own context, downloads accepted) signed in as the user. */
  login(email: string, viewport?: Viewport): Promise<Page>
  stop(): Promise<void>
}

async function waitForServer(url: string, log: () => string) {
  const until = Date.now() + 60_000
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server did not start:\n${log()}`)
}

/** Creates the database file, lets `prepare` fill it, starts the server on a free port and launches Chromium. */
export async function startE2e(name: string, prepare: (db: Db) => Promise<void> | void, defaults: { viewport?: Viewport } = {}): Promise<E2eApp> {
  fs.mkdirSync(shotsDir, { recursive: true })
  const file = path.join(os.tmpdir(), `dondoc-e2e-${name}-${process.pid}.db`)
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  const db = openDatabase(file)
  try {
    await prepare(db)
  } finally {
    db.$client.close()
  }
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let serverLog = ''
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: file, DEMO_DATA: 'no', JOBS: 'off', SECURITY_LOG_SILENT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (d) => (serverLog += d))
  server.stderr?.on('data', (d) => (serverLog += d))
  await waitForServer(`${base}/login`, () => serverLog)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    base,
    file,
    browser,
    async login(email, viewport = defaults.viewport ?? { width: 1360, height: 900 }) {
      const context = await browser.newContext({ acceptDownloads: true, viewport })
      const page = await context.newPage()
      await page.goto(`${base}/login`)
      await page.fill('input[name=email]', email)
      await page.fill('input[name=password]', PASSWORD)
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('main button[type=submit]')])
      return page
    },
    async stop() {
      await browser.close()
      server.kill('SIGTERM')
    },
  }
}

/** Polls until the element shows the text, then checks it (vitest's expect; Playwright's own expect is not in playwright-core). */
export async function expectText(locator: Locator, text: string, timeout = 10_000) {
  const until = Date.now() + timeout
  let seen = ''
  while (Date.now() < until) {
    seen = (await locator.allInnerTexts()).join(' ')
    if (seen.includes(text)) break
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(seen).toContain(text)
}

export const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage })
