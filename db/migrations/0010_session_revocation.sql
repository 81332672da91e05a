-- Sessions end when what they were granted on changes: a change of role, department or password moves
-- users.session_version on, and every session cookie issued under the old version stops working (server/auth/actor.ts).
-- A trigger rather than code in each use case, so that no writer of these columns — an admin screen, a script,
-- a hand-run UPDATE — can forget. Sign-out bumps the version itself (server/auth/revoke-sessions.ts).
CREATE FUNCTION "revoke_sessions_on_grant_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."role" IS DISTINCT FROM OLD."role"
		OR NEW."department_id" IS DISTINCT FROM OLD."department_id"
		OR NEW."password_hash" IS DISTINCT FROM OLD."password_hash" THEN
		NEW."session_version" := OLD."session_version" + 1;
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "users_revoke_sessions_on_grant_change"
	BEFORE UPDATE OF "role", "department_id", "password_hash" ON "users"
	FOR EACH ROW EXECUTE FUNCTION "revoke_sessions_on_grant_change"();
