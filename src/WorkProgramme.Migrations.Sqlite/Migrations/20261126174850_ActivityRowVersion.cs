using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActivityRowVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "ActivityVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "ActivityVersions");
        }
    }
}
