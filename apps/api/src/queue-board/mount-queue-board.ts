import { QueueName } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { BOARD_PATH, QueueBoardAccess } from './queue-board-access.service.js';
import { BOARD_LOGIN_PAGE, BOARD_LOGIN_SCRIPT } from './queue-board-login.page.js';

/**
 * Bull Board (@bull-board/api + @bull-board/express) for every queue, at /admin/queues, behind
 * QueueBoardAccess. Mounted as Express middleware ahead of the web app's fallback (which would
 * otherwise answer the page) and outside /api. @bull-board/nestjs is not used: it is CommonJS and
 * requires @nestjs/common, which Nest 12 ships as ESM only, so it cannot load under Jest.
 * Works on both queue backends: bull-board 9 reads BullMQ 6's PostgreSQL backend too.
 */
export function mountQueueBoard(app: INestApplication): void {
  const server = new ExpressAdapter();
  server.setBasePath(BOARD_PATH);
  const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: server,
    options: { uiConfig: { boardTitle: 'Hàng đợi: theo dõi công văn' } },
  });
  const access = app.get(QueueBoardAccess, { strict: false });
  const http = app as NestExpressApplication;
  http.use(`${BOARD_PATH}/sign-in.js`, (_req: Request, res: Response) => {
    res.type('application/javascript').send(BOARD_LOGIN_SCRIPT);
  });
  http.use(BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    access.admit(req.headers.cookie).then(
      (actor) => {
        if (actor) return next();
        res.status(401);
        if (req.accepts('html')) res.type('html').send(BOARD_LOGIN_PAGE);
        else
          res.json({ statusCode: 401, error: 'UNAUTHENTICATED', message: 'Hãy đăng nhập bằng tài khoản quản trị để xem bảng hàng đợi.' });
      },
      (e: unknown) => next(e),
    );
  });
  http.use(BOARD_PATH, server.getRouter() as (req: Request, res: Response, next: NextFunction) => void);
}
