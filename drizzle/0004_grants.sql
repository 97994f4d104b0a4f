CREATE TABLE "client_grants" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"module" text NOT NULL,
	"activation" boolean DEFAULT false NOT NULL,
	"data_release" boolean DEFAULT false NOT NULL,
	"read_only" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_grants_tenant_id_user_id_module_pk" PRIMARY KEY("tenant_id","user_id","module")
);
--> statement-breakpoint
ALTER TABLE "client_grants" ADD CONSTRAINT "client_grants_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;