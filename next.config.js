// Next.js configuration: a server-rendered app; packages with native parts stay external, and so
// do the metrics packages, so that instrumentation.ts and /api/metrics share one registry and one
// OpenTelemetry API (decision 016; pino is external by Next's own default).
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "kafkajs", "pg", "@prisma/adapter-pg", "prom-client", "@opentelemetry/api"],
  typedRoutes: false,
  // `next dev` opened at 127.0.0.1 would otherwise block its own dev resources.
  allowedDevOrigins: ["127.0.0.1"],
  // Static files skip proxy.ts (which sets the other security headers, docs/domain.md §11).
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
