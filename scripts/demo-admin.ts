/** The demo's documented administrator (README), also signed in by the browser tests. */
export const demoAdmin = { email: "admin@demo.local", password: "demo-admin-password" } as const;
