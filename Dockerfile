# One image for the web app, the worker, the migrations and the statistics stand-in;
# docker-compose.yml chooses the command of each container. Cannot be built on the project's
# own machines (no Docker engine there): kept consistent with the code by review (README).
#
# Two stages: `build` has every dependency (Prisma's CLI, Tailwind, TypeScript) to generate the
# database client and build the app; the final image gets production dependencies only and runs
# as the unprivileged `node` user (docs/domain.md §11, decision 010).
FROM node:20-bookworm-slim AS build

WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
# Collecting page data loads the auth module; during `next build` it signs nothing and needs no
# secret (lib/env.ts). The real AUTH_SECRET comes from the environment at run time.
RUN npm run prisma:generate \
 && npm run build \
 && rm -rf .next/cache

FROM node:20-bookworm-slim

WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false

# Production dependencies only; tsx is one of them because the worker, the migrations, the seed
# and the stand-in run TypeScript through it.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# Sources (the worker and the scripts run them; .dockerignore keeps node_modules, builds and
# local files out), then the generated client and the build from the first stage. Owned by root:
# the app reads them and writes only to .next/cache.
COPY . .
COPY --from=build /app/lib/generated ./lib/generated
COPY --from=build /app/.next ./.next
RUN mkdir -p .next/cache && chown node:node .next/cache

# A deployment (decision 010): the web app, the worker and the seed refuse to start with a
# missing or published AUTH_SECRET or ADMIN_PASSWORD, and seed no demo data unless asked.
ENV NODE_ENV=production \
    APP_ENV=production \
    PORT=3000
USER node
EXPOSE 3000
CMD ["sh", "-c", "exec ./node_modules/.bin/next start -p \"$PORT\""]
