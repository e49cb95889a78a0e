using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StrategicPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanElements_Code",
                table: "PlanElements");

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "Programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "PlanElements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StrategicPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    EndYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategicPlans", x => x.Id);
                });

            // The codes stored so far are the 2022–2025 plan's, and every programme so far follows it: activities keep
            // the codes they used (docs/decisions/0049). An empty database stays empty (a restore goes only into one).
            migrationBuilder.Sql("""
                INSERT INTO "StrategicPlans" ("StartYear", "EndYear", "TitleFr", "TitleEn")
                SELECT 2022, 2025, 'Plan stratégique de l’OMD 2022–2025', 'WCO Strategic Plan 2022–2025'
                WHERE EXISTS (SELECT 1 FROM "PlanElements") OR EXISTS (SELECT 1 FROM "Programmes");
                """);
            migrationBuilder.Sql("""UPDATE "PlanElements" SET "PlanId" = (SELECT "Id" FROM "StrategicPlans" WHERE "StartYear" = 2022);""");
            migrationBuilder.Sql("""UPDATE "Programmes" SET "PlanId" = (SELECT "Id" FROM "StrategicPlans" WHERE "StartYear" = 2022);""");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_PlanId",
                table: "Programmes",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanElements_PlanId_Code",
                table: "PlanElements",
                columns: new[] { "PlanId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategicPlans_StartYear",
                table: "StrategicPlans",
                column: "StartYear",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PlanElements_StrategicPlans_PlanId",
                table: "PlanElements",
                column: "PlanId",
                principalTable: "StrategicPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Programmes_StrategicPlans_PlanId",
                table: "Programmes",
                column: "PlanId",
                principalTable: "StrategicPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanElements_StrategicPlans_PlanId",
                table: "PlanElements");

            migrationBuilder.DropForeignKey(
                name: "FK_Programmes_StrategicPlans_PlanId",
                table: "Programmes");

            migrationBuilder.DropTable(
                name: "StrategicPlans");

            migrationBuilder.DropIndex(
                name: "IX_Programmes_PlanId",
                table: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_PlanElements_PlanId_Code",
                table: "PlanElements");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "PlanElements");

            migrationBuilder.CreateIndex(
                name: "IX_PlanElements_Code",
                table: "PlanElements",
                column: "Code",
                unique: true);
        }
    }
}
