using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TranslationMemoryImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TranslationMemoryImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationMemoryImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TranslationMemoryUnits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fr = table.Column<string>(type: "TEXT", nullable: false),
                    En = table.Column<string>(type: "TEXT", nullable: false),
                    SourceLanguage = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PairKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationMemoryUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TranslationMemoryUnits_TranslationMemoryImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "TranslationMemoryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TranslationMemoryUnits_ImportId",
                table: "TranslationMemoryUnits",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_TranslationMemoryUnits_PairKey",
                table: "TranslationMemoryUnits",
                column: "PairKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TranslationMemoryUnits");

            migrationBuilder.DropTable(
                name: "TranslationMemoryImports");
        }
    }
}
