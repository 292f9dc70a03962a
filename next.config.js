// Next.js configuration: a server-rendered app; packages with native parts stay external.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["@node-rs/argon2", "kafkajs", "pg", "@prisma/adapter-pg"],
  typedRoutes: false,
};

export default nextConfig;
