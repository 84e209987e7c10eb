/** The shared password of the demo accounts the local start creates (never in production). */
export const DEMO_PASSWORD = 'demo-password-2023';
