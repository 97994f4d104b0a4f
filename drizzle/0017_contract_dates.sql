ALTER TABLE "contracts" ADD COLUMN "sparte" text;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "main_due_date" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "notice_months" integer;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "auto_renewal" boolean;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "premium_increase_received_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "claim_settled_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "acquired_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "partial_dates" jsonb;--> statement-breakpoint
ALTER TABLE "product_lines" ADD COLUMN "sparte" text;