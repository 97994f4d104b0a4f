ALTER TABLE "contracts" ADD COLUMN "origin" text;--> statement-breakpoint
CREATE INDEX "contact_profiles_tenant_lead_idx" ON "contact_profiles" USING btree ("tenant_id","created_at") WHERE "contact_profiles"."lead";--> statement-breakpoint
CREATE INDEX "contracts_tenant_start_idx" ON "contracts" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE INDEX "contracts_tenant_end_idx" ON "contracts" USING btree ("tenant_id","end_date");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_origin_known" CHECK ("contracts"."origin" is null or "contracts"."origin" in ('typed', 'client', 'import'));