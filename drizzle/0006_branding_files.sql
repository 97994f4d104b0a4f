ALTER TABLE "tenants" ADD COLUMN "logo_key" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "logo_width" integer;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "logo_height" integer;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "favicon_key" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "favicon_type" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "branding_version" integer DEFAULT 0 NOT NULL;