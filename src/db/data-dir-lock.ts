/**
 * PGlite does not lock its data folder, and two processes writing one folder corrupt it
 * (electric-sql/pglite#1106). tochuc takes `tochuc.lock` (our pid) before opening the folder and
 * refuses a second process with a clear message. A lock left by a process that no longer runs is
 * stale: it is removed, together with PGlite's own `postmaster.pid`, which would abort start-up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.ts';

export const LOCK_NAME = 'tochuc.lock';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
  /** True when a previous process died without closing the folder. */
  readonly recoveredStale: boolean;
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_NAME);
  let recoveredStale = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return {
        recoveredStale,
        release() {
          try {
            if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isFinite(holder) && holder !== process.pid && processIsAlive(holder)) {
        throw new AppError(
          'db.data_dir_locked',
          'unavailable',
          {
            vi: `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder} sử dụng. Hãy dừng tiến trình đó (hoặc dùng --data khác) rồi thử lại.`,
            en: `The data folder ${dataDir} is in use by process ${holder}. Stop that process (or use another --data) and try again.`,
          },
          { details: { pid: holder } },
        );
      }
      fs.rmSync(lockPath, { force: true });
      fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
      recoveredStale = true;
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}
