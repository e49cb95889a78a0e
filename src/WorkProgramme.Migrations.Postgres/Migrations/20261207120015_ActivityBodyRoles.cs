using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActivityBodyRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No role chosen: every existing body keeps the role its place gives it, so the programmes read as before.
            migrationBuilder.AddColumn<string>(
                name: "ChosenRoles",
                table: "ActivityVersions",
                type: "character varying(800)",
                maxLength: 800,
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChosenRoles",
                table: "ActivityVersions");
        }
    }
}
