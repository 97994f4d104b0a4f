ALTER TABLE "tenants" ADD COLUMN "locale" text DEFAULT 'de' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_locale_known" CHECK ("tenants"."locale" in ('de', 'en'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_known" CHECK ("users"."locale" is null or "users"."locale" in ('de', 'en'));