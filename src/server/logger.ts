/** Structured logs: one JSON object a line on stderr, so stdout stays free for `--json` output. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(minLevel: LogLevel = (process.env.LOG_LEVEL as LogLevel) || 'info'): Logger {
  return {
    log(level, msg, fields = {}) {
      if (ORDER[level] < (ORDER[minLevel] ?? 20)) return;
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
    },
  };
}
