ALTER TABLE "contact_profiles" ADD COLUMN "lead" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_profiles" ADD COLUMN "lead_topic" text;--> statement-breakpoint
ALTER TABLE "contact_profiles" ADD COLUMN "lead_message" text;--> statement-breakpoint
ALTER TABLE "contact_profiles" ADD COLUMN "lead_consent_at" timestamp with time zone;