CREATE TABLE "contract_deadline_queue" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_deadlines" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"deadline_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"last_day" date NOT NULL,
	"sparte" text,
	"provider" text,
	"product" text NOT NULL,
	"detail" jsonb NOT NULL,
	"computed_on" date NOT NULL,
	CONSTRAINT "contract_deadlines_pkey" PRIMARY KEY("contract_id","deadline_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_snapshots" (
	"tenant_id" uuid NOT NULL,
	"view" text NOT NULL,
	"figures" jsonb NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_snapshots_pkey" PRIMARY KEY("tenant_id","view")
);
--> statement-breakpoint
ALTER TABLE "contract_deadline_queue" ADD CONSTRAINT "contract_deadline_queue_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_deadlines" ADD CONSTRAINT "contract_deadlines_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_snapshots" ADD CONSTRAINT "portfolio_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_deadline_queue_due_idx" ON "contract_deadline_queue" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "contract_deadline_queue_tenant_due_idx" ON "contract_deadline_queue" USING btree ("tenant_id","due_on");--> statement-breakpoint
CREATE INDEX "contract_deadlines_tenant_day_idx" ON "contract_deadlines" USING btree ("tenant_id","area","last_day","contract_id","deadline_id");--> statement-breakpoint
CREATE INDEX "contract_deadlines_tenant_contact_idx" ON "contract_deadlines" USING btree ("tenant_id","contact_id");--> statement-breakpoint
-- hand-written
-- Every write of the columns a deadline depends on marks the contract dirty (due '-infinity'), whoever
-- writes: the contract form, the GDV import's bulk SQL, a script. lib/deadline-store recomputes.
CREATE FUNCTION contract_deadlines_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contract_deadline_queue (contract_id, tenant_id, due_on)
  VALUES (NEW.id, NEW.tenant_id, '-infinity')
  ON CONFLICT (contract_id) DO UPDATE SET due_on = '-infinity', queued_at = now()
    WHERE contract_deadline_queue.due_on <> '-infinity';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contracts_deadlines_insert AFTER INSERT ON contracts
  FOR EACH ROW EXECUTE FUNCTION contract_deadlines_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER contracts_deadlines_update AFTER UPDATE ON contracts
  FOR EACH ROW WHEN (
    OLD.area IS DISTINCT FROM NEW.area OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.contact_id IS DISTINCT FROM NEW.contact_id OR OLD.product IS DISTINCT FROM NEW.product
    OR OLD.provider IS DISTINCT FROM NEW.provider OR OLD.sparte IS DISTINCT FROM NEW.sparte
    OR OLD.start_date IS DISTINCT FROM NEW.start_date OR OLD.end_date IS DISTINCT FROM NEW.end_date
    OR OLD.main_due_date IS DISTINCT FROM NEW.main_due_date OR OLD.notice_months IS DISTINCT FROM NEW.notice_months
    OR OLD.auto_renewal IS DISTINCT FROM NEW.auto_renewal
    OR OLD.premium_increase_received_on IS DISTINCT FROM NEW.premium_increase_received_on
    OR OLD.claim_settled_on IS DISTINCT FROM NEW.claim_settled_on OR OLD.acquired_on IS DISTINCT FROM NEW.acquired_on
    OR OLD.partial_dates IS DISTINCT FROM NEW.partial_dates
  ) EXECUTE FUNCTION contract_deadlines_mark_dirty();
--> statement-breakpoint
-- A product line's Sparte is the fallback of its contracts: a changed one marks them dirty.
CREATE FUNCTION product_line_deadlines_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contract_deadline_queue (contract_id, tenant_id, due_on)
  SELECT c.id, c.tenant_id, '-infinity' FROM contracts c
  WHERE c.area = NEW.area AND c.product IN (OLD.name, NEW.name) AND c.sparte IS NULL
  ON CONFLICT (contract_id) DO UPDATE SET due_on = '-infinity', queued_at = now();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER product_lines_deadlines_update AFTER UPDATE ON product_lines
  FOR EACH ROW WHEN (OLD.sparte IS DISTINCT FROM NEW.sparte OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION product_line_deadlines_mark_dirty();
--> statement-breakpoint
-- The contracts already there are computed by the worker after the deploy.
INSERT INTO contract_deadline_queue (contract_id, tenant_id, due_on)
SELECT id, tenant_id, '-infinity' FROM contracts ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- BESTAND: a write of contracts or contact profiles marks the tenant's cockpit snapshots stale (one
-- statement-level update per statement, also for a bulk import); the next read recomputes them.
CREATE FUNCTION portfolio_snapshots_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE portfolio_snapshots SET stale = true
    WHERE NOT stale AND tenant_id IN (SELECT DISTINCT tenant_id FROM old_rows);
  ELSE
    UPDATE portfolio_snapshots SET stale = true
    WHERE NOT stale AND tenant_id IN (SELECT DISTINCT tenant_id FROM new_rows);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contracts_portfolio_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portfolio_snapshots_mark_stale();
--> statement-breakpoint
CREATE TRIGGER contracts_portfolio_update AFTER UPDATE ON contracts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portfolio_snapshots_mark_stale();
--> statement-breakpoint
CREATE TRIGGER contracts_portfolio_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portfolio_snapshots_mark_stale();
--> statement-breakpoint
CREATE TRIGGER contact_profiles_portfolio_insert AFTER INSERT ON contact_profiles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portfolio_snapshots_mark_stale();
--> statement-breakpoint
CREATE TRIGGER contact_profiles_portfolio_update AFTER UPDATE ON contact_profiles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portfolio_snapshots_mark_stale();
--> statement-breakpoint
CREATE TRIGGER contact_profiles_portfolio_delete AFTER DELETE ON contact_profiles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION portfolio_snapshots_mark_stale();
