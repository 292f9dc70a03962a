# One image for the web app, the worker, the migrations and the statistics stand-in;
# docker-compose.yml chooses the command of each container.
FROM node:20-bookworm-slim

WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false

# Dependencies first, so a change of source code reuses this layer. Dev dependencies stay:
# the worker, the seed and the stand-in run TypeScript through tsx.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
# Collecting page data loads the auth module, which wants a secret in production mode; this
# placeholder lives only in this build step. The real AUTH_SECRET comes from the environment.
RUN npm run prisma:generate \
 && AUTH_SECRET=build-time-placeholder npm run build

ENV NODE_ENV=production \
    PORT=3000
EXPOSE 3000
CMD ["sh", "-c", "exec ./node_modules/.bin/next start -p \"$PORT\""]
