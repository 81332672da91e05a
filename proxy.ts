/**
 * Runs before every request but static files and /api/health. While PostgreSQL cannot be reached, every page,
 * action and API answers 503 at once (server/health/answer-while-database-down.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { answerWhileDatabaseDown } from "@/server/health/answer-while-database-down";

export async function proxy(request: NextRequest) {
  return (await answerWhileDatabaseDown(request)) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/health).*)"],
};
