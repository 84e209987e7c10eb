import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every response, the web front end, the ack-link pages, the API and file
 * downloads alike (helmet runs ahead of the static files and the routes):
 * - CSP: scripts only from this origin (the front end is ES modules / a Vite build served from the
 *   same origin, with no inline script). Styles allow 'unsafe-inline' because the ack-link page
 *   and Swagger UI carry inline styles, ECharts writes style attributes on the elements it draws,
 *   and antd injects its CSS-in-JS as <style> tags at run time; style injection cannot run script.
 *   Images and fonts may be data: URLs (Swagger UI's icons, ECharts' exported images).
 * - frame-ancestors 'none' and X-Frame-Options DENY: nobody frames the product (clickjacking).
 * - X-Content-Type-Options: nosniff, so a downloaded attachment is never sniffed into HTML.
 * - Referrer-Policy: no-referrer, so the token in an acknowledgement link never leaks to another site.
 * - No X-Powered-By. HSTS only when HSTS_MAX_AGE > 0 (set it when the api is served over HTTPS).
 */
export function securityHeaders(hstsMaxAge: number): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: hstsMaxAge > 0 ? { maxAge: hstsMaxAge, includeSubDomains: true } : false,
    xPoweredBy: false,
    crossOriginEmbedderPolicy: false,
  });
}
