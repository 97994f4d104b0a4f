CREATE TABLE "contact_insurer_numbers" (
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"vu_number" text NOT NULL,
	"customer_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_insurer_numbers_pkey" PRIMARY KEY("tenant_id","vu_number","customer_number")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_keys" jsonb NOT NULL,
	"file_name" text NOT NULL,
	"size_bytes" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'uploaded' NOT NULL,
	"work" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	CONSTRAINT "import_jobs_tenant_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"contacts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"line" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"match_key" text,
	"target_id" uuid,
	"candidates" jsonb,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"reason_key" text,
	"reason_values" jsonb,
	"reason_field" text,
	"group_key" text,
	"depends_on" jsonb,
	"excluded" boolean DEFAULT false NOT NULL,
	"decision" text,
	"applied_at" timestamp with time zone,
	"applied_target_id" uuid,
	"applied_created" boolean,
	"previous" jsonb,
	"applied_stamp" text,
	"apply_error" text,
	"undone_at" timestamp with time zone,
	"undo_outcome" text,
	CONSTRAINT "import_rows_job_line_key" UNIQUE("job_id","file_name","line","kind")
);
--> statement-breakpoint
DROP INDEX "users_tenant_email_key";--> statement-breakpoint
ALTER TABLE "contact_profiles" ADD COLUMN "company" text;--> statement-breakpoint
ALTER TABLE "contact_profiles" ADD COLUMN "customer_number" text;--> statement-breakpoint
ALTER TABLE "contact_profiles" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "premium_basis" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "exit_reason" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "exit_date" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "gdv_key" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "import_values" jsonb;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "vu_number" text;--> statement-breakpoint
ALTER TABLE "contact_insurer_numbers" ADD CONSTRAINT "contact_insurer_numbers_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_creator_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_job_fk" FOREIGN KEY ("tenant_id","job_id") REFERENCES "public"."import_jobs"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_insurer_numbers_contact_idx" ON "contact_insurer_numbers" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "import_jobs_tenant_created_idx" ON "import_jobs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_work_idx" ON "import_jobs" USING btree ("work") WHERE "import_jobs"."work" is not null;--> statement-breakpoint
CREATE INDEX "import_rows_job_status_idx" ON "import_rows" USING btree ("job_id","status","line");--> statement-breakpoint
CREATE INDEX "import_rows_job_match_idx" ON "import_rows" USING btree ("job_id","kind","match_key");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_tenant_gdv_key" ON "contracts" USING btree ("tenant_id","gdv_key") WHERE "contracts"."gdv_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "providers_scope_vu_number_key" ON "providers" USING btree (coalesce("tenant_id", '00000000-0000-0000-0000-000000000000'::uuid),"vu_number") WHERE "providers"."vu_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_tenant_email_key" ON "users" USING btree ("tenant_id",lower("email")) WHERE "users"."email" <> '';--> statement-breakpoint
-- hand-written
-- GDV persons are matched by surname + first name + birth date (lib/import/gdv/lookup.ts).
CREATE INDEX "users_tenant_name_birth_idx" ON "users" USING btree ("tenant_id", lower("last_name"), lower("first_name"), "birth_date") WHERE "kind" = 'client';
