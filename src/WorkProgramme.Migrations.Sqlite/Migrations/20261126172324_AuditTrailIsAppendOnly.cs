using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkProgramme.Migrations.Sqlite.Migrations
{
    /// <summary>The audit trail is append-only: the database itself refuses to change or remove a row.</summary>
    public partial class AuditTrailIsAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit rows cannot be changed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit rows cannot be deleted'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_NoDelete";""");
        }
    }
}
