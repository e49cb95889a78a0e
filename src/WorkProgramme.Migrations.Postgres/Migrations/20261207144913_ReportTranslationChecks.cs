using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportTranslationChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutdatedTranslations",
                table: "StatusReports",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutdatedTranslations",
                table: "StatusReports");
        }
    }
}
