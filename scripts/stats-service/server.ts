// Runs the stand-in statistics service: `npx tsx scripts/stats-service/server.ts`
// (port from STATS_SERVICE_PORT, default 4010; STATS_TRENDING_GENRES overrides the trending list).
import { DEFAULT_TRENDING_GENRES } from "./compute-track-statistics";
import { startStatsService } from "./start-stats-service";

const port = Number(process.env.STATS_SERVICE_PORT ?? 4010);
const host = process.env.STATS_SERVICE_HOST ?? "127.0.0.1";
const trendingGenres = process.env.STATS_TRENDING_GENRES
  ? process.env.STATS_TRENDING_GENRES.split(",").map((genre) => genre.trim()).filter(Boolean)
  : DEFAULT_TRENDING_GENRES;

const service = await startStatsService({
  port,
  host,
  trendingGenres,
  log: (message) => console.log(`[stats-service] ${message}`),
});
console.log(`[stats-service] listening on ${service.url} (trending: ${trendingGenres.join(", ")})`);

const shutdown = (signal: string) => {
  console.log(`[stats-service] ${signal} received, stopping`);
  service.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
