CREATE TABLE "deadline_marks" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"deadline_id" text NOT NULL,
	"last_day" date,
	"note" text,
	"done_by" uuid NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_marks_pkey" PRIMARY KEY("tenant_id","contract_id","deadline_id")
);
--> statement-breakpoint
ALTER TABLE "deadline_marks" ADD CONSTRAINT "deadline_marks_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_marks_tenant_idx" ON "deadline_marks" USING btree ("tenant_id","done_at");--> statement-breakpoint
CREATE INDEX "contracts_deadline_candidates_idx" ON "contracts" USING btree ("tenant_id","id") WHERE "contracts"."area" = 'insurance' and ("contracts"."status" is null or "contracts"."status" not in ('gekündigt', 'beendet')) and coalesce("contracts"."start_date", "contracts"."end_date", "contracts"."main_due_date", "contracts"."premium_increase_received_on", "contracts"."claim_settled_on", "contracts"."acquired_on") is not null;--> statement-breakpoint
-- hand-written
-- The GDV Sparte of each shipped insurance product line (reference §3), so typed-in contracts get their
-- deadline rules; lines without a fitting code stay null (ordinary VVG §11 rules).
UPDATE "product_lines" AS p SET "sparte" = m.sparte
FROM (VALUES
  ('Basisrente (Rürup)', '010'),
  ('Berufsunfähigkeitsversicherung', '010'),
  ('Erwerbsunfähigkeitsversicherung', '010'),
  ('Fondsgebundene Rentenversicherung', '010'),
  ('Kapitallebensversicherung', '010'),
  ('Private Rentenversicherung', '010'),
  ('Riester-Rente', '010'),
  ('Risikolebensversicherung', '010'),
  ('Sterbegeldversicherung', '010'),
  ('Krankentagegeldversicherung', '020'),
  ('Krankenzusatzversicherung', '020'),
  ('Pflegezusatzversicherung', '020'),
  ('Private Krankenvollversicherung', '020'),
  ('Zahnzusatzversicherung', '020'),
  ('Unfallversicherung', '030'),
  ('Bauherrenhaftpflichtversicherung', '040'),
  ('Berufshaftpflichtversicherung', '040'),
  ('D&O-Versicherung', '040'),
  ('Gewässerschadenhaftpflichtversicherung', '040'),
  ('Gewerbliche Haftpflicht', '040'),
  ('Haus- und Grundbesitzerhaftpflichtversicherung', '040'),
  ('Tierhalterhaftpflicht', '040'),
  ('Vermögensschadenhaftpflichtversicherung', '040'),
  ('Privathaftpflichtversicherung', '041'),
  ('Kfz-Versicherung', '050'),
  ('Motorradversicherung', '050'),
  ('Firmenrechtsschutzversicherung', '070'),
  ('Rechtsschutzversicherung', '070'),
  ('Glasversicherung', '110'),
  ('Hausratversicherung', '130'),
  ('Wohngebäudeversicherung', '140'),
  ('Elektronikversicherung', '170'),
  ('Tierkrankenversicherung', '684')
) AS m(name, sparte)
WHERE p."area" = 'insurance' AND p."name" = m.name;
