// Next.js configuration: a server-rendered app; packages with native parts stay external.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "kafkajs", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  // `next dev` opened at 127.0.0.1 would otherwise block its own dev resources.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
