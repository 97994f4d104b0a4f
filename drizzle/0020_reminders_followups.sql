CREATE TABLE "calendar_feeds" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text,
	"show_names" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_reminder_optins" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_reminder_optins_contract_id_user_id_pk" PRIMARY KEY("contract_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "deadline_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"deadline_id" text NOT NULL,
	"step" integer NOT NULL,
	"audience" text NOT NULL,
	"recipient_id" uuid,
	"outbox_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_notices" (
	"follow_up_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"outbox_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_notices_follow_up_id_due_on_pk" PRIMARY KEY("follow_up_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"contract_id" uuid,
	"assignee_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"note" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"days" integer[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reminder_optins" ADD CONSTRAINT "contract_reminder_optins_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reminder_optins" ADD CONSTRAINT "contract_reminder_optins_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_reminders" ADD CONSTRAINT "deadline_reminders_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_notices" ADD CONSTRAINT "follow_up_notices_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contact_fk" FOREIGN KEY ("tenant_id","contact_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_assignee_fk" FOREIGN KEY ("tenant_id","assignee_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contract_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_reminders_key" ON "deadline_reminders" USING btree ("contract_id","deadline_id","step","audience");--> statement-breakpoint
CREATE INDEX "follow_ups_assignee_open_idx" ON "follow_ups" USING btree ("tenant_id","assignee_id","due_on") WHERE "follow_ups"."done_at" is null;--> statement-breakpoint
CREATE INDEX "follow_ups_due_open_idx" ON "follow_ups" USING btree ("due_on") WHERE "follow_ups"."done_at" is null;--> statement-breakpoint
CREATE INDEX "follow_ups_contact_idx" ON "follow_ups" USING btree ("tenant_id","contact_id");--> statement-breakpoint
-- hand-written
-- Reminder candidates (lib/reminders/candidates.ts): the month-day (MMDD) of the dates a deadline series
-- rolls from, and the latest deadline event, so the job finds the contracts of a date window by index.
CREATE INDEX "contracts_main_due_md_idx" ON "contracts" ("tenant_id", ((extract(month from "main_due_date") * 100 + extract(day from "main_due_date"))::int));--> statement-breakpoint
CREATE INDEX "contracts_end_md_idx" ON "contracts" ("tenant_id", ((extract(month from "end_date") * 100 + extract(day from "end_date"))::int));--> statement-breakpoint
CREATE INDEX "contracts_start_md_idx" ON "contracts" ("tenant_id", ((extract(month from "start_date") * 100 + extract(day from "start_date"))::int));--> statement-breakpoint
CREATE INDEX "contracts_event_idx" ON "contracts" ("tenant_id", (greatest("premium_increase_received_on", "claim_settled_on", "acquired_on")));
