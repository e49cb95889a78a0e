using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VersionAdoption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovedAt",
                table: "ProgrammeVersions",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndorsedAt",
                table: "ProgrammeVersions",
                type: "TEXT",
                maxLength: 60,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "ProgrammeVersions");

            migrationBuilder.DropColumn(
                name: "EndorsedAt",
                table: "ProgrammeVersions");
        }
    }
}
