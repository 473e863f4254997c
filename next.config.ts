import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // No development badge over the pages (`npm run dev`); the demo runs a production build anyway.
  devIndicators: false,
  // forbidden() answers non-admins on admin pages with a real 403 status.
  experimental: {
    authInterrupts: true,
    // No form of this app posts more than a few hundred bytes.
    serverActions: { bodySizeLimit: "64kb" },
  },
  // `next dev` and `next build` may run side by side (demo + tests); keep their outputs apart.
  distDir: process.env.PIERRE_NEXT_DIST_DIR || ".next",
};

export default nextConfig;
