/**
 * Auth.js (next-auth v5, pinned beta): credentials sign-in with argon2id hashes, stateless JWT sessions in an
 * encrypted cookie. v5 over v4 because its `auth()` works the same in server components, server actions and route
 * handlers, which is how every page and action here gets the session. The JWT carries only the user id; the
 * actor (role, department, companies) is loaded fresh on each request, so a changed role takes effect at once.
 */
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { readAuthSecret } from "./auth-secret";
import { checkPlainText } from "@/lib/text/plain-text";
import { hashPassword, verifyPassword } from "./password";
import { logger } from "@/server/log/logger";

const ZCredentials = z.object({
  // A name with a control character is nobody's (and a NUL would be a database error): a wrong name, not a query.
  username: z.string().trim().min(1).max(64).refine((name) => checkPlainText(name).ok),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: readAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Auth.js's own error page answers 500 to ?error=Configuration (anyone can ask for it): errors go back to sign-in.
  pages: { signIn: "/login", error: "/login" },
  logger: {
    // A wrong password is the user's mistake, answered on the form, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      logger.error({ err: error }, "sign-in failed");
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const [user] = await getDb().select().from(users).where(eq(users.username, parsed.data.username)).limit(1);
        // Verify even for an unknown name, so response time does not tell which names exist.
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
        if (!user || !ok) return null;
        return { id: user.id, name: user.displayName };
      },
    }),
  ],
  callbacks: {
    // The credentials endpoint's callbackUrl goes through the same check as every other post-action destination.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

// A real hash of a random string nobody knows, so an unknown name costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}
