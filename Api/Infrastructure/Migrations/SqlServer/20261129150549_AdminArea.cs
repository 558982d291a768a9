using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Api.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AdminArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EndUsers_ClientId",
                table: "EndUsers");

            migrationBuilder.RenameColumn(
                name: "AccountId",
                table: "OneTimeLink",
                newName: "SubjectId");

            migrationBuilder.RenameIndex(
                name: "IX_OneTimeLink_AccountId",
                table: "OneTimeLink",
                newName: "IX_OneTimeLink_SubjectId");

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "EndUsers",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "MigratedToSsoAt",
                table: "Clients",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActorId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TargetType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TargetId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    TargetName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Before = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ClientIp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerStaff_SsoAccountId",
                table: "PartnerStaff",
                column: "SsoAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_ClientId_DisplayName",
                table: "EndUsers",
                columns: new[] { "ClientId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_PartnerId_At",
                table: "AuditEvents",
                columns: new[] { "PartnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_TargetId_At",
                table: "AuditEvents",
                columns: new[] { "TargetId", "At" });

            // Staff roles now use the Api's one role vocabulary.
            migrationBuilder.Sql("UPDATE PartnerStaff SET Role = 'partner-admin' WHERE Role = 'Admin'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_PartnerStaff_SsoAccountId",
                table: "PartnerStaff");

            migrationBuilder.DropIndex(
                name: "IX_EndUsers_ClientId_DisplayName",
                table: "EndUsers");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "EndUsers");

            migrationBuilder.DropColumn(
                name: "MigratedToSsoAt",
                table: "Clients");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "OneTimeLink",
                newName: "AccountId");

            migrationBuilder.RenameIndex(
                name: "IX_OneTimeLink_SubjectId",
                table: "OneTimeLink",
                newName: "IX_OneTimeLink_AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_EndUsers_ClientId",
                table: "EndUsers",
                column: "ClientId");
        }
    }
}
