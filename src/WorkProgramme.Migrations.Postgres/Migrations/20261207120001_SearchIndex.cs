using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkProgramme.Application.Data;

#nullable disable

namespace WorkProgramme.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The search index (docs/decisions/0041): one row per activity row and per status report, with a French tsvector
    /// (french configuration) and an English one (english configuration) of the text without accents (the unaccent
    /// extension, trusted since PostgreSQL 13, so the database owner may create it). Triggers keep them current in the
    /// same transaction as every write, whoever writes. Written by hand (no model change): the tables are not in the model.
    /// </summary>
    [DbContext(typeof(WorkProgrammeDb))]
    [Migration("20261207120001_SearchIndex")]
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            foreach (var index in new[] { "SearchActivities", "SearchReports" })
            {
                migrationBuilder.Sql($"""
                    CREATE TABLE "{index}" ("Id" integer PRIMARY KEY, "Fr" tsvector NOT NULL, "En" tsvector NOT NULL);
                    CREATE INDEX "IX_{index}_Fr" ON "{index}" USING gin ("Fr");
                    CREATE INDEX "IX_{index}_En" ON "{index}" USING gin ("En");
                    """);
            }

            migrationBuilder.Sql("""
                CREATE FUNCTION "ActivityVersions_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM "SearchActivities" WHERE "Id" = OLD."Id";
                        RETURN NULL;
                    END IF;
                    INSERT INTO "SearchActivities" ("Id", "Fr", "En") VALUES (NEW."Id",
                        to_tsvector('french', unaccent(concat_ws(' ', NEW."TitleFr", NEW."KpiFr", NEW."ResourcesFr"))),
                        to_tsvector('english', unaccent(concat_ws(' ', NEW."TitleEn", NEW."KpiEn", NEW."ResourcesEn"))))
                    ON CONFLICT ("Id") DO UPDATE SET "Fr" = EXCLUDED."Fr", "En" = EXCLUDED."En";
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "StatusReports_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    milestones_fr text;
                    milestones_en text;
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        DELETE FROM "SearchReports" WHERE "Id" = OLD."Id";
                        RETURN NULL;
                    END IF;
                    SELECT string_agg(m -> 'text' ->> 'fr', ' '), string_agg(m -> 'text' ->> 'en', ' ')
                        INTO milestones_fr, milestones_en
                        FROM jsonb_array_elements(coalesce(NEW."MilestonesReached", '[]')::jsonb) AS m;
                    INSERT INTO "SearchReports" ("Id", "Fr", "En") VALUES (NEW."Id",
                        to_tsvector('french', unaccent(concat_ws(' ', NEW."NarrativeFr", NEW."NextStepsFr", milestones_fr))),
                        to_tsvector('english', unaccent(concat_ws(' ', NEW."NarrativeEn", NEW."NextStepsEn", milestones_en))))
                    ON CONFLICT ("Id") DO UPDATE SET "Fr" = EXCLUDED."Fr", "En" = EXCLUDED."En";
                    RETURN NULL;
                END
                $$;
                """);
            foreach (var source in new[] { "ActivityVersions", "StatusReports" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{source}_Search" AFTER INSERT OR UPDATE OR DELETE ON "{source}"
                    FOR EACH ROW EXECUTE FUNCTION "{source}_Search"();
                    """);
                migrationBuilder.Sql($"""UPDATE "{source}" SET "Id" = "Id";""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var source in new[] { "ActivityVersions", "StatusReports" })
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{source}_Search" ON "{source}";""");
                migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{source}_Search"();""");
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchReports";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchActivities";""");
        }
    }
}
