-- Audit retention (AUDIT_RETENTION_MONTHS, never under six months): the one DELETE the trail allows is the
-- retention's own, inside a transaction that names how far it prunes (set local onedoor.audit_prune_through) and
-- only of sealed records up to there. The prune records itself in the chain, and verification then starts from the
-- signed checkpoint at the cut (server/audit/prune-audit-records.ts). Anyone able to set the setting could also
-- drop the trigger: the chain and the published checkpoints, not this trigger, are what shows a removal.
CREATE OR REPLACE FUNCTION "audit_records_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE'
		AND OLD."position" IS NULL AND OLD."hash" IS NULL
		AND NEW."position" IS NOT NULL AND NEW."hash" IS NOT NULL
		AND (to_jsonb(NEW) - 'position' - 'hash') = (to_jsonb(OLD) - 'position' - 'hash') THEN
		RETURN NEW;
	END IF;
	IF TG_OP = 'DELETE'
		AND OLD."position" IS NOT NULL
		AND coalesce(current_setting('onedoor.audit_prune_through', true), '') <> ''
		AND OLD."position" <= current_setting('onedoor.audit_prune_through', true)::bigint THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'audit records are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
