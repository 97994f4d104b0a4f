ALTER TABLE "sessions" ADD COLUMN "device" text;--> statement-breakpoint
CREATE INDEX "sessions_tenant_user_device_idx" ON "sessions" USING btree ("tenant_id","user_id","device");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_actor_idx" ON "audit_log" USING btree ("tenant_id","actor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_target_idx" ON "audit_log" USING btree ("tenant_id","target_id","created_at","id");--> statement-breakpoint
CREATE INDEX "audit_log_tenant_action_idx" ON "audit_log" USING btree ("tenant_id","action","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_contact_opened_once" ON "audit_log" USING btree ("tenant_id","target_id",("meta"->>'session')) WHERE "audit_log"."action" = 'contact.opened';