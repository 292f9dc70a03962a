// Sign-in attempts from a separate OS process, as a second web process would make them: the
// throttle of lib/auth/throttle.ts against the DATABASE_URL it shares with the test. Run as
//   node --conditions=react-server --import tsx tests/support/sign-in-attempts-script.ts '<json>'
// with { email, password, address, attempts }; prints the outcome of each attempt as JSON.
import { throttledSignIn, TooManyAttemptsError } from "@/lib/auth/throttle";
import { prisma } from "@/lib/db";
import { authenticate } from "@/lib/users/authenticate";

export type SignInOutcome = "signed-in" | "invalid" | "too-many-attempts";

type Request = { email: string; password: string; address: string; attempts: number };

async function attempt({ email, password, address }: Request): Promise<SignInOutcome> {
  try {
    const user = await throttledSignIn({ email, address }, () => authenticate(email, password));
    return user ? "signed-in" : "invalid";
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return "too-many-attempts";
    throw error;
  }
}

async function main(request: Request): Promise<SignInOutcome[]> {
  const outcomes: SignInOutcome[] = [];
  for (let index = 0; index < request.attempts; index += 1) outcomes.push(await attempt(request));
  return outcomes;
}

main(JSON.parse(process.argv[2] ?? "{}") as Request)
  .then((outcomes) => process.stdout.write(JSON.stringify(outcomes)))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
