import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * dist/web, the built browser front end (`npm run build:web`, Vite), whether this file runs from
 * apps/api/src (jest) or dist/apps/api/src.
 */
export function webRoot(): string {
  const parts = path.dirname(fileURLToPath(import.meta.url)).split(path.sep);
  const root = parts.slice(0, parts.lastIndexOf('apps')).join(path.sep);
  return path.join(root.endsWith(`${path.sep}dist`) ? path.dirname(root) : root, 'dist', 'web');
}

/**
 * Serves the web app from the api's origin: its files as they are (hashed assets cached for a year),
 * and index.html for any other GET a browser makes outside /api, so client routes (/cong-van-den/…) load
 * on reload. Nothing under /api is ever answered from here: the JWT guard and the 404s stay the api's.
 */
export function serveWeb(app: INestApplication): void {
  const root = webRoot();
  const express = app as NestExpressApplication;
  express.useStaticAssets(root, {
    index: false,
    redirect: false,
    setHeaders: (res, file) => {
      if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const index = path.join(root, 'index.html');
  express.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === '/api' || req.path.startsWith('/api/');
    if (req.method !== 'GET' || isApi || !req.accepts('html') || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
