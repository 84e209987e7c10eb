import type { PortClaim } from './ports.js';

/**
 * What `npm start` tells the person at the terminal, in one place. Messages that ask them to do
 * something come in Vietnamese and English: the one who runs it may be a developer from elsewhere.
 */
const PORT_REASON: Record<string, string> = {
  EADDRINUSE: 'đang được dùng / in use',
  EACCES: 'không được phép dùng / permission denied',
};

export const MSG = {
  childStarted: (name: string, pid: number) => `${name} đang chạy (pid ${pid})`,
  childDied: (name: string, pid: number | undefined, how: string, waitMs: number) =>
    `${name} (pid ${pid}) đã dừng (${how}); khởi động lại sau ${waitMs / 1000} s`,
  childGaveUp: (name: string, how: string, deaths: number, windowMs: number) =>
    `${name} đã dừng ${deaths} lần trong ${windowMs / 1000} s (lần cuối: ${how}): dừng toàn bộ. / ${name} died ${deaths} times within ${windowMs / 1000} s: stopping everything.`,
  childError: (name: string, message: string) => `${name}: ${message}`,
  childKilled: (name: string, pid: number | undefined) => `${name} (pid ${pid}) không dừng kịp: SIGKILL`,
  stopping: (signal: string) => `Nhận ${signal}: đang dừng api, worker, hộp thư thử nghiệm và PostgreSQL nhúng…`,
  stopped: 'Đã dừng.',
  forced: 'Nhận tín hiệu lần hai: dừng ngay (SIGKILL).',
  leftoverDatabase: (pid: number, dir: string) =>
    `PostgreSQL nhúng của một lần chạy trước vẫn chạy (pid ${pid}, dữ liệu ${dir}) mà không còn launcher: dừng nó. / A leftover embedded PostgreSQL (pid ${pid}) whose launcher is gone: stopping it.`,
  databaseDied: 'PostgreSQL nhúng đã dừng bất ngờ: dừng toàn bộ. / The embedded PostgreSQL stopped unexpectedly: stopping everything.',
  portsTaken: (taken: (PortClaim & { reason: string })[]) =>
    [
      'Không khởi động được: cổng đã bị chiếm (có thể một npm start khác đang chạy).',
      'Cannot start: a port is already in use (another npm start may be running).',
      ...taken.map((t) => `  cổng / port ${t.port} (${t.variable}): ${PORT_REASON[t.reason] ?? t.reason}`),
      'Hãy dừng chương trình đang dùng cổng, hoặc đặt biến tương ứng sang cổng khác, ví dụ PORT=3100 npm start.',
      'Stop whatever holds the port, or set the variable to another port, for example PORT=3100 npm start.',
    ].join('\n'),
  dataDirUnusable: {
    vi: (dir: string, reason: string) =>
      `Không dùng được thư mục dữ liệu ${dir} (${reason}). Hãy đặt DATA_DIR sang một thư mục bạn ghi được, ví dụ DATA_DIR=$HOME/cvt-data npm start.`,
    en: (dir: string) =>
      `The data folder ${dir} cannot be used. Set DATA_DIR to a folder you can write to, for example DATA_DIR=$HOME/cvt-data npm start.`,
  },
  startFailed: (message: string) => `Không khởi động được / Start failed: ${message}`,
};
