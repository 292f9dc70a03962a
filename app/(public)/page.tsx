// `/`: the label's public page: who we are, our artists, and how to join (Sign in / Register).
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/guards";
import { roleHome } from "@/lib/auth/role-home";
import { listLabelRoster } from "@/lib/users/list-label-roster";

export const dynamic = "force-dynamic";

const steps = [
  { title: "Create an account", body: "Register with your name and email. It takes a minute." },
  { title: "Ask to join", body: "Send a sign-contract request with your artist name and a note to the label." },
  { title: "Meet your manager", body: "A manager reviews your request. Once accepted you are on the roster for a year." },
  { title: "Release your music", body: "Upload releases, request publication, and follow streams and likes as they grow." },
];

export default async function LabelPage() {
  const [user, roster] = await Promise.all([currentUser(), listLabelRoster()]);

  return (
    <main id="main">
      <section className="relative overflow-hidden bg-stone-950 text-stone-50">
        <div aria-hidden="true" className="pointer-events-none absolute -top-40 -right-32 size-[28rem] rounded-full border-[3rem] border-stone-800/60 sm:size-[36rem]">
          <div className="absolute inset-16 rounded-full border border-stone-800" />
          <div className="absolute inset-28 rounded-full border border-stone-800" />
          <div className="absolute inset-[40%] rounded-full bg-accent-600/80" />
        </div>
        <div className="relative mx-auto max-w-6xl px-4 py-20 sm:px-6 sm:py-28">
          <p className="text-sm font-semibold tracking-widest text-accent-400 uppercase">Independent record label</p>
          <h1 className="mt-3 max-w-2xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Cook Droogers puts your records out into the world.
          </h1>
          <p className="mt-5 max-w-xl text-base text-stone-300 sm:text-lg">
            A small label with a personal manager for every artist, honest release planning and statistics you can read.
            Send us your request — we listen to every one.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {/* The header carries the "Sign in" and "Register" links; these say it differently so each name stays unique. */}
            <Link href={user ? roleHome(user.role) : "/register"} className={buttonClasses({ variant: "primary" })}>
              {user ? "Go to your dashboard" : "Get started"}
            </Link>
            <a href="#how-heading" className={buttonClasses({ variant: "secondary", className: "border-stone-700 bg-stone-900 text-stone-50 hover:bg-stone-800" })}>
              How joining works
            </a>
          </div>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-14 sm:px-6" aria-labelledby="roster-heading">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="roster-heading" className="text-2xl font-semibold tracking-tight">
              On the roster
            </h2>
            <p className="mt-1 text-sm text-stone-600">
              {roster.artistCount === 1 ? "1 artist" : `${roster.artistCount} artists`} ·{" "}
              {roster.publishedReleaseCount === 1 ? "1 published release" : `${roster.publishedReleaseCount} published releases`}
            </p>
          </div>
        </div>
        {roster.artists.length === 0 ? (
          <p className="mt-6 rounded-lg border border-dashed border-stone-300 bg-white px-6 py-8 text-center text-sm text-stone-600">
            Our roster is being assembled. Could the first name on it be yours?
          </p>
        ) : (
          <ul className="mt-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {roster.artists.map((artist) => (
              <li key={artist.nickname} className="flex items-center gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-stone-900 text-sm font-semibold text-stone-50">
                  {artist.nickname.slice(0, 1).toUpperCase()}
                </span>
                <div className="min-w-0">
                  <p className="truncate font-medium text-stone-900">{artist.nickname}</p>
                  <p className="text-xs text-stone-500">
                    {artist.publishedReleases === 1 ? "1 release" : `${artist.publishedReleases} releases`}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="border-t border-stone-200 bg-white" aria-labelledby="how-heading">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6">
          <h2 id="how-heading" className="text-2xl font-semibold tracking-tight">
            How joining works
          </h2>
          <ol className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {steps.map((step, index) => (
              <li key={step.title} className="rounded-lg border border-stone-200 bg-stone-50 p-5">
                <span className="text-sm font-semibold text-accent-700">Step {index + 1}</span>
                <h3 className="mt-1 font-semibold text-stone-900">{step.title}</h3>
                <p className="mt-1 text-sm text-stone-600">{step.body}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>
    </main>
  );
}
