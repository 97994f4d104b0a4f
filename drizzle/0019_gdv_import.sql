CREATE TABLE "contact_insurer_numbers" (
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"vu_number" text NOT NULL,
	"customer_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_insurer_numbers_pkey" PRIMARY KEY("tenant_id","vu_number","customer_number")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "premium_basis" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "exit_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "exit_date" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "gdv_key" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "import_values" jsonb;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "vu_number" text;--> statement-breakpoint
ALTER TABLE "contact_insurer_numbers" ADD CONSTRAINT "contact_insurer_numbers_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_insurer_numbers_contact_idx" ON "contact_insurer_numbers" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_tenant_gdv_key" ON "contracts" USING btree ("tenant_id","gdv_key") WHERE "contracts"."gdv_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "providers_scope_vu_number_key" ON "providers" USING btree (coalesce("tenant_id", '00000000-0000-0000-0000-000000000000'::uuid),"vu_number") WHERE "providers"."vu_number" is not null;--> statement-breakpoint
-- hand-written
-- GDV persons are matched by surname + first name + birth date (lib/import/gdv/lookup.ts).
CREATE INDEX "users_tenant_name_birth_idx" ON "users" USING btree ("tenant_id", lower("last_name"), lower("first_name"), "birth_date") WHERE "kind" = 'client';
