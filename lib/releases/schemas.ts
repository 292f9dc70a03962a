// The release form's schema (docs/domain.md §2 limits), shared by the form, its actions and lib.
import { z } from "zod";
import { isoDayField } from "@/lib/iso-day-schema";
import { storableText } from "@/lib/storable-text";

export const MAX_TRACKS = 100;
export const TRACK_TYPE_SUGGESTIONS = ["song", "intro", "outro", "interlude", "remix", "skit", "live"] as const;

const trimmedText = (what: string, max: number) =>
  storableText()
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} must be at most ${max} characters`);

/** Other performing artists as typed: nicknames separated by commas, blanks and repeats dropped. */
export function splitNicknames(text: string): string[] {
  const seen = new Set<string>();
  const nicknames: string[] = [];
  for (const part of text.split(",")) {
    const nickname = part.trim();
    if (!nickname || seen.has(nickname.toLowerCase())) continue;
    seen.add(nickname.toLowerCase());
    nicknames.push(nickname);
  }
  return nicknames;
}

const trackInputSchema = z.object({
  title: trimmedText("track title", 128),
  durationSeconds: z
    .string()
    .trim()
    // Abort on a blank field: "Enter the duration" says it all, without a format complaint.
    .min(1, { error: "Enter the duration in seconds", abort: true })
    .regex(/^\d+$/, "Duration must be a whole number of seconds")
    .transform(Number)
    .pipe(z.number().int().min(1, "Duration must be at least 1 second").max(9998, "Duration must be at most 9998 seconds")),
  genre: trimmedText("genre", 32),
  type: trimmedText("type", 32),
  artists: storableText()
    .default("")
    .transform(splitNicknames)
    .pipe(z.array(z.string().max(64, "A nickname has at most 64 characters")).max(20, "At most 20 other performing artists")),
});

export const releaseInputSchema = z.object({
  title: trimmedText("title", 256),
  releaseDate: isoDayField("Enter the release date"),
  tracks: z
    .array(trackInputSchema)
    .min(1, "Add at least one track")
    .max(MAX_TRACKS, `A release has at most ${MAX_TRACKS} tracks`),
});

export type ReleaseInput = z.output<typeof releaseInputSchema>;
export type TrackInput = z.output<typeof trackInputSchema>;

/** The form's raw values: what is re-rendered after a refused submit, so nothing typed is lost. */
export type TrackFormValues = { title: string; durationSeconds: string; genre: string; type: string; artists: string };
export type ReleaseFormValues = { title: string; releaseDate: string; tracks: TrackFormValues[] };

export const emptyTrackValues: TrackFormValues = { title: "", durationSeconds: "", genre: "", type: "song", artists: "" };

/**
 * Reads the form: track fields repeat once per row (same names, document order), so a
 * removed row leaves no gap and the positions are simply the row order.
 */
export function readReleaseForm(formData: FormData): ReleaseFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const column = (name: string) => formData.getAll(name).map((value) => (typeof value === "string" ? value : ""));
  const titles = column("trackTitle");
  const durations = column("trackDuration");
  const genres = column("trackGenre");
  const types = column("trackType");
  const artists = column("trackArtists");
  const count = Math.max(titles.length, durations.length, genres.length, types.length, artists.length);
  const tracks: TrackFormValues[] = [];
  for (let index = 0; index < count; index += 1) {
    tracks.push({
      title: titles[index] ?? "",
      durationSeconds: durations[index] ?? "",
      genre: genres[index] ?? "",
      type: types[index] ?? "",
      artists: artists[index] ?? "",
    });
  }
  return { title: text("title"), releaseDate: text("releaseDate"), tracks };
}

/** zod issues as the form's field keys: "title", "tracks", "tracks.0.genre", … */
export function releaseFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // "tracks.0.artists.2" (one bad nickname) belongs to the row's artists field.
    const key = issue.path.length ? issue.path.slice(0, 3).join(".") : "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function trackFieldKey(index: number, field: keyof TrackFormValues): string {
  return `tracks.${index}.${field}`;
}

/** What anyone hears about a release that is not theirs or does not exist. */
export const RELEASE_NOT_FOUND = "Release not found";
