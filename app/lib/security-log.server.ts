// Security log: one JSON line per refused request (forged form, wrong scope, bad CSRF token, locked account).
export function securityLog(event: string, details: Record<string, unknown>): void {
  const line = JSON.stringify({ at: new Date().toISOString(), level: 'security', event, ...details })
  if (process.env.SECURITY_LOG_SILENT !== '1') console.warn(line)
}
