using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkProgramme.Application.Data;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The search index (docs/decisions/0041): two FTS5 tables, one row per activity row and per status report, each with
    /// its French and its English text, folded to lower case without accents. Triggers keep them current in the same
    /// transaction as every write, whoever writes. Written by hand (no model change): the tables are not in the model.
    /// </summary>
    [DbContext(typeof(WorkProgrammeDb))]
    [Migration("20261207120000_SearchIndex")]
    public partial class SearchIndex : Migration
    {
        private const string ActivityRow = """
            SELECT new."Id",
                   coalesce(new."TitleFr", '') || ' ' || coalesce(new."KpiFr", '') || ' ' || coalesce(new."ResourcesFr", ''),
                   coalesce(new."TitleEn", '') || ' ' || coalesce(new."KpiEn", '') || ' ' || coalesce(new."ResourcesEn", '')
            """;

        private const string ReportRow = """
            SELECT new."Id",
                   coalesce(new."NarrativeFr", '') || ' ' || coalesce(new."NextStepsFr", '') || ' '
                       || coalesce((SELECT group_concat(json_extract(m.value, '$.text.fr'), ' ') FROM json_each(new."MilestonesReached") m), ''),
                   coalesce(new."NarrativeEn", '') || ' ' || coalesce(new."NextStepsEn", '') || ' '
                       || coalesce((SELECT group_concat(json_extract(m.value, '$.text.en'), ' ') FROM json_each(new."MilestonesReached") m), '')
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchActivities" USING fts5("Fr", "En", tokenize = 'unicode61 remove_diacritics 2');""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "SearchReports" USING fts5("Fr", "En", tokenize = 'unicode61 remove_diacritics 2');""");
            foreach (var (source, index, row) in new[] { ("ActivityVersions", "SearchActivities", ActivityRow), ("StatusReports", "SearchReports", ReportRow) })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{source}_SearchInsert" AFTER INSERT ON "{source}" BEGIN
                        INSERT INTO "{index}" (rowid, "Fr", "En") {row};
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{source}_SearchUpdate" AFTER UPDATE ON "{source}" BEGIN
                        DELETE FROM "{index}" WHERE rowid = old."Id";
                        INSERT INTO "{index}" (rowid, "Fr", "En") {row};
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{source}_SearchDelete" AFTER DELETE ON "{source}" BEGIN
                        DELETE FROM "{index}" WHERE rowid = old."Id";
                    END;
                    """);
                migrationBuilder.Sql($"""UPDATE "{source}" SET "Id" = "Id";""");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var source in new[] { "ActivityVersions", "StatusReports" })
            {
                foreach (var verb in new[] { "Insert", "Update", "Delete" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{source}_Search{verb}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchReports";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchActivities";""");
        }
    }
}
