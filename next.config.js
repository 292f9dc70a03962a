// Next.js configuration: a server-rendered app; packages with native parts stay external.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "kafkajs", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  // `next dev` opened at 127.0.0.1 would otherwise block its own dev resources.
  allowedDevOrigins: ["127.0.0.1"],
  // Static files skip proxy.ts (which sets the other security headers, docs/domain.md §11).
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
