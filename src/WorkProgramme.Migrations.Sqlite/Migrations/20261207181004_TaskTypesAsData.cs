using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaskTypesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TaskTypes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskTypes", x => x.Code);
                });

            // Today's task types with the words the template gives them (docs/decisions/0052).
            migrationBuilder.InsertData(
                table: "TaskTypes",
                columns: ["Code", "Order", "NameFr", "NameEn"],
                values: new object[,]
                {
                    { "fine-tuning", 1, "Mise au point", "Fine-tuning" },
                    { "updating", 2, "Mise à jour", "Updating" },
                    { "development", 3, "Développement", "Development" },
                    { "maintenance", 4, "Suivi", "Maintenance" },
                });

            // The column held the enum's names; it now holds the code, the wire name the API and the files always wrote.
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'fine-tuning' WHERE "TaskType" = 'FineTuning';""");
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'updating' WHERE "TaskType" = 'Updating';""");
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'development' WHERE "TaskType" = 'Development';""");
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'maintenance' WHERE "TaskType" = 'Maintenance';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'FineTuning' WHERE "TaskType" = 'fine-tuning';""");
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'Updating' WHERE "TaskType" = 'updating';""");
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'Development' WHERE "TaskType" = 'development';""");
            migrationBuilder.Sql("""UPDATE "ActivityVersions" SET "TaskType" = 'Maintenance' WHERE "TaskType" = 'maintenance';""");

            migrationBuilder.DropTable(
                name: "TaskTypes");
        }
    }
}
