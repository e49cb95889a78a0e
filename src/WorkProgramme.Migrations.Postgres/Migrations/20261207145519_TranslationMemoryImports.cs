using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkProgramme.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Origin = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationMemoryImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TranslationMemoryUnits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    Fr = table.Column<string>(type: "text", nullable: false),
                    En = table.Column<string>(type: "text", nullable: false),
                    SourceLanguage = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PairKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
