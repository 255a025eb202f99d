// The one place that turns APP_URL / PORT into the base of links in e-mails and printed pages.
import { getEnv, publicBaseUrl, resetEnvCache } from '../../app/lib/env.server'

describe('publicBaseUrl', () => {
  const saved = { APP_URL: process.env.APP_URL, PORT: process.env.PORT }
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    resetEnvCache()
  })

  it('uses APP_URL without its trailing slash', () => {
    process.env.APP_URL = 'https://dondoc.example.gov.vn/'
    resetEnvCache()
    expect(publicBaseUrl()).toBe('https://dondoc.example.gov.vn')
  })

  it('falls back to this machine on the validated PORT', () => {
    delete process.env.APP_URL
    process.env.PORT = '3456'
    resetEnvCache()
    expect(publicBaseUrl()).toBe('http://localhost:3456')
    expect(publicBaseUrl({ ...getEnv(), PORT: 8080 })).toBe('http://localhost:8080')
  })

  it('a malformed APP_URL stops with a clear message instead of ending up in e-mails', () => {
    process.env.APP_URL = 'khong phai url'
    resetEnvCache()
    expect(() => publicBaseUrl()).toThrow(/APP_URL/)
  })
})
