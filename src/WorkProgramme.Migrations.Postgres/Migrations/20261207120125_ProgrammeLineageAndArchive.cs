using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeLineageAndArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsArchived",
                table: "Programmes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Predecessor",
                table: "Programmes",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Successor",
                table: "Programmes",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromId",
                table: "Activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CarriedFromLabel",
                table: "Activities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CarriedFromProgramme",
                table: "Activities",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CarriedFromId",
                table: "Activities",
                column: "CarriedFromId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_CarriedFromId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IsArchived",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Predecessor",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Successor",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "CarriedFromId",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "CarriedFromLabel",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "CarriedFromProgramme",
                table: "Activities");
        }
    }
}
