using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReportsTo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AbbreviationEn = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AbbreviationFr = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanElements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayCodeEn = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DisplayCodeFr = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LabelEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LabelFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanElements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    BodyCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TitleFr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BodyCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ordinals = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Season = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentSymbol = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeVersions_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatusReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    KeywordInferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExecutionLevel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    MilestonesReached = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NarrativeEn = table.Column<string>(type: "TEXT", nullable: true),
                    NarrativeFr = table.Column<string>(type: "TEXT", nullable: true),
                    NextStepsEn = table.Column<string>(type: "TEXT", nullable: true),
                    NextStepsFr = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusReports_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    LinkedToStrategicPlan = table.Column<bool>(type: "INTEGER", nullable: true),
                    PlanCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TaskType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BodyCodes = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    Deadline = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    KpiEn = table.Column<string>(type: "TEXT", nullable: true),
                    KpiFr = table.Column<string>(type: "TEXT", nullable: true),
                    ResourcesEn = table.Column<string>(type: "TEXT", nullable: true),
                    ResourcesFr = table.Column<string>(type: "TEXT", nullable: true),
                    TitleEn = table.Column<string>(type: "TEXT", nullable: true),
                    TitleFr = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityVersions_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActivityVersions_ProgrammeVersions_ProgrammeVersionId",
                        column: x => x.ProgrammeVersionId,
                        principalTable: "ProgrammeVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ProgrammeId",
                table: "Activities",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityVersions_ActivityId",
                table: "ActivityVersions",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityVersions_ProgrammeVersionId_ActivityId",
                table: "ActivityVersions",
                columns: new[] { "ProgrammeVersionId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bodies_Code",
                table: "Bodies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanElements_Code",
                table: "PlanElements",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_Slug",
                table: "Programmes",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeVersions_ProgrammeId_Label",
                table: "ProgrammeVersions",
                columns: new[] { "ProgrammeId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_BodyCode_Year_Month",
                table: "Sessions",
                columns: new[] { "BodyCode", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Key",
                table: "Sessions",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatusReports_ActivityId_SessionKey",
                table: "StatusReports",
                columns: new[] { "ActivityId", "SessionKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityVersions");

            migrationBuilder.DropTable(
                name: "Bodies");

            migrationBuilder.DropTable(
                name: "PlanElements");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "StatusReports");

            migrationBuilder.DropTable(
                name: "ProgrammeVersions");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "Programmes");
        }
    }
}
